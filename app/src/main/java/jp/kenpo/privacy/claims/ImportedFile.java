package jp.kenpo.privacy.claims;

import java.nio.file.Path;
import java.util.List;

/**
 * What importing one file did.
 *
 * @param fileId       the file's number in the register (that of the earlier import when already imported)
 * @param records      receipts or checkups read, linked or quarantined
 * @param quarantined  records kept in quarantine (not linkable, or unreadable in lenient mode)
 * @param unchanged    records read but not stored because the same is stored already: a receipt
 *                     version of equal content (counted among the linked too), or a checkup document
 *                     of equal digest (not linked again: it names where it is stored among the
 *                     {@code fileProblems})
 * @param problem      why the file was not imported (failed, ignored, or already imported); nothing of it was stored
 * @param fileProblems problems of the file itself, not of one record, found in lenient mode (at most
 *                     {@link HealthDataImport#FILE_PROBLEMS_KEPT}; {@code fileProblemCount} counts them all)
 */
public record ImportedFile(
        Path file,
        Outcome outcome,
        long fileId,
        int records,
        int linked,
        int quarantined,
        int unchanged,
        String problem,
        List<String> fileProblems,
        int fileProblemCount) {

    public ImportedFile {
        fileProblems = List.copyOf(fileProblems);
    }

    public enum Outcome {
        IMPORTED,
        /** The same content was imported before; nothing was stored again. */
        ALREADY_IMPORTED,
        /** Refused whole: a failure half-way rolled the file back. */
        FAILED,
        /** In a directory, a file that is not of the kind imported; not read. */
        IGNORED
    }

    static ImportedFile failed(Path file, String problem) {
        return new ImportedFile(file, Outcome.FAILED, 0, 0, 0, 0, 0, problem, List.of(), 0);
    }

    static ImportedFile ignored(Path file, String why) {
        return new ImportedFile(file, Outcome.IGNORED, 0, 0, 0, 0, 0, why, List.of(), 0);
    }

    static ImportedFile alreadyImported(Path file, long earlier, String problem) {
        return new ImportedFile(file, Outcome.ALREADY_IMPORTED, earlier, 0, 0, 0, 0, problem, List.of(), 0);
    }
}
