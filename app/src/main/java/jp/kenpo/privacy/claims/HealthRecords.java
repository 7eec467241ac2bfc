package jp.kenpo.privacy.claims;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the stored receipts and checkups of a span of months for the modules that may not read
 * the claims tables: one pass per kind of record, in a fixed order (member, month, file, record),
 * so that whoever writes them out in that order writes the same bytes each time. Only the current
 * version of a receipt is read (a version superseded by a later claim is history, not care given).
 */
@Service
public class HealthRecords {

    /** A receipt (レセプト) as stored: who, when, where, what kind, how many days and points. */
    public record Receipt(
            long fileId,
            int seq,
            long memberId,
            String kind,
            String receiptType,
            LocalDate treatmentMonth,
            boolean inpatient,
            String facilityCode,
            String prefecture,
            Integer days,
            Integer points,
            String dpcCode) {}

    /** A diagnosis of a receipt: the 傷病名コード, the ICD-10 code where the record gives one, 主傷病, 転帰区分. */
    public record Diagnosis(
            long fileId, int receiptSeq, long memberId, String code, String icd10, boolean main, String outcome) {}

    /** A 診療行為 (or 歯科診療行為) line of a receipt. */
    public record Procedure(
            long fileId, int receiptSeq, long memberId, String recordType, String code, Integer points, int times) {}

    /** A 医薬品 line of a receipt. */
    public record Drug(
            long fileId,
            int receiptSeq,
            long memberId,
            String code,
            BigDecimal quantity,
            Integer points,
            Integer times) {}

    /** A checkup (特定健診) as stored. */
    public record Checkup(
            long fileId, int seq, long memberId, LocalDate checkupDate, String programType, String facilityCode) {}

    /** One observation of a checkup: item code, value type, number or coded answer, unit; free text as stored. */
    public record Observation(
            long fileId,
            int checkupSeq,
            long memberId,
            String code,
            String valueType,
            BigDecimal number,
            String text,
            String unit,
            String codeSystem) {}

    private static final String CURRENT =
            " r.superseded_by_file is null and r.treatment_month >= ? and r.treatment_month < ? ";
    private static final String RECEIPT_ORDER = " order by r.member_id, r.treatment_month, r.file_id, r.seq";

    private final JdbcTemplate streaming;

    HealthRecords(JdbcTemplate jdbc) {
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(10_000);
    }

    /** Whether any current receipt of those months, or any checkup of those days, is stored. */
    @Transactional(readOnly = true)
    public boolean anyIn(LocalDate from, LocalDate until) {
        Integer receipts = streaming.queryForObject(
                "select count(*) from (select 1 from receipt r where" + CURRENT + " fetch first 1 rows only) x",
                Integer.class,
                from,
                until);
        if (receipts != null && receipts > 0) {
            return true;
        }
        Integer checkups = streaming.queryForObject(
                "select count(*) from (select 1 from checkup c where c.checkup_date >= ? and c.checkup_date < ?"
                        + " fetch first 1 rows only) x",
                Integer.class,
                from,
                until);
        return checkups != null && checkups > 0;
    }

    /** Current receipts of the months {@code from} (inclusive) to {@code until} (exclusive), first days of months. */
    @Transactional(readOnly = true)
    public void receipts(LocalDate from, LocalDate until, Consumer<Receipt> sink) {
        sortMemory();
        streaming.query(
                "select r.file_id, r.seq, r.member_id, r.kind, r.receipt_type, r.treatment_month, r.inpatient,"
                        + " r.facility_code, r.prefecture, r.days, r.points, r.dpc_code from receipt r where"
                        + CURRENT + RECEIPT_ORDER,
                rs -> {
                    sink.accept(new Receipt(
                            rs.getLong(1),
                            rs.getInt(2),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getObject(6, LocalDate.class),
                            rs.getBoolean(7),
                            rs.getString(8),
                            rs.getString(9),
                            integer(rs, 10),
                            integer(rs, 11),
                            rs.getString(12)));
                },
                from,
                until);
    }

    @Transactional(readOnly = true)
    public void diagnoses(LocalDate from, LocalDate until, Consumer<Diagnosis> sink) {
        sortMemory();
        streaming.query(
                "select d.file_id, d.receipt_seq, r.member_id, d.code, d.icd10, d.main, d.outcome"
                        + " from receipt r join receipt_diagnosis d on d.file_id = r.file_id and d.receipt_seq = r.seq"
                        + " where" + CURRENT + RECEIPT_ORDER + ", d.seq",
                rs -> {
                    sink.accept(new Diagnosis(
                            rs.getLong(1),
                            rs.getInt(2),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getBoolean(6),
                            rs.getString(7)));
                },
                from,
                until);
    }

    @Transactional(readOnly = true)
    public void procedures(LocalDate from, LocalDate until, Consumer<Procedure> sink) {
        sortMemory();
        streaming.query(
                "select p.file_id, p.receipt_seq, r.member_id, p.record_type, p.code, p.points, p.times"
                        + " from receipt r join receipt_procedure p on p.file_id = r.file_id and p.receipt_seq = r.seq"
                        + " where" + CURRENT + RECEIPT_ORDER + ", p.seq",
                rs -> {
                    sink.accept(new Procedure(
                            rs.getLong(1),
                            rs.getInt(2),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getString(5),
                            integer(rs, 6),
                            rs.getInt(7)));
                },
                from,
                until);
    }

    @Transactional(readOnly = true)
    public void drugs(LocalDate from, LocalDate until, Consumer<Drug> sink) {
        sortMemory();
        streaming.query(
                "select g.file_id, g.receipt_seq, r.member_id, g.code, g.quantity, g.points, g.times"
                        + " from receipt r join receipt_drug g on g.file_id = r.file_id and g.receipt_seq = r.seq"
                        + " where" + CURRENT + RECEIPT_ORDER + ", g.seq",
                rs -> {
                    sink.accept(new Drug(
                            rs.getLong(1),
                            rs.getInt(2),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getBigDecimal(5),
                            integer(rs, 6),
                            integer(rs, 7)));
                },
                from,
                until);
    }

    /** Checkups done on days {@code from} (inclusive) to {@code until} (exclusive). */
    @Transactional(readOnly = true)
    public void checkups(LocalDate from, LocalDate until, Consumer<Checkup> sink) {
        sortMemory();
        streaming.query(
                "select c.file_id, c.seq, c.member_id, c.checkup_date, c.program_type, c.facility_code from checkup c"
                        + " where c.checkup_date >= ? and c.checkup_date < ?"
                        + " order by c.member_id, c.checkup_date, c.file_id, c.seq",
                rs -> {
                    sink.accept(new Checkup(
                            rs.getLong(1),
                            rs.getInt(2),
                            rs.getLong(3),
                            rs.getObject(4, LocalDate.class),
                            rs.getString(5),
                            rs.getString(6)));
                },
                from,
                until);
    }

    @Transactional(readOnly = true)
    public void observations(LocalDate from, LocalDate until, Consumer<Observation> sink) {
        sortMemory();
        streaming.query(
                "select o.file_id, o.checkup_seq, c.member_id, o.code, o.value_type, o.value_number, o.value_text,"
                        + " o.unit, o.value_code_system from checkup c"
                        + " join checkup_observation o on o.file_id = c.file_id and o.checkup_seq = c.seq"
                        + " where c.checkup_date >= ? and c.checkup_date < ?"
                        + " order by c.member_id, c.checkup_date, c.file_id, c.seq, o.seq",
                rs -> {
                    sink.accept(new Observation(
                            rs.getLong(1),
                            rs.getInt(2),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getBigDecimal(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9)));
                },
                from,
                until);
    }

    /**
     * A year's rows come sorted by member: with PostgreSQL's default sort memory the planner walks
     * the member index and looks every line up by its receipt (a nested loop, several times slower
     * than joining and sorting). More sort memory for this read only ({@code set local} ends with
     * the transaction) lets it hash-join the tables and sort them at once.
     */
    private void sortMemory() {
        streaming.execute((ConnectionCallback<Void>) c -> {
            if (c.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
                try (Statement s = c.createStatement()) {
                    s.execute("set local work_mem = '256MB'");
                }
            }
            return null;
        });
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
