package jp.kenpo.privacy.claims;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
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
 * the claims tables: one pass per kind of record, in no particular order. Each row carries its
 * file, record and line numbers, by which whoever writes them out orders them (the same bytes each
 * time). The lines of receipts are not joined to their receipt in the database: {@link #receipts}
 * returns the {@link ReceiptsRead} by which each line finds its receipt and member, so that a
 * year's lines are plain scans. At 1,000,000 members (10 M receipts, 38 M lines) the join with the
 * member order of the old reads took 118.7 s of a 267 s release; the planner hashed the 10 M
 * receipts once per kind of line and sorted every row. Only the current version of a receipt is
 * read (a version superseded by a later claim is history, not care given).
 */
@Service
public class HealthRecords {

    /**
     * A receipt (レセプト) as stored: who, when, where, what kind, how many days and points;
     * {@code index} is its position among the receipts read, by which their lines find it.
     */
    public record Receipt(
            int index,
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

    /**
     * A diagnosis of a receipt: the 傷病名コード, the ICD-10 code where the record gives one, 主傷病,
     * 転帰区分; {@code receipt} is the index of its receipt among those read, {@code seq} its line.
     */
    public record Diagnosis(
            int receipt,
            long fileId,
            int receiptSeq,
            int seq,
            long memberId,
            String code,
            String icd10,
            boolean main,
            String outcome) {}

    /** A 診療行為 (or 歯科診療行為) line of a receipt. */
    public record Procedure(
            int receipt,
            long fileId,
            int receiptSeq,
            int seq,
            long memberId,
            String recordType,
            String code,
            Integer points,
            int times) {}

    /** A 医薬品 line of a receipt. */
    public record Drug(
            int receipt,
            long fileId,
            int receiptSeq,
            int seq,
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
            int seq,
            long memberId,
            String code,
            String valueType,
            BigDecimal number,
            String text,
            String unit,
            String codeSystem) {}

    /**
     * The current receipts one call of {@link #receipts} read, by file and record number: the
     * position of each among them, and its member. The lines of those receipts are read with it.
     */
    public static final class ReceiptsRead {
        private final Long2ObjectOpenHashMap<IntArrayList> byFile = new Long2ObjectOpenHashMap<>();
        private final LongArrayList members = new LongArrayList();

        private int add(long fileId, int seq, long memberId) {
            if (seq < 0) {
                throw new IllegalStateException("receipt " + fileId + ":" + seq + " has a negative number");
            }
            IntArrayList positions = byFile.computeIfAbsent(fileId, f -> new IntArrayList());
            while (positions.size() <= seq) {
                positions.add(-1);
            }
            int index = members.size();
            positions.set(seq, index);
            members.add(memberId);
            return index;
        }

        /**
         * Looks receipts up for one reading thread, the last file's at hand: the lines of a file
         * come together (38 M lines of a year each looked their file up in the map).
         */
        private final class Finder {
            private long file = Long.MIN_VALUE;
            private IntArrayList positions;

            /** The receipt's position among those read, or -1 when it was not read (another period, superseded). */
            int indexOf(long fileId, int seq) {
                if (fileId != file) {
                    file = fileId;
                    positions = byFile.get(fileId);
                }
                return positions == null || seq < 0 || seq >= positions.size() ? -1 : positions.getInt(seq);
            }
        }

        /** The member of the receipt at {@code index}. */
        public long memberId(int index) {
            return members.getLong(index);
        }

        /** How many receipts were read. */
        public int size() {
            return members.size();
        }

        /** The files the receipts came from, ascending: where their lines are. */
        long[] files() {
            long[] files = byFile.keySet().toLongArray();
            java.util.Arrays.sort(files);
            return files;
        }
    }

    private static final String CURRENT =
            " r.superseded_by_file is null and r.treatment_month >= ? and r.treatment_month < ? ";

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

    /**
     * Current receipts of the months {@code from} (inclusive) to {@code until} (exclusive), first
     * days of months; returns them by file and number, for reading their lines.
     */
    @Transactional(readOnly = true)
    public ReceiptsRead receipts(LocalDate from, LocalDate until, Consumer<Receipt> sink) {
        ReceiptsRead read = new ReceiptsRead();
        streaming.query(
                "select r.file_id, r.seq, r.member_id, r.kind, r.receipt_type, r.treatment_month, r.inpatient,"
                        + " r.facility_code, r.prefecture, r.days, r.points, r.dpc_code from receipt r where"
                        + CURRENT,
                rs -> {
                    long fileId = rs.getLong(1);
                    int seq = rs.getInt(2);
                    long memberId = rs.getLong(3);
                    sink.accept(new Receipt(
                            read.add(fileId, seq, memberId),
                            fileId,
                            seq,
                            memberId,
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
        return read;
    }

    /** The diagnoses of the receipts {@code read}. */
    @Transactional(readOnly = true)
    public void diagnoses(ReceiptsRead read, Consumer<Diagnosis> sink) {
        lines(
                read,
                "select d.file_id, d.receipt_seq, d.seq, d.code, d.icd10, d.main, d.outcome from receipt_diagnosis d",
                (rs, receipt) -> sink.accept(new Diagnosis(
                        receipt,
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        read.memberId(receipt),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getString(7))));
    }

    /** The 診療行為 lines of the receipts {@code read}. */
    @Transactional(readOnly = true)
    public void procedures(ReceiptsRead read, Consumer<Procedure> sink) {
        lines(
                read,
                "select p.file_id, p.receipt_seq, p.seq, p.record_type, p.code, p.points, p.times"
                        + " from receipt_procedure p",
                (rs, receipt) -> sink.accept(new Procedure(
                        receipt,
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        read.memberId(receipt),
                        rs.getString(4),
                        rs.getString(5),
                        integer(rs, 6),
                        rs.getInt(7))));
    }

    /** The 医薬品 lines of the receipts {@code read}. */
    @Transactional(readOnly = true)
    public void drugs(ReceiptsRead read, Consumer<Drug> sink) {
        lines(
                read,
                "select g.file_id, g.receipt_seq, g.seq, g.code, g.quantity, g.points, g.times from receipt_drug g",
                (rs, receipt) -> sink.accept(new Drug(
                        receipt,
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        read.memberId(receipt),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        integer(rs, 6),
                        integer(rs, 7))));
    }

    private interface Line {
        void accept(ResultSet rs, int receipt) throws SQLException;
    }

    /**
     * Streams a line table (whose first two columns are the file and the receipt's number) for the
     * receipts read: only the files they came from are asked for (the ids are numbers, written into
     * the statement), and a line of a receipt not read (superseded, or of another month in the same
     * file) is passed over here.
     */
    private void lines(ReceiptsRead read, String select, Line line) {
        long[] files = read.files();
        if (files.length == 0) {
            return;
        }
        StringBuilder in = new StringBuilder(select).append(" where file_id in (");
        for (int i = 0; i < files.length; i++) {
            in.append(i == 0 ? "" : ",").append(files[i]);
        }
        in.append(')');
        ReceiptsRead.Finder receipts = read.new Finder();
        streaming.query(in.toString(), rs -> {
            int receipt = receipts.indexOf(rs.getLong(1), rs.getInt(2));
            if (receipt >= 0) {
                line.accept(rs, receipt);
            }
        });
    }

    /** Checkups done on days {@code from} (inclusive) to {@code until} (exclusive). */
    @Transactional(readOnly = true)
    public void checkups(LocalDate from, LocalDate until, Consumer<Checkup> sink) {
        streaming.query(
                "select c.file_id, c.seq, c.member_id, c.checkup_date, c.program_type, c.facility_code from checkup c"
                        + " where c.checkup_date >= ? and c.checkup_date < ?",
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

    /** The observations of the checkups done on those days. */
    @Transactional(readOnly = true)
    public void observations(LocalDate from, LocalDate until, Consumer<Observation> sink) {
        joinMemory();
        streaming.query(
                "select o.file_id, o.checkup_seq, o.seq, c.member_id, o.code, o.value_type, o.value_number,"
                        + " o.value_text, o.unit, o.value_code_system from checkup c"
                        + " join checkup_observation o on o.file_id = c.file_id and o.checkup_seq = c.seq"
                        + " where c.checkup_date >= ? and c.checkup_date < ?",
                rs -> {
                    sink.accept(new Observation(
                            rs.getLong(1),
                            rs.getInt(2),
                            rs.getInt(3),
                            rs.getLong(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getBigDecimal(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10)));
                },
                from,
                until);
    }

    /**
     * The checkups of a year are joined to their observations: with PostgreSQL's default work
     * memory the planner looks every observation's checkup up by its index instead of hashing the
     * checkups once. More memory for this read only ({@code set local} ends with the transaction).
     */
    private void joinMemory() {
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
