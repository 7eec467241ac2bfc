package jp.kenpo.privacy.claims;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import jp.kenpo.privacy.formats.receipt.ChildRecord;
import jp.kenpo.privacy.formats.receipt.OtherRecord;
import jp.kenpo.privacy.formats.receipt.Receipt;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a receipt read from a file stands among the versions of the same receipt already stored.
 *
 * <p>A receipt's identity is what the 記録条件仕様 makes one receipt of: one patient (the member
 * linked), one facility (都道府県 and 医療機関コード), one 診療年月 and one レセプト種別 (which tells
 * 医保 from 公費単独 and 入院 from 入院外). The レセプト番号 and the 請求年月 are not part of it: a
 * receipt returned and claimed again (返戻・再請求), claimed late (月遅れ請求) or adjusted (過誤調整)
 * comes back with another of each, in another file. Of its versions the one with the latest
 * 請求年月 is current (an equal one: the later import); the others are kept, each pointing at the
 * version that superseded it. A version whose content equals one already stored is not stored
 * again.
 *
 * <p>One instance per file import, in the file's transaction.
 */
final class ReceiptVersions {

    /** What makes two receipts versions of one. */
    record Identity(
            long memberId,
            String kind,
            String prefecture,
            String facilityCode,
            LocalDate treatmentMonth,
            String receiptType) {}

    /** A stored version; {@code current} when no other version supersedes it. */
    record Version(long fileId, int seq, String contentSha256, LocalDate billingMonth, boolean current) {

        Version superseded() {
            return new Version(fileId, seq, contentSha256, billingMonth, false);
        }
    }

    /**
     * What to do with a receipt: store it or not ({@link #unchanged}), and which version it
     * supersedes or is superseded by (null for none).
     */
    record Placement(boolean unchanged, Version supersedes, Version supersededBy) {}

    private final JdbcTemplate jdbc;
    private final long fileId;
    /** Called before a row of this file is updated: its batch may not have been sent yet. */
    private final Runnable flush;
    /**
     * Versions placed from this file, by identity (a file may hold a receipt twice), for the run of
     * receipts of one facility: a receipt's identity names its facility, and a facility's receipts
     * come together under its header, so memory is bounded by the largest facility, not the file.
     */
    private final Map<Identity, List<Version>> inFile = new HashMap<>();

    private String inFileFacility = "";
    /** Whether anything is stored for a facility and month: most imports bring new months and need no look-up per receipt. */
    private final Map<String, Boolean> storedMonths = new HashMap<>();

    ReceiptVersions(JdbcTemplate jdbc, long fileId, Runnable flush) {
        this.jdbc = jdbc;
        this.fileId = fileId;
        this.flush = flush;
    }

    /** Places the receipt that will be stored as {@code seq} of this file; marks the version it supersedes. */
    Placement place(Identity id, int seq, String contentSha256, LocalDate billingMonth) {
        String facility = id.prefecture() + "/" + id.facilityCode();
        if (!facility.equals(inFileFacility)) {
            inFile.clear();
            inFileFacility = facility;
        }
        List<Version> placedHere = inFile.computeIfAbsent(id, k -> new ArrayList<>(1));
        List<Version> all = new ArrayList<>(stored(id));
        all.addAll(placedHere);
        Version current = null;
        for (Version v : all) {
            if (contentSha256.equals(v.contentSha256())) {
                return new Placement(true, null, null);
            }
            current = v.current() ? v : current;
        }
        Version placed = new Version(fileId, seq, contentSha256, billingMonth, true);
        if (current == null) {
            placedHere.add(placed);
            return new Placement(false, null, null);
        }
        if (current.billingMonth() != null && billingMonth != null && billingMonth.isBefore(current.billingMonth())) {
            // claimed before the version already stored (an older file imported late): kept, not current
            placedHere.add(placed.superseded());
            return new Placement(false, null, current);
        }
        if (current.fileId() == fileId) {
            flush.run();
            placedHere.set(placedHere.indexOf(current), current.superseded());
        }
        jdbc.update(
                "update receipt set superseded_by_file = ?, superseded_by_seq = ? where file_id = ? and seq = ?",
                fileId,
                seq,
                current.fileId(),
                current.seq());
        placedHere.add(placed);
        return new Placement(false, current, null);
    }

    private List<Version> stored(Identity id) {
        String month = id.prefecture() + "/" + id.facilityCode() + "/" + id.treatmentMonth();
        boolean any = storedMonths.computeIfAbsent(
                month,
                m -> !jdbc.queryForList(
                                "select 1 from receipt where "
                                        + "facility_code = ? and treatment_month = ? and prefecture = ? and file_id <> ? fetch first 1 rows only",
                                Integer.class,
                                id.facilityCode(),
                                id.treatmentMonth(),
                                id.prefecture(),
                                fileId)
                        .isEmpty());
        if (!any) {
            return List.of();
        }
        return jdbc.query(
                "select file_id, seq, content_sha256, billing_month, superseded_by_file from receipt "
                        + "where facility_code = ? and treatment_month = ? and member_id = ? and prefecture = ? and kind = ? "
                        + "and receipt_type = ? and file_id <> ? order by file_id, seq",
                (rs, n) -> new Version(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5) == null),
                id.facilityCode(),
                id.treatmentMonth(),
                id.memberId(),
                id.prefecture(),
                id.kind(),
                id.receiptType(),
                fileId);
    }

    /**
     * SHA-256 of the receipt as recorded, without where it was filed: not the facility header (its
     * 請求年月, volume, telephone), not the レセプト番号, not the review organisation's management
     * records (MN, RC) that number it in its file.
     */
    static String contentSha256(Receipt r) {
        StringBuilder b = new StringBuilder(512);
        b.append(r.receiptType())
                .append('|')
                .append(r.treatmentMonth())
                .append('|')
                .append(r.name())
                .append('|')
                .append(r.sex())
                .append('|')
                .append(r.birthDate())
                .append('|')
                .append(r.admissionDate())
                .append('|')
                .append(r.kanaName())
                .append('|')
                .append(r.insurance())
                .append('|')
                .append(r.publicExpenses())
                .append('|')
                .append(r.eligibility());
        for (ChildRecord c : r.children()) {
            if (c instanceof OtherRecord o && (o.type().equals("MN") || o.type().equals("RC"))) {
                continue;
            }
            b.append('\n').append(c);
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required algorithm of every JVM", e);
        }
    }
}
