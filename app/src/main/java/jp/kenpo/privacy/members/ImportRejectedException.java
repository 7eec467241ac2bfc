package jp.kenpo.privacy.members;

import java.util.List;

/** An import file with bad rows, refused whole: nothing was written. */
public class ImportRejectedException extends RuntimeException {

    private final List<ImportProblem> problems;

    public ImportRejectedException(String source, List<ImportProblem> problems) {
        super(source + ": " + problems.size() + " bad row(s), nothing imported; first: " + problems.get(0)
                + (problems.size() > 1 ? " (fix them, or allow skipping bad rows)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
