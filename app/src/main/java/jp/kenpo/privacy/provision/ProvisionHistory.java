package jp.kenpo.privacy.provision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.decision.Basis;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.provision.ProvisionEntry.Direction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every record kept about one member — provisions (Art. 29 and exempt), receipts (Art. 30 and
 * exempt), My Number info-linkage exchanges and online eligibility registrations — newest first:
 * what APPI Art. 33(5) lets a member ask to see. Reading it is a read of the member's data, audited.
 */
@Service
public class ProvisionHistory {

    /** Who the online eligibility confirmation system's records name as the other side. */
    static final String ONLINE_SYSTEM = "オンライン資格確認等システム (Online eligibility confirmation system)";

    static final String ITEM_SEPARATOR = "\t";

    private final JdbcTemplate jdbc;
    private final MemberRegistry members;
    private final AuditTrail audit;

    ProvisionHistory(JdbcTemplate jdbc, MemberRegistry members, AuditTrail audit) {
        this.jdbc = jdbc;
        this.members = members;
        this.audit = audit;
    }

    /**
     * @throws jp.kenpo.privacy.members.UnknownMemberException when no member has the key
     */
    @Transactional
    public List<ProvisionEntry> ofMember(MemberKey key) {
        long member = members.require(key).id();
        var entries = new ArrayList<Sorted>();
        jdbc.query(
                """
                select r.provided_on, p.record_type, p.recipient_id, p.recipient_name, p.recipient_address,
                       p.recipient_representative, p.purpose_code, p.items, r.basis, r.consent_event, p.exemption,
                       p.file_name, r.retention_until, p.id
                  from provision_record r join provision_run p on p.id = r.run_id
                 where r.member_id = ?""",
                rs -> {
                    long event = rs.getLong(10);
                    boolean hasEvent = !rs.wasNull();
                    entries.add(new Sorted(
                            new ProvisionEntry(
                                    Direction.SENT,
                                    sentKind(rs.getString(2)),
                                    rs.getObject(1, LocalDate.class),
                                    Optional.of(rs.getString(3)),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    PurposeCode.parse(rs.getString(7)),
                                    items(rs.getString(8)),
                                    Optional.of(Basis.valueOf(rs.getString(9))),
                                    hasEvent ? OptionalLong.of(event) : OptionalLong.empty(),
                                    Optional.ofNullable(rs.getString(11)),
                                    rs.getString(12),
                                    rs.getObject(13, LocalDate.class)),
                            rs.getLong(14)));
                },
                member);
        jdbc.query(
                """
                select m.received_on, a.record_type, a.provider_id, a.provider_name, a.provider_address,
                       a.provider_representative, a.purpose_code, a.items, a.exemption, a.file_name,
                       m.retention_until, a.id
                  from acquisition_member m join acquisition a on a.id = m.acquisition_id
                 where m.member_id = ?""",
                rs -> {
                    entries.add(new Sorted(
                            new ProvisionEntry(
                                    Direction.RECEIVED,
                                    receivedKind(rs.getString(2)),
                                    rs.getObject(1, LocalDate.class),
                                    Optional.of(rs.getString(3)),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    PurposeCode.parse(rs.getString(7)),
                                    items(rs.getString(8)),
                                    Optional.empty(),
                                    OptionalLong.empty(),
                                    Optional.ofNullable(rs.getString(9)),
                                    rs.getString(10),
                                    rs.getObject(11, LocalDate.class)),
                            rs.getLong(12)));
                },
                member);
        jdbc.query(
                """
                select m.exchanged_on, x.direction, x.counterparty_id, x.counterparty_name, x.counterparty_address,
                       x.counterparty_representative, x.purpose_code, x.items, m.retention_until, x.id
                  from my_number_exchange_member m join my_number_exchange x on x.id = m.exchange_id
                 where m.member_id = ?""",
                rs -> {
                    entries.add(new Sorted(
                            new ProvisionEntry(
                                    Direction.valueOf(rs.getString(2)),
                                    RecordKind.MY_NUMBER_EXCHANGE,
                                    rs.getObject(1, LocalDate.class),
                                    Optional.of(rs.getString(3)),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    PurposeCode.parse(rs.getString(7)),
                                    items(rs.getString(8)),
                                    Optional.of(Basis.LEGAL_BASIS),
                                    OptionalLong.empty(),
                                    Optional.of(Exemption.UNDER_LAW.article()),
                                    exchangeFile(rs.getLong(10)),
                                    rs.getObject(9, LocalDate.class)),
                            rs.getLong(10)));
                },
                member);
        jdbc.query(
                """
                select exchanged_on, direction, purpose_code, items, batch_file, retention_until, id
                  from online_eligibility_exchange where member_id = ?""",
                rs -> {
                    entries.add(new Sorted(
                            new ProvisionEntry(
                                    Direction.valueOf(rs.getString(2)),
                                    RecordKind.ONLINE_ELIGIBILITY,
                                    rs.getObject(1, LocalDate.class),
                                    Optional.empty(),
                                    ONLINE_SYSTEM,
                                    "",
                                    "",
                                    PurposeCode.parse(rs.getString(3)),
                                    items(rs.getString(4)),
                                    Optional.of(Basis.LEGAL_BASIS),
                                    OptionalLong.empty(),
                                    Optional.of(Exemption.UNDER_LAW.article()),
                                    rs.getString(5),
                                    rs.getObject(6, LocalDate.class)),
                            rs.getLong(7)));
                },
                member);
        entries.sort(Comparator.comparing((Sorted s) -> s.entry().on())
                .thenComparingLong(Sorted::id)
                .reversed());
        audit.record(AuditEvent.of(AuditAction.MEMBER_READ, "provision history: " + entries.size() + " records")
                .member(key));
        return entries.stream().map(Sorted::entry).toList();
    }

    /**
     * Every provision run to, acquisition from, and info-linkage exchange (an individual-number read
     * naming it) with the counterparty, newest first.
     */
    @Transactional(readOnly = true)
    public List<CounterpartyEntry> ofCounterparty(String id) {
        var entries = new ArrayList<CounterpartyEntry>();
        jdbc.query(
                """
                select id, record_type, provided_on, purpose_code, file_name, file_sha256, members_written, retention_until
                  from provision_run where recipient_id = ?""",
                rs -> {
                    entries.add(counterpartyEntry(rs, Direction.SENT, sentKind(rs.getString(2))));
                },
                id);
        jdbc.query(
                """
                select a.id, a.record_type, a.received_on, a.purpose_code, a.file_name, a.file_sha256,
                       (select count(*) from acquisition_member m where m.acquisition_id = a.id), a.retention_until
                  from acquisition a where a.provider_id = ?""",
                rs -> {
                    entries.add(counterpartyEntry(rs, Direction.RECEIVED, receivedKind(rs.getString(2))));
                },
                id);
        jdbc.query(
                """
                select id, direction, exchanged_on, purpose_code, members, retention_until
                  from my_number_exchange where counterparty_id = ?""",
                rs -> {
                    long exchange = rs.getLong(1);
                    entries.add(new CounterpartyEntry(
                            Direction.valueOf(rs.getString(2)),
                            RecordKind.MY_NUMBER_EXCHANGE,
                            exchange,
                            rs.getObject(3, LocalDate.class),
                            PurposeCode.parse(rs.getString(4)),
                            exchangeFile(exchange),
                            "",
                            rs.getInt(5),
                            rs.getObject(6, LocalDate.class)));
                },
                id);
        entries.sort(Comparator.comparing(CounterpartyEntry::on)
                .thenComparingLong(CounterpartyEntry::id)
                .reversed());
        return entries;
    }

    /** A run or an acquisition: id, record type, date, purpose, file, its SHA-256, members, retention end. */
    private static CounterpartyEntry counterpartyEntry(ResultSet rs, Direction direction, RecordKind kind)
            throws SQLException {
        return new CounterpartyEntry(
                direction,
                kind,
                rs.getLong(1),
                rs.getObject(3, LocalDate.class),
                PurposeCode.parse(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                rs.getObject(8, LocalDate.class));
    }

    /** The legal record a provision run is, by its record type (ART29, EXEMPT, MY_NUMBER_EXCHANGE). */
    private static RecordKind sentKind(String recordType) {
        return switch (recordType) {
            case "ART29" -> RecordKind.PROVISION_RECORD;
            case "EXEMPT" -> RecordKind.EXEMPT_PROVISION;
            default -> RecordKind.MY_NUMBER_EXCHANGE;
        };
    }

    /** The legal record an acquisition is, by its record type (ART30, EXEMPT, MY_NUMBER_EXCHANGE). */
    private static RecordKind receivedKind(String recordType) {
        return switch (recordType) {
            case "ART30" -> RecordKind.CONFIRMATION_RECORD;
            case "EXEMPT" -> RecordKind.EXEMPT_RECEIPT;
            default -> RecordKind.MY_NUMBER_EXCHANGE;
        };
    }

    /**
     * What an exchange made by a read of the vault is known by in place of a file: the data went
     * through the info-linkage network, not in a file the society wrote.
     */
    static String exchangeFile(long exchange) {
        return "info-linkage exchange #" + exchange;
    }

    static List<String> items(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(ITEM_SEPARATOR, -1));
    }

    private record Sorted(ProvisionEntry entry, long id) {}
}
