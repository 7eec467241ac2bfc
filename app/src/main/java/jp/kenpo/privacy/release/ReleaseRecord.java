package jp.kenpo.privacy.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One row of the release registry with its approval and delivery, as the registry shows it.
 *
 * @param files         each file of the release with its SHA-256 and rows ({@code name sha256 rows})
 * @param figures       the report's figures as JSON: population, rows, processing, risk
 * @param approval      who approved it, when, and whether one-person approval was in force
 */
public record ReleaseRecord(
        String releaseId,
        Instant builtAt,
        String builtBy,
        String specFile,
        String specSha256,
        int catalogVersion,
        String recipient,
        String method,
        PseudonymPolicy pseudonyms,
        LocalDate periodFrom,
        LocalDate periodTo,
        LocalDate cutOff,
        List<String> items,
        String figures,
        List<FileEntry> files,
        String location,
        Optional<String> archiveSha256,
        Optional<String> manifestSha256,
        String rowSha256,
        Optional<Event> approval,
        Optional<Event> delivery) {

    public ReleaseRecord {
        items = List.copyOf(items);
        files = List.copyOf(files);
    }

    /** A file of the release. */
    public record FileEntry(String file, String sha256, long rows) {}

    /** An approval or a delivery. */
    public record Event(Instant at, String by, boolean onePerson, String detail) {}
}
