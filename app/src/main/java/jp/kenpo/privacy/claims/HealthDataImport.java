package jp.kenpo.privacy.claims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.FormatException;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.checkup.Checkup;
import jp.kenpo.privacy.formats.checkup.CheckupSource;
import jp.kenpo.privacy.formats.checkup.Observation;
import jp.kenpo.privacy.formats.json.JsonLines;
import jp.kenpo.privacy.formats.receipt.Comment;
import jp.kenpo.privacy.formats.receipt.Diagnosis;
import jp.kenpo.privacy.formats.receipt.Drug;
import jp.kenpo.privacy.formats.receipt.Material;
import jp.kenpo.privacy.formats.receipt.Procedure;
import jp.kenpo.privacy.formats.receipt.Receipt;
import jp.kenpo.privacy.formats.receipt.ReceiptReader;
import jp.kenpo.privacy.members.MemberRegistry;

/**
 * Imports receipt files (レセ電) and checkup files (特定健診, XML or exchange zip) into the claims
 * tables, each record linked to its member: the claims module's one way in. It owns the tables
 * health_data_file, receipt*, checkup*, and health_data_quarantine.
 *
 * <p>A file is imported in one transaction: a failure half-way stores nothing of it. A file is
 * known by its content (SHA-256), so importing it again is recognised and skipped. A record that
 * names no member of the registry is kept in quarantine with the reason and the record as read.
 */
@Service
public class HealthDataImport {

    /** Receipts held before their rows go to the database, children after their parents. */
    private static final int FLUSH_EVERY = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MemberRegistry members;
    private final AuditTrail audit;
    private final Clock clock;

    public HealthDataImport(JdbcTemplate jdbc, TransactionTemplate transactions, MemberRegistry members, AuditTrail audit,
                            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    private enum Kind {
        /** レセ電 files end in .UKE. */
        RECEIPT(".uke"),
        CHECKUP(".xml", ".zip");

        private final List<String> endings;

        Kind(String... endings) {
            this.endings = List.of(endings);
        }

        boolean named(Path file) {
            String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            return endings.stream().anyMatch(name::endsWith);
        }
    }

    /** Imports a receipt file, or every .UKE file of a directory in name order. */
    public List<ImportedFile> importReceipts(Path fileOrDir, ReadMode mode, String importedBy, ImportProgress progress) {
        return importAll(fileOrDir, Kind.RECEIPT, mode, importedBy, progress);
    }

    /** Imports a checkup document or exchange archive, or every .xml and .zip file of a directory in name order. */
    public List<ImportedFile> importCheckups(Path fileOrDir, ReadMode mode, String importedBy, ImportProgress progress) {
        return importAll(fileOrDir, Kind.CHECKUP, mode, importedBy, progress);
    }

    private List<ImportedFile> importAll(Path fileOrDir, Kind kind, ReadMode mode, String importedBy,
                                         ImportProgress progress) {
        List<Path> files = filesOf(fileOrDir, kind);
        MemberLinker linker = MemberLinker.load(members);
        var results = new ArrayList<ImportedFile>(files.size());
        for (Path file : files) {
            results.add(importOne(file, kind, mode, importedBy, progress, linker));
        }
        return results;
    }

    private static List<Path> filesOf(Path fileOrDir, Kind kind) {
        if (!Files.exists(fileOrDir)) {
            throw new IllegalArgumentException(fileOrDir + ": no such file or directory");
        }
        if (!Files.isDirectory(fileOrDir)) {
            return List.of(fileOrDir);
        }
        try (Stream<Path> list = Files.list(fileOrDir)) {
            return list.filter(Files::isRegularFile).filter(kind::named).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportedFile importOne(Path file, Kind kind, ReadMode mode, String importedBy, ImportProgress progress,
                                   MemberLinker linker) {
        String sha256;
        long size;
        try {
            sha256 = sha256(file);
            size = Files.size(file);
        } catch (IOException e) {
            return ImportedFile.failed(file, file + ": cannot be read: " + e.getMessage());
        }
        var earlier = jdbc.query("select id from health_data_file where sha256 = ?", (rs, n) -> rs.getLong(1), sha256);
        if (!earlier.isEmpty()) {
            return new ImportedFile(file, ImportedFile.Outcome.ALREADY_IMPORTED, earlier.get(0), 0, 0, 0, null);
        }
        try {
            return transactions.execute(tx -> {
                long fileId = register(file, kind, sha256, size, importedBy);
                var counts = new Counts(fileId);
                if (kind == Kind.RECEIPT) {
                    receipts(file, mode, progress, linker, counts);
                } else {
                    checkups(file, mode, progress, linker, counts);
                }
                jdbc.update("update health_data_file set records = ?, linked = ?, quarantined = ? where id = ?",
                        counts.records, counts.linked, counts.quarantined, fileId);
                // in the file's transaction: a file whose import cannot be audited is not stored (APPI Art. 23)
                audit.record(AuditEvent.of(AuditAction.HEALTH_DATA_IMPORTED, kind.name().toLowerCase(java.util.Locale.ROOT)
                        + " file #" + fileId + " " + file.getFileName() + " (sha256 " + sha256 + "): " + counts.records
                        + " records, " + counts.linked + " linked, " + counts.quarantined + " in quarantine"));
                return new ImportedFile(file, ImportedFile.Outcome.IMPORTED, fileId, counts.records, counts.linked,
                        counts.quarantined, null);
            });
        } catch (DuplicateKeyException e) {
            // another import of the same content committed first
            return new ImportedFile(file, ImportedFile.Outcome.ALREADY_IMPORTED, 0, 0, 0, 0, null);
        } catch (FormatException e) {
            return ImportedFile.failed(file, e.getMessage());
        } catch (UncheckedIOException e) {
            return ImportedFile.failed(file, file + ": " + e.getCause().getMessage());
        } catch (DataAccessException e) {
            return ImportedFile.failed(file, file + ": database refused it: " + e.getMostSpecificCause().getMessage());
        }
    }

    private long register(Path file, Kind kind, String sha256, long size, String importedBy) {
        var key = new GeneratedKeyHolder();
        jdbc.update(con -> {
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
        }, key);
        return key.getKey().longValue();
    }

    /** Counts for one file, and its quarantine rows. */
    private final class Counts {
        final long fileId;
        final BatchInsert quarantine = new BatchInsert(jdbc, "health_data_quarantine",
                "file_id, location, reason, detail, record", Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR);
        int records;
        int linked;
        int quarantined;

        Counts(long fileId) {
            this.fileId = fileId;
        }

        void quarantine(String location, QuarantineReason reason, String detail, String record) {
            quarantined++;
            quarantine.add(fileId, location, reason.name(), cut(detail, 1000), record);
        }

        Consumer<FormatError> unreadable() {
            return e -> quarantine("line " + e.line(), QuarantineReason.UNREADABLE, e.toString(), null);
        }
    }

    private void receipts(Path file, ReadMode mode, ImportProgress progress, MemberLinker linker, Counts counts) {
        var receipts = new BatchInsert(jdbc, "receipt", "file_id, seq, line, member_id, kind, receipt_type, "
                + "treatment_month, inpatient, admission_date, facility_code, prefecture, billing_month, days, points",
                Types.BIGINT, Types.INTEGER, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.DATE,
                Types.BOOLEAN, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.INTEGER, Types.INTEGER);
        var diagnoses = new BatchInsert(jdbc, "receipt_diagnosis",
                "file_id, receipt_seq, seq, code, start_date, outcome, modifiers, name, main",
                Types.BIGINT, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR, Types.BOOLEAN);
        var procedures = new BatchInsert(jdbc, "receipt_procedure",
                "file_id, receipt_seq, seq, record_type, category, code, quantity, points, times",
                Types.BIGINT, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
                Types.INTEGER, Types.INTEGER);
        var drugs = new BatchInsert(jdbc, "receipt_drug", "file_id, receipt_seq, seq, category, code, quantity, points, times",
                Types.BIGINT, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.INTEGER,
                Types.INTEGER);
        var materials = new BatchInsert(jdbc, "receipt_material", "file_id, receipt_seq, seq, category, code, quantity, "
                + "points, times, unit_code, unit_price, product_name", Types.BIGINT, Types.INTEGER, Types.INTEGER,
                Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.NUMERIC,
                Types.VARCHAR);
        var comments = new BatchInsert(jdbc, "receipt_comment", "file_id, receipt_seq, seq, category, code, text",
                Types.BIGINT, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR);
        List<BatchInsert> inOrder = List.of(receipts, diagnoses, procedures, drugs, materials, comments, counts.quarantine);
        long size = sizeOf(file);
        long fileId = counts.fileId;
        try (ReceiptReader reader = ReceiptReader.open(file, mode, counts.unreadable())) {
            for (Receipt r; (r = reader.next()) != null; ) {
                int seq = ++counts.records;
                long line = reader.receiptLine();
                var link = linker.link(r.memberKey(), r.sex(), r.birthDate());
                if (!link.linked()) {
                    counts.quarantine("line " + line, link.reason(), link.detail(), JsonLines.of(r, line));
                } else {
                    counts.linked++;
                    receipts.add(fileId, seq, line, link.memberId(), r.kind().name(), r.receiptType(),
                            month(r.treatmentMonth()), r.inpatient(), r.admissionDate(),
                            r.facility() == null ? null : r.facility().code(),
                            r.facility() == null ? null : r.facility().prefecture(),
                            r.facility() == null ? null : month(r.facility().billingMonth()),
                            r.insurance() == null ? null : r.insurance().days(),
                            r.insurance() == null ? null : r.insurance().points());
                    for (Diagnosis d : r.diagnoses()) {
                        diagnoses.add(fileId, seq, d.seq(), d.code(), d.startDate(), d.outcome(),
                                String.join(" ", d.modifiers()), d.name(), d.main());
                    }
                    for (Procedure p : r.procedures()) {
                        procedures.add(fileId, seq, p.seq(), p.recordType(), p.category(), p.code(), p.quantity(),
                                p.points(), p.count());
                    }
                    for (Drug d : r.drugs()) {
                        drugs.add(fileId, seq, d.seq(), d.category(), d.code(), d.quantity(), d.points(), d.count());
                    }
                    for (Material m : r.materials()) {
                        materials.add(fileId, seq, m.seq(), m.category(), m.code(), m.quantity(), m.points(), m.count(),
                                m.unitCode(), m.unitPrice(), m.productName());
                    }
                    for (Comment c : r.comments()) {
                        comments.add(fileId, seq, c.seq(), c.category(), c.code(), c.text());
                    }
                }
                if (seq % FLUSH_EVERY == 0) {
                    inOrder.forEach(BatchInsert::flush);
                    progress.update(file, reader.bytesRead(), size, "bytes");
                }
            }
            inOrder.forEach(BatchInsert::flush);
            progress.update(file, size, size, "bytes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkups(Path file, ReadMode mode, ImportProgress progress, MemberLinker linker, Counts counts) {
        var checkups = new BatchInsert(jdbc, "checkup",
                "file_id, seq, document, member_id, checkup_date, program_type, facility_code",
                Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.BIGINT, Types.DATE, Types.VARCHAR, Types.VARCHAR);
        var observations = new BatchInsert(jdbc, "checkup_observation", "file_id, checkup_seq, seq, code, value_type, "
                + "value_text, unit, value_number, value_code_system, null_flavor", Types.BIGINT, Types.INTEGER, Types.INTEGER,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.VARCHAR, Types.VARCHAR);
        List<BatchInsert> inOrder = List.of(checkups, observations, counts.quarantine);
        long fileId = counts.fileId;
        Consumer<FormatError> unreadable = e -> counts.quarantine(e.file(), QuarantineReason.UNREADABLE, e.toString(), null);
        try (CheckupSource source = CheckupSource.open(file, mode, unreadable)) {
            for (Checkup c; (c = source.next()) != null; ) {
                int seq = ++counts.records;
                String document = source.currentName();
                var link = linker.link(c.member(), c.sex(), c.birthDate());
                if (!link.linked()) {
                    counts.quarantine(document, link.reason(), link.detail(), JsonLines.of(c, document));
                } else {
                    counts.linked++;
                    checkups.add(fileId, seq, document, link.memberId(), c.checkupDate(), c.programType(), c.facilityCode());
                    int n = 0;
                    for (Observation o : c.observations()) {
                        observations.add(fileId, seq, ++n, o.code(), o.valueType(), o.value(), o.unit(), o.number(),
                                o.valueCodeSystem(), o.nullFlavor());
                    }
                }
                if (seq % FLUSH_EVERY == 0) {
                    inOrder.forEach(BatchInsert::flush);
                    progress.update(file, seq, -1, "checkups");
                }
            }
            inOrder.forEach(BatchInsert::flush);
            progress.update(file, counts.records, counts.records, "checkups");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate month(YearMonth month) {
        return month == null ? null : month.atDay(1);
    }

    /** Only for the quarantine's own message: data is never cut (a value too long fails the file). */
    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
