package jp.kenpo.privacy.recipients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.kenpo.privacy.audit.Actor;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.catalog.Catalog;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.Purpose;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.shared.FreeText;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of recipients: third parties, consignees (委託先), joint users, the
 * review-and-payment organisation and public bodies. Every provision names one; what it holds of
 * each is what the provision record must say of the recipient (PPC Rules Art. 20(1)(i)), and for a
 * consignee the last review of its safety measures (APPI Art. 25, 委託先の監督).
 */
@Service
public class RecipientRegister {

    static final String ID_FORM = "capital letters, digits and hyphens, 1 to 64, starting with a letter or digit";
    private static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");
    static final int NAME_MAX = 200;
    static final int ADDRESS_MAX = 400;
    static final int REFERENCE_MAX = 200;
    static final int KEY_MAX = 65_536;

    private final JdbcTemplate jdbc;
    private final CatalogService catalogs;
    private final Clock clock;
    private final AuditTrail audit;

    RecipientRegister(JdbcTemplate jdbc, CatalogService catalogs, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.catalogs = catalogs;
        this.clock = clock;
        this.audit = audit;
    }

    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public Optional<Recipient> find(String id) {
        if (!isId(id)) {
            return Optional.empty();
        }
        List<Recipient> found = read("where id = ?", id);
        return found.stream().findFirst();
    }

    /**
     * @throws UnknownRecipientException naming the field {@code id}
     */
    public Recipient require(String id) {
        return find(id).orElseThrow(() -> new UnknownRecipientException("id", id));
    }

    /** Every recipient, ended ones too, by id. */
    public List<Recipient> list() {
        return read("order by id");
    }

    /**
     * Registers a recipient after checking every field; audited.
     *
     * @throws BadRequestException naming the field at fault, never repeating its value
     */
    @Transactional
    public Recipient add(NewRecipient n) {
        if (n.id() == null || !isId(n.id())) {
            throw new BadRequestException("id", ID_FORM);
        }
        if (n.kind() == null) {
            throw new BadRequestException("kind", "name the kind: one of " + List.of(RecipientKind.values()));
        }
        String name = text("name", n.name(), NAME_MAX);
        String address = text("address", n.address(), ADDRESS_MAX);
        String representative = text("representative", n.representative(), NAME_MAX);
        String reference = text("contractReference", n.contractReference(), REFERENCE_MAX);
        List<PurposeCode> purposes = purposes(n.kind(), n.purposes());
        if (n.contractFrom() == null) {
            throw new BadRequestException("contractFrom", "the first day of the contract is required");
        }
        if (n.contractTo().filter(to -> to.isBefore(n.contractFrom())).isPresent()) {
            throw new BadRequestException("contractTo", "the contract ends before it begins");
        }
        if (n.reviewedOn().isPresent() && n.kind() != RecipientKind.CONSIGNEE) {
            throw new BadRequestException("reviewedOn", "a review of safety measures is kept for consignees only");
        }
        LocalDate today = jp.kenpo.privacy.shared.SocietyTime.dateOf(clock.instant());
        if (n.reviewedOn().filter(d -> d.isAfter(today)).isPresent()) {
            throw new BadRequestException("reviewedOn", "a review cannot be dated after today");
        }
        String key = n.openPgpPublicKey().map(RecipientRegister::armoredKey).orElse(null);
        try {
            jdbc.update(
                    """
                    insert into recipient (id, kind, name, address, representative, contract_reference, contract_from,
                                           contract_to, reviewed_on, open_pgp_public_key, registered_at, registered_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    n.id(),
                    n.kind().name(),
                    name,
                    address,
                    representative,
                    reference,
                    n.contractFrom(),
                    n.contractTo().orElse(null),
                    n.reviewedOn().orElse(null),
                    key,
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                    Actor.current().name());
        } catch (DuplicateKeyException e) {
            throw new BadRequestException("id", "a recipient " + n.id() + " is registered already");
        }
        jdbc.batchUpdate(
                "insert into recipient_purpose (recipient_id, purpose_code) values (?, ?)",
                purposes.stream().map(p -> new Object[] {n.id(), p.toString()}).toList());
        audit.record(AuditEvent.of(
                AuditAction.RECIPIENT_ADDED,
                "recipient " + n.id() + " (" + n.kind() + ") for purposes " + purposes + ", contract from "
                        + n.contractFrom() + n.contractTo().map(t -> " to " + t).orElse("")));
        return require(n.id());
    }

    /** Ends a recipient from a day on: it receives nothing from then, and stays in the register for the records. */
    @Transactional
    public void end(String id, LocalDate on) {
        Recipient r = require(id);
        if (on == null) {
            throw new BadRequestException("on", "the first day without provisions is required");
        }
        if (r.endedOn().isPresent()) {
            throw new BadRequestException(
                    "id",
                    "recipient " + id + " was ended already, on " + r.endedOn().get());
        }
        jdbc.update("update recipient set ended_on = ? where id = ?", on, id);
        audit.record(AuditEvent.of(AuditAction.RECIPIENT_ENDED, "recipient " + id + " ended on " + on));
    }

    /** Records the review of a consignee's safety measures (APPI Art. 25: supervision of consignees). */
    @Transactional
    public void reviewed(String id, LocalDate on) {
        Recipient r = require(id);
        if (r.kind() != RecipientKind.CONSIGNEE) {
            throw new BadRequestException("id", "recipient " + id + " is no consignee: only consignees are reviewed");
        }
        if (on == null || on.isAfter(jp.kenpo.privacy.shared.SocietyTime.dateOf(clock.instant()))) {
            throw new BadRequestException("on", "the day of the review is required, and not after today");
        }
        if (r.reviewedOn().filter(last -> last.isAfter(on)).isPresent()) {
            throw new BadRequestException(
                    "on",
                    "a later review is on record already (" + r.reviewedOn().get() + ")");
        }
        jdbc.update("update recipient set reviewed_on = ? where id = ?", on, id);
        audit.record(AuditEvent.of(
                AuditAction.RECIPIENT_REVIEWED, "consignee " + id + ": safety measures reviewed on " + on));
    }

    private List<PurposeCode> purposes(RecipientKind kind, List<PurposeCode> given) {
        if (given.isEmpty() || given.contains(null)) {
            throw new BadRequestException("purposes", "name at least one purpose code, e.g. 3.8");
        }
        Catalog catalog = catalogs.catalog();
        var codes = new LinkedHashSet<>(given);
        for (PurposeCode code : codes) {
            Optional<Purpose> purpose = latest(catalog, code);
            if (purpose.isEmpty()) {
                throw new BadRequestException("purposes", "purpose " + code + " is in no published catalog version");
            }
            if (!kind.takes(purpose.get().flow())) {
                throw new BadRequestException(
                        "purposes",
                        "purpose " + code + " is a " + purpose.get().flow() + " flow, which a " + kind
                                + " recipient does not take (it takes " + kind.flows() + ")");
            }
        }
        return List.copyOf(codes);
    }

    private static Optional<Purpose> latest(Catalog catalog, PurposeCode code) {
        for (int i = catalog.versions().size() - 1; i >= 0; i--) {
            Optional<Purpose> p = catalog.versions().get(i).purposes().stream()
                    .filter(x -> x.code().equals(code))
                    .findFirst();
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(field, "is required");
        }
        String v = value.strip();
        String problem = FreeText.problem(v, false);
        if (problem != null) {
            throw new BadRequestException(field, problem);
        }
        if (v.length() > max) {
            throw new BadRequestException(field, "is longer than " + max + " characters");
        }
        return v;
    }

    /** An ASCII-armored OpenPGP public key block: its armor lines and base64 body, nothing else. */
    static String armoredKey(String text) {
        String field = "openPgpPublicKey";
        if (text.length() > KEY_MAX) {
            throw new BadRequestException(field, "is longer than " + KEY_MAX + " characters");
        }
        String problem = FreeText.unreadable(text, true);
        if (problem != null) {
            throw new BadRequestException(field, problem);
        }
        List<String> lines = text.strip().lines().map(String::strip).toList();
        if (lines.size() < 3
                || !lines.get(0).equals("-----BEGIN PGP PUBLIC KEY BLOCK-----")
                || !lines.get(lines.size() - 1).equals("-----END PGP PUBLIC KEY BLOCK-----")) {
            throw new BadRequestException(
                    field,
                    "expected an ASCII-armored OpenPGP public key (-----BEGIN PGP PUBLIC KEY BLOCK----- … "
                            + "-----END PGP PUBLIC KEY BLOCK-----)");
        }
        int last = lines.size() - 1;
        int i = 1;
        while (i < last && lines.get(i).contains(": ")) {
            i++; // armor headers: Version:, Comment:
        }
        int data = 0;
        for (; i < last; i++) {
            String line = lines.get(i);
            if (!line.matches("=?[A-Za-z0-9+/]*={0,2}")) {
                throw new BadRequestException(field, "the key's armored body holds characters that are not base64");
            }
            data += line.length();
        }
        if (data == 0) {
            throw new BadRequestException(field, "the key block is empty");
        }
        return lines.stream().reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
    }

    private List<Recipient> read(String where, Object... args) {
        var purposes = new HashMap<String, List<PurposeCode>>();
        jdbc.query(
                "select recipient_id, purpose_code from recipient_purpose order by recipient_id, purpose_code", rs -> {
                    purposes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(PurposeCode.parse(rs.getString(2)));
                });
        purposes.values().forEach(l -> l.sort(null));
        return jdbc.query("""
                select id, kind, name, address, representative, contract_reference, contract_from, contract_to,
                       reviewed_on, open_pgp_public_key, ended_on
                  from recipient
                """ + where, (rs, n) -> row(rs, purposes), args);
    }

    private static Recipient row(ResultSet rs, Map<String, List<PurposeCode>> purposes) throws SQLException {
        String id = rs.getString(1);
        return new Recipient(
                id,
                RecipientKind.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                purposes.getOrDefault(id, List.of()),
                rs.getString(6),
                rs.getObject(7, LocalDate.class),
                Optional.ofNullable(rs.getObject(8, LocalDate.class)),
                Optional.ofNullable(rs.getObject(9, LocalDate.class)),
                Optional.ofNullable(rs.getString(10)),
                Optional.ofNullable(rs.getObject(11, LocalDate.class)));
    }
}
