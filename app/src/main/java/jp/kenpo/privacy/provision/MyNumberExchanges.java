package jp.kenpo.privacy.provision;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import jp.kenpo.privacy.audit.Actor;
import jp.kenpo.privacy.catalog.Flow;
import jp.kenpo.privacy.catalog.Purpose;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.provision.ProvisionEntry.Direction;
import jp.kenpo.privacy.recipients.Recipient;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.recipients.UnknownRecipientException;
import jp.kenpo.privacy.shared.FreeText;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The exchange records of the My Number info-linkage (情報提供等の記録, My Number Act Art. 23(1)):
 * every read of individual numbers for a category 7 purpose names the other institution and the
 * items exchanged, and is recorded — the institutions, the date and time, the items, and each member
 * whose number was read — in the transaction that audits the read. The vault asks {@link #check}
 * before it reads anything and {@link #record} once it has; it owns no record itself.
 */
@Service
public class MyNumberExchanges {

    static final int ITEM_MAX = 200;
    static final int ITEMS_MAX = 4000;

    /** Kept 7 years from the day of the exchange (Art. 23(1): the period the Act's Order sets). */
    static final int RETENTION_YEARS = 7;

    /** The catalog's category of the info-linkage with other institutions (番号法第19条第8号). */
    static final int INFO_LINKAGE_CATEGORY = 7;

    /**
     * An exchange the register allows, checked before any number is read: the counterparty as the
     * register has it now (what Art. 23(1)(i) records of it).
     */
    public record Linkage(
            String counterparty,
            String counterpartyName,
            String counterpartyAddress,
            String counterpartyRepresentative,
            PurposeCode purpose,
            Direction direction,
            List<String> items,
            Instant at) {

        public Linkage {
            items = List.copyOf(items);
        }

        public LocalDate on() {
            return SocietyTime.dateOf(at);
        }

        public LocalDate retainedUntil() {
            return on().plusYears(RETENTION_YEARS);
        }
    }

    private final RecipientRegister register;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    MyNumberExchanges(RecipientRegister register, JdbcTemplate jdbc, Clock clock) {
        this.register = register;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Whether a read for the purpose is an exchange with another institution that Art. 23(1) records:
     * a purpose of category 7 (the notice's info-linkage purposes, receiving 7.1–7.4 and providing
     * 7.5–7.6). 1.8 (the society's info-linkage work as a whole) and 1.3, 8.1 read numbers for the
     * society's own work and name no counterparty.
     */
    public static boolean isInfoLinkage(Purpose purpose) {
        return purpose.code().category() == INFO_LINKAGE_CATEGORY
                && (purpose.flow() == Flow.MY_NUMBER_RECEIPT || purpose.flow() == Flow.MY_NUMBER_PROVISION);
    }

    /**
     * What the register says of an exchange with the counterparty for the purpose now, or why it may
     * not take place: the counterparty is an entry of a kind that takes the purpose's flow (a public
     * body), registered for the purpose, with its entry in force today; the items are named.
     *
     * @throws jp.kenpo.privacy.shared.BadRequestException naming the field ({@code counterparty} or {@code items})
     */
    public Linkage check(ExchangeOrder order, Purpose purpose) {
        if (!isInfoLinkage(purpose)) {
            throw new ProvisionRefusedException(
                    "counterparty",
                    "purpose " + purpose.code()
                            + " is no info-linkage with another institution: a read for it names no counterparty");
        }
        if (order == null
                || order.counterparty() == null
                || order.counterparty().isBlank()) {
            throw new ProvisionRefusedException(
                    "counterparty",
                    "purpose " + purpose.code() + " is an info-linkage purpose: name the other institution, its id in"
                            + " the recipient register (My Number Act Art. 23(1) records it)");
        }
        Recipient counterparty = register.find(order.counterparty().strip())
                .orElseThrow(() -> new UnknownRecipientException(
                        "counterparty", order.counterparty().strip()));
        Instant at = clock.instant();
        LocalDate day = SocietyTime.dateOf(at);
        if (!counterparty.kind().takes(purpose.flow())) {
            throw new ProvisionRefusedException(
                    "counterparty",
                    "counterparty " + counterparty.id() + " is a " + counterparty.kind() + ", which takes no "
                            + purpose.flow()
                            + " flow: the info-linkage goes to other institutions, registered as PUBLIC_BODY");
        }
        if (!counterparty.receives(purpose.code())) {
            throw new ProvisionRefusedException(
                    "counterparty",
                    "counterparty " + counterparty.id() + " is not registered for purpose " + purpose.code()
                            + " (it is for " + counterparty.purposes() + ")");
        }
        if (!counterparty.contractCovers(day)) {
            throw new ProvisionRefusedException(
                    "counterparty",
                    "the register's entry for " + counterparty.id() + " does not cover " + day + " (from "
                            + counterparty.contractFrom()
                            + counterparty.contractTo().map(t -> " to " + t).orElse("")
                            + counterparty.endedOn().map(e -> "; ended on " + e).orElse("") + ")");
        }
        return new Linkage(
                counterparty.id(),
                counterparty.name(),
                counterparty.address(),
                counterparty.representative(),
                purpose.code(),
                purpose.flow() == Flow.MY_NUMBER_RECEIPT ? Direction.RECEIVED : Direction.SENT,
                items(order.items()),
                at);
    }

    /** The items named, each once, in their order; refused naming the item's place, never its text. */
    private static List<String> items(List<String> given) {
        var items = new LinkedHashSet<String>();
        for (int i = 0; i < given.size(); i++) {
            String item = given.get(i) == null ? "" : given.get(i).strip();
            String problem = item.isEmpty() ? "is empty" : FreeText.problem(item, false);
            if (problem == null && item.length() > ITEM_MAX) {
                problem = "is longer than " + ITEM_MAX + " characters";
            }
            if (problem != null) {
                throw new ProvisionRefusedException("items", "item " + (i + 1) + " " + problem);
            }
            items.add(item);
        }
        if (items.isEmpty()) {
            throw new ProvisionRefusedException(
                    "items", "name the items exchanged (利用特定個人情報の項目, My Number Act Art. 23(1)(iii)), e.g. 給付情報");
        }
        if (String.join(ProvisionHistory.ITEM_SEPARATOR, items).length() > ITEMS_MAX) {
            throw new ProvisionRefusedException(
                    "items", "the items together are longer than " + ITEMS_MAX + " characters");
        }
        return List.copyOf(items);
    }

    /**
     * Records the exchange and one row per member, in the caller's transaction: the rows in bulk
     * (COPY on PostgreSQL, JDBC batches on H2), never a statement per member.
     *
     * @param members the ids of the members whose numbers were read for it, each once
     * @return the exchange's id
     */
    public long record(Linkage linkage, Collection<Long> members) {
        LocalDate on = linkage.on();
        LocalDate retained = linkage.retainedUntil();
        var key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement("""
                            insert into my_number_exchange (counterparty_id, counterparty_name, counterparty_address,
                                   counterparty_representative, purpose_code, direction, items, exchanged_at, exchanged_on,
                                   read_by, members, retention_until)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
                    ps.setString(1, linkage.counterparty());
                    ps.setString(2, linkage.counterpartyName());
                    ps.setString(3, linkage.counterpartyAddress());
                    ps.setString(4, linkage.counterpartyRepresentative());
                    ps.setString(5, linkage.purpose().toString());
                    ps.setString(6, linkage.direction().name());
                    ps.setString(7, String.join(ProvisionHistory.ITEM_SEPARATOR, linkage.items()));
                    ps.setObject(8, OffsetDateTime.ofInstant(linkage.at(), ZoneOffset.UTC));
                    ps.setObject(9, on);
                    ps.setString(10, Actor.current().name());
                    ps.setInt(11, members.size());
                    ps.setObject(12, retained);
                    return ps;
                },
                key);
        long id = key.getKey().longValue();
        var rows = new RecordRows(
                jdbc,
                "my_number_exchange_member",
                List.of("exchange_id", "member_id", "exchanged_on", "retention_until"),
                new int[] {Types.BIGINT, Types.BIGINT, Types.DATE, Types.DATE});
        for (long member : members) {
            rows.add(id, member, on, retained);
        }
        rows.finish();
        return id;
    }
}
