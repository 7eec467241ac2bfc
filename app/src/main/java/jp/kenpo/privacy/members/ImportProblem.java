package jp.kenpo.privacy.members;

import jp.kenpo.privacy.shared.NumberMask;

/**
 * A row of an import file that cannot be taken, and why: file, line, column, reason. A reason may
 * quote what the file says; an individual number in it is masked here, so that no channel (the
 * API, the command line, the trail) can show it (My Number Act Art. 20).
 */
public record ImportProblem(String source, long line, String column, String reason) {

    public ImportProblem {
        source = NumberMask.mask(source);
        reason = NumberMask.mask(reason);
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + (column.isEmpty() ? "" : "column " + column + ": ") + reason;
    }
}
