package jp.kenpo.privacy.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.FormatException;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.ReadProblems;
import jp.kenpo.privacy.formats.UnreadableRecord;
import jp.kenpo.privacy.formats.checkup.Checkup;
import jp.kenpo.privacy.formats.checkup.CheckupSource;
import jp.kenpo.privacy.formats.checkup.XmlLimits;
import jp.kenpo.privacy.formats.json.JsonLines;
import jp.kenpo.privacy.formats.receipt.Receipt;
import jp.kenpo.privacy.formats.receipt.ReceiptReader;
import jp.kenpo.privacy.members.MemberRegistry;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports receipt files (レセ電) and checkup files (特定健診, XML or exchange zip) into the claims
 * tables, each record linked to its member: the claims module's one way in. It owns the tables
 * health_data_file, health_data_file_problem, receipt*, checkup*, and health_data_quarantine.
 *
 * <p>A file is imported in one transaction: a failure half-way stores nothing of it. A file is
 * known by its content (SHA-256), so importing it again is recognised and skipped; the digest is
 * taken again over the very bytes parsed, and a file that changed in between is refused. A record
 * that names no member of the registry, or (lenient mode) could not be read, is kept in quarantine
 * with the reason and the record as read or as it stood in the file. Every file's outcome is
 * reported and audited, whether imported, skipped, ignored or failed.
 *
 * <p>This keeps what concerns a file and decides where each record goes; the rows are written by
 * {@link ReceiptRows}, {@link CheckupRows} and {@link QuarantineRows}, one of each per file.
 */
@Service
public class HealthDataImport {

    /** Receipts held before their rows go to the database, children after their parents. */
    static final int FLUSH_EVERY = 500;

    /** Problems of a file itself kept in the register (all are counted). */
    public static final int FILE_PROBLEMS_KEPT = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MemberRegistry members;
    private final AuditTrail audit;
    private final Clock clock;

    public HealthDataImport(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            MemberRegistry members,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    private enum Kind {
        /** レセ電 files: .UKE as facilities send them; the insurer-side RECODEINFO files are .CSV. */
        RECEIPT("receipt", ".uke", ".csv"),
        CHECKUP("checkup", ".xml", ".zip");

        private final String word;
        private final List<String> endings;

        Kind(String word, String... endings) {
            this.word = word;
            this.endings = List.of(endings);
        }

        /** Why a file of a directory is not imported, or null when it is taken. */
        String notTaken(Path file) {
            if (Files.isDirectory(file)) {
                return "a directory: only the files directly in " + file.getParent() + " are imported";
            }
            if (!Files.isRegularFile(file)) {
                return "not a regular file";
            }
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (endings.stream().noneMatch(name::endsWith)) {
                return this == RECEIPT
                        ? "not a receipt file (.UKE, or .CSV with receipt records)"
                        : "not a checkup file (.xml or .zip)";
            }
            if (this == RECEIPT && name.endsWith(".csv")) {
                try {
                    if (ReceiptReader.layoutOf(file) == null) {
                        return "a .CSV file whose first line is not a receipt record (claim or insurer layout)";
                    }
                } catch (IOException e) {
                    return null; // taken: the import reports why it cannot be read
                }
            }
            return null;
        }
    }

    /** Imports a receipt file, or every receipt file (.UKE, .CSV in a receipt layout) of a directory in name order. */
    public List<ImportedFile> importReceipts(
            Path fileOrDir, ReadMode mode, String importedBy, ImportProgress progress) {
        return importAll(fileOrDir, Kind.RECEIPT, mode, importedBy, progress);
    }

    /** Imports a checkup document or exchange archive, or every .xml and .zip file of a directory in name order. */
    public List<ImportedFile> importCheckups(
            Path fileOrDir, ReadMode mode, String importedBy, ImportProgress progress) {
        return importAll(fileOrDir, Kind.CHECKUP, mode, importedBy, progress);
    }

    /** One outcome per file, in order; a file ignored in a directory is among them, with the reason. */
    private List<ImportedFile> importAll(
            Path fileOrDir, Kind kind, ReadMode mode, String importedBy, ImportProgress progress) {
        List<Path> files = filesOf(fileOrDir);
        MemberLinker linker = MemberLinker.load(members);
        var results = new ArrayList<ImportedFile>(files.size());
        boolean directory = Files.isDirectory(fileOrDir);
        for (Path file : files) {
            String notTaken = directory ? kind.notTaken(file) : null;
            results.add(
                    notTaken != null
                            ? ImportedFile.ignored(file, notTaken)
                            : importOne(file, kind, mode, importedBy, progress, linker));
        }
        return results;
    }

    private static List<Path> filesOf(Path fileOrDir) {
        if (!Files.exists(fileOrDir)) {
            throw new IllegalArgumentException(fileOrDir + ": no such file or directory");
        }
        if (!Files.isDirectory(fileOrDir)) {
            return List.of(fileOrDir);
        }
        try (Stream<Path> list = Files.list(fileOrDir)) {
            return list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports one file; whatever happens, its outcome is returned (and audited), never thrown. */
    private ImportedFile importOne(
            Path file, Kind kind, ReadMode mode, String importedBy, ImportProgress progress, MemberLinker linker) {
        String sha256;
        long size;
        try {
            sha256 = DigestingInput.sha256(file);
            size = Files.size(file);
        } catch (IOException e) {
            String problem = file + ": cannot be read: " + e.getMessage();
            return notImported(kind, file, null, ImportedFile.failed(file, problem), problem);
        }
        Optional<Long> earlier = registered(sha256);
        if (earlier.isPresent()) {
            return alreadyImported(kind, file, sha256, earlier.get());
        }
        try {
            return transactions.execute(tx -> {
                long fileId = register(file, kind, sha256, size, importedBy);
                var counts = new Counts(fileId, kind);
                String parsed = kind == Kind.RECEIPT
                        ? receipts(file, mode, progress, linker, counts)
                        : checkups(file, mode, progress, linker, counts);
                if (!parsed.equals(sha256)) {
                    throw new FileChangedException(file + ": changed while it was being imported (SHA-256 " + sha256
                            + " before, " + parsed + " as parsed); nothing of it was stored: import it again once it "
                            + "no longer changes");
                }
                counts.storeFileProblems();
                jdbc.update(
                        "update health_data_file set records = ?, linked = ?, quarantined = ?, unchanged = ?, "
                                + "file_problems = ? where id = ?",
                        counts.records,
                        counts.linked,
                        counts.quarantined,
                        counts.unchanged,
                        counts.fileProblemCount,
                        fileId);
                // in the file's transaction: a file whose import cannot be audited is not stored (APPI Art. 23)
                audit.record(AuditEvent.of(
                        AuditAction.HEALTH_DATA_IMPORTED,
                        kind.word + " file #" + fileId + " "
                                + file.getFileName() + " (sha256 " + sha256 + "): " + counts.records + " records, "
                                + counts.linked + " linked, " + counts.quarantined + " in quarantine"
                                + (counts.unchanged == 0 ? "" : ", " + counts.unchanged + " unchanged, already stored")
                                + (counts.fileProblemCount == 0
                                        ? ""
                                        : ", " + counts.fileProblemCount + " problems of the file itself")));
                return new ImportedFile(
                        file,
                        ImportedFile.Outcome.IMPORTED,
                        fileId,
                        counts.records,
                        counts.linked,
                        counts.quarantined,
                        counts.unchanged,
                        null,
                        counts.fileProblems,
                        counts.fileProblemCount);
            });
        } catch (DuplicateKeyException e) {
            // only the register's key on the content means that another import of it committed first
            Optional<Long> other = registered(sha256);
            if (other.isPresent()) {
                return alreadyImported(kind, file, sha256, other.get());
            }
            return failed(
                    kind,
                    file,
                    sha256,
                    file + ": database refused it: " + e.getMostSpecificCause().getMessage(),
                    databaseReason(e));
        } catch (FormatException e) {
            return failed(kind, file, sha256, e.getMessage(), e.getMessage());
        } catch (FileChangedException e) {
            return failed(kind, file, sha256, e.getMessage(), "changed while it was being imported");
        } catch (UncheckedIOException e) {
            String problem = file + ": cannot be read: " + e.getCause().getMessage();
            return failed(kind, file, sha256, problem, problem);
        } catch (DataAccessException e) {
            return failed(
                    kind,
                    file,
                    sha256,
                    file + ": database refused it: " + e.getMostSpecificCause().getMessage(),
                    databaseReason(e));
        } catch (RuntimeException e) {
            // a failure nobody foresaw still ends this file only: the files before it are committed and reported
            String problem = file + ": failed: " + e;
            return failed(kind, file, sha256, problem, problem);
        }
    }

    /** Thrown in the file's transaction when the bytes parsed are not those registered. */
    private static final class FileChangedException extends RuntimeException {
        FileChangedException(String message) {
            super(message);
        }
    }

    private Optional<Long> registered(String sha256) {
        return jdbc.query("select id from health_data_file where sha256 = ?", (rs, n) -> rs.getLong(1), sha256).stream()
                .findFirst();
    }

    private ImportedFile alreadyImported(Kind kind, Path file, String sha256, long earlier) {
        String why = "the same content was imported before (file #" + earlier + ")";
        return notImported(kind, file, sha256, ImportedFile.alreadyImported(file, earlier, why), why);
    }

    private ImportedFile failed(Kind kind, Path file, String sha256, String problem, String audited) {
        return notImported(
                kind, file, sha256, ImportedFile.failed(file, problem), "failed, nothing stored: " + audited);
    }

    /**
     * Audits a file not imported, in a transaction of its own: the file's transaction, if there was
     * one, was rolled back with whatever entry it held. The detail names the file and why, never a
     * value the database echoed (it may be a diagnosis or a name from the file).
     */
    private ImportedFile notImported(Kind kind, Path file, String sha256, ImportedFile outcome, String why) {
        AuditOutcome how =
                outcome.outcome() == ImportedFile.Outcome.ALREADY_IMPORTED ? AuditOutcome.REFUSED : AuditOutcome.FAILED;
        try {
            audit.recordRefusal(AuditEvent.of(
                            AuditAction.HEALTH_DATA_IMPORTED,
                            kind.word + " file " + file.getFileName()
                                    + (sha256 == null ? "" : " (sha256 " + sha256 + ")") + ": not imported: " + why)
                    .outcome(how));
            return outcome;
        } catch (RuntimeException e) {
            String unaudited = "; this could not be audited: " + e.getMessage();
            return new ImportedFile(
                    outcome.file(),
                    outcome.outcome(),
                    outcome.fileId(),
                    0,
                    0,
                    0,
                    0,
                    outcome.problem() + unaudited,
                    List.of(),
                    0);
        }
    }

    /** The SQL state only: the driver's message may quote the refused value. */
    private static String databaseReason(DataAccessException e) {
        String state = e.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : null;
        return "database refused it" + (state == null ? "" : " (SQLSTATE " + state + ")");
    }

    private long register(Path file, Kind kind, String sha256, long size, String importedBy) {
        var key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement("""
                    insert into health_data_file (kind, sha256, name, size_bytes, imported_at, imported_by, records, linked, quarantined)
                    values (?, ?, ?, ?, ?, ?, 0, 0, 0)""", new String[] {"id"});
                    ps.setString(1, kind.name());
                    ps.setString(2, sha256);
                    ps.setString(3, file.getFileName().toString());
                    ps.setLong(4, size);
                    ps.setObject(5, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    ps.setString(6, importedBy);
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    /**
     * Counts for one file, and its quarantine rows. Told by the reader what it could not read: a
     * record left out is a record, quarantined with its text; a problem of the file is not.
     */
    private final class Counts implements ReadProblems {
        final long fileId;
        final Kind kind;
        final QuarantineRows quarantine;
        final List<String> fileProblems = new ArrayList<>();
        int fileProblemCount;
        int records;
        int linked;
        int quarantined;
        /** Records read but not stored: an identical receipt version or checkup document is stored already. */
        int unchanged;

        Counts(long fileId, Kind kind) {
            this.fileId = fileId;
            this.kind = kind;
            this.quarantine = new QuarantineRows(jdbc, fileId);
        }

        void quarantine(String location, QuarantineReason reason, String detail, String record) {
            quarantined++;
            quarantine.add(location, reason, detail, record);
        }

        @Override
        public void unreadable(UnreadableRecord r) {
            records++;
            String detail = r.problem().toString()
                    + (r.omittedBytes() == 0
                            ? ""
                            : "; only the first " + UnreadableRecord.MAX_TEXT_BYTES + " bytes of the record are kept, "
                                    + r.omittedBytes() + " more are not");
            quarantine(
                    kind == Kind.RECEIPT ? "line " + r.line() : r.name(),
                    QuarantineReason.UNREADABLE,
                    detail,
                    r.text());
        }

        @Override
        public void ofFile(FormatError problem) {
            if (++fileProblemCount <= FILE_PROBLEMS_KEPT) {
                fileProblems.add(cut(problem.toString(), 1000));
            }
        }

        void storeFileProblems() {
            var rows = new BatchInsert(
                    jdbc,
                    "health_data_file_problem",
                    "file_id, seq, problem",
                    Types.BIGINT,
                    Types.INTEGER,
                    Types.VARCHAR);
            for (int i = 0; i < fileProblems.size(); i++) {
                rows.add(fileId, i + 1, fileProblems.get(i));
            }
            rows.flush();
        }
    }

    /** Stores the file's receipts; returns the SHA-256 of the bytes parsed. */
    private String receipts(Path file, ReadMode mode, ImportProgress progress, MemberLinker linker, Counts counts) {
        long fileId = counts.fileId;
        var rows = new ReceiptRows(jdbc, fileId);
        long size = sizeOf(file);
        Runnable flush = () -> {
            rows.flush();
            counts.quarantine.flush();
        };
        var versions = new ReceiptVersions(jdbc, fileId, flush);
        try (DigestingInput in = DigestingInput.open(file);
                ReceiptReader reader = new ReceiptReader(in, file.toString(), mode, counts)) {
            int read = 0;
            for (Receipt r; (r = reader.next()) != null; ) {
                int seq = ++counts.records;
                long line = reader.receiptLine();
                var link = linker.link(r.memberKey(), r.sex(), r.birthDate());
                if (!link.linked()) {
                    counts.quarantine("line " + line, link.reason(), link.detail(), JsonLines.of(r, line));
                } else {
                    counts.linked++;
                    String content = ReceiptVersions.contentSha256(r);
                    var placement = versions.place(
                            new ReceiptVersions.Identity(
                                    link.memberId(),
                                    r.kind().name(),
                                    r.facility().prefecture(),
                                    r.facility().code(),
                                    ReceiptRows.month(r.treatmentMonth()),
                                    r.receiptType()),
                            seq,
                            content,
                            ReceiptRows.month(r.facility().billingMonth()));
                    if (placement.unchanged()) {
                        // the same receipt, already stored from another file (or earlier in this one): nothing new
                        counts.unchanged++;
                    } else {
                        rows.add(seq, line, link.memberId(), r, content, placement.supersededBy());
                    }
                }
                if (++read % FLUSH_EVERY == 0) {
                    flush.run();
                    progress.update(file, reader.bytesRead(), size, "bytes");
                }
            }
            flush.run();
            progress.update(file, size, size, "bytes");
            return in.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores the file's checkups; returns the SHA-256 of the bytes parsed. A checkup is known by
     * its document's content, whatever it came in: a document stored before (alone, in another
     * archive, earlier in this one) is read and counted, not stored again, and the file is told
     * where it is stored.
     */
    private String checkups(Path file, ReadMode mode, ImportProgress progress, MemberLinker linker, Counts counts) {
        var rows = new CheckupRows(jdbc, counts.fileId);
        Runnable flush = () -> {
            rows.flush();
            counts.quarantine.flush();
        };
        try (DigestingInput in = DigestingInput.open(file);
                CheckupSource source = CheckupSource.open(in, file.toString(), mode, counts, XmlLimits.DEFAULT)) {
            int read = 0;
            for (Checkup c; (c = source.next()) != null; ) {
                int seq = ++counts.records;
                String document = source.currentName();
                String digest = source.currentDigest();
                String storedAs = rows.storedAs(digest);
                var link = storedAs == null ? linker.link(c.member(), c.sex(), c.birthDate()) : null;
                if (storedAs != null) {
                    counts.unchanged++;
                    counts.ofFile(new FormatError(
                            document,
                            0,
                            "",
                            "",
                            "the same checkup document is stored already (" + storedAs + "); not stored again"));
                } else if (!link.linked()) {
                    counts.quarantine(document, link.reason(), link.detail(), JsonLines.of(c, document));
                } else {
                    counts.linked++;
                    rows.add(seq, document, link.memberId(), c, digest);
                }
                if (++read % FLUSH_EVERY == 0) {
                    flush.run();
                    progress.update(file, seq, -1, "checkups");
                }
            }
            flush.run();
            progress.update(file, counts.records, counts.records, "checkups");
            return in.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only for the quarantine's own message: data is never cut (a value too long fails the file). */
    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
