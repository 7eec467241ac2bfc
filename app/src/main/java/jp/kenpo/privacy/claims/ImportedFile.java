package jp.kenpo.privacy.claims;

import java.nio.file.Path;

/**
 * What importing one file did.
 *
 * @param fileId      the file's number in the register (that of the earlier import when already imported)
 * @param records     receipts or checkups read
 * @param quarantined records kept in quarantine (not linkable, or unreadable in lenient mode)
 * @param problem     why the file was not imported, when it failed; nothing of it was stored
 */
public record ImportedFile(Path file, Outcome outcome, long fileId, int records, int linked, int quarantined,
                           String problem) {

    public enum Outcome {
        IMPORTED,
        /** The same content was imported before; nothing was stored again. */
        ALREADY_IMPORTED,
        /** Refused whole: a failure half-way rolled the file back. */
        FAILED
    }

    static ImportedFile failed(Path file, String problem) {
        return new ImportedFile(file, Outcome.FAILED, 0, 0, 0, 0, problem);
    }
}
