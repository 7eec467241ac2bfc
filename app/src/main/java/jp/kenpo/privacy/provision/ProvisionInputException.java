package jp.kenpo.privacy.provision;

import java.util.List;
import jp.kenpo.privacy.members.ImportProblem;

/** An input file the run cannot read as a member-keyed CSV, refused whole: nothing was provided or recorded. */
public class ProvisionInputException extends RuntimeException {

    private final List<ImportProblem> problems;

    public ProvisionInputException(String source, List<ImportProblem> problems) {
        super(source + ": " + problems.size() + " problem(s), nothing provided; first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
