package jp.kenpo.privacy.claims;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claims module's read of one member's receipts and checkups, summarised per month: how other
 * modules learn what is held without reading the claims tables (a disclosure, APPI Art. 33(1)).
 */
@Service
public class HealthDataHoldings {

    private final JdbcTemplate jdbc;
    private final MemberRegistry members;
    private final AuditTrail audit;

    HealthDataHoldings(JdbcTemplate jdbc, MemberRegistry members, AuditTrail audit) {
        this.jdbc = jdbc;
        this.members = members;
        this.audit = audit;
    }

    /**
     * The member's receipts per treatment month and kind, and their checkups, oldest first: a read
     * of the member's health data, audited.
     *
     * @throws jp.kenpo.privacy.members.UnknownMemberException when no member has the key
     */
    @Transactional
    public HealthDataHeld of(MemberKey key) {
        Member member = members.require(key);
        var months = jdbc.query(
                """
                select treatment_month, kind, count(*), sum(case when inpatient then 1 else 0 end),
                       coalesce(sum(days), 0), coalesce(sum(points), 0)
                  from receipt where member_id = ? and superseded_by_file is null
                 group by treatment_month, kind order by treatment_month, kind""",
                (rs, n) -> new HealthDataHeld.ReceiptMonth(
                        YearMonth.from(rs.getObject(1, LocalDate.class)),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getLong(5),
                        rs.getLong(6)),
                member.id());
        var checkups = jdbc.query(
                """
                select c.checkup_date, c.facility_code,
                       (select count(*) from checkup_observation o where o.file_id = c.file_id and o.checkup_seq = c.seq)
                  from checkup c where c.member_id = ? order by c.checkup_date, c.file_id, c.seq""",
                (rs, n) ->
                        new HealthDataHeld.CheckupHeld(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getInt(3)),
                member.id());
        audit.record(AuditEvent.of(
                        AuditAction.MEMBER_READ,
                        "health data held: " + months.size() + " receipt months, " + checkups.size() + " checkups")
                .member(key));
        return new HealthDataHeld(key, months, checkups);
    }

    /**
     * Every receipt of the member, one by one with its diagnoses, oldest first: the detail a member
     * may ask for beside the monthly summary (APPI Art. 33(1)), audited.
     *
     * @throws jp.kenpo.privacy.members.UnknownMemberException when no member has the key
     */
    @Transactional
    public List<HealthDataHeld.ReceiptHeld> receipts(MemberKey key) {
        Member member = members.require(key);
        var diagnoses = new HashMap<ReceiptId, List<String>>();
        jdbc.query(
                """
                select d.file_id, d.receipt_seq, d.code, d.name
                  from receipt_diagnosis d join receipt r on r.file_id = d.file_id and r.seq = d.receipt_seq
                 where r.member_id = ? and r.superseded_by_file is null
                 order by d.file_id, d.receipt_seq, d.main desc, d.seq""",
                rs -> {
                    String name = rs.getString(4);
                    diagnoses
                            .computeIfAbsent(new ReceiptId(rs.getLong(1), rs.getInt(2)), k -> new ArrayList<>())
                            .add(name == null ? rs.getString(3) : rs.getString(3) + " " + name);
                },
                member.id());
        var receipts = jdbc.query(
                """
                select file_id, seq, treatment_month, kind, facility_code, inpatient, days, points
                  from receipt where member_id = ? and superseded_by_file is null
                 order by treatment_month, file_id, seq""",
                (rs, n) -> new HealthDataHeld.ReceiptHeld(
                        YearMonth.from(rs.getObject(3, LocalDate.class)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getObject(7, Integer.class),
                        rs.getObject(8, Integer.class),
                        diagnoses.getOrDefault(new ReceiptId(rs.getLong(1), rs.getInt(2)), List.of())),
                member.id());
        audit.record(AuditEvent.of(AuditAction.MEMBER_READ, "receipts held, one by one: " + receipts.size())
                .member(key));
        return receipts;
    }

    /** A receipt's place in the store: its file and its number in the file. */
    private record ReceiptId(long file, int seq) {}
}
