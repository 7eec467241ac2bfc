package jp.kenpo.privacy.members;

/** A row of an import file that cannot be taken, and why: file, line, column, reason. */
public record ImportProblem(String source, long line, String column, String reason) {

    @Override
    public String toString() {
        return source + ":" + line + ": " + (column.isEmpty() ? "" : "column " + column + ": ") + reason;
    }
}
