package jp.kenpo.privacy.members;

import java.util.List;

/**
 * What a member import did. With problems and no permission to skip bad rows nothing is
 * written and the import is refused ({@link ImportRejectedException}).
 *
 * @param rowsSkipped bad rows left out because skipping was allowed; {@code problems} says why
 */
public record ImportReport(
        String source,
        int rowsRead,
        int membersAdded,
        int membersUpdated,
        int periodsAdded,
        int periodsUpdated,
        int rowsSkipped,
        List<ImportProblem> problems) {

    public ImportReport {
        problems = List.copyOf(problems);
    }
}
