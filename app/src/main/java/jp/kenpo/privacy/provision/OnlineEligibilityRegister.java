package jp.kenpo.privacy.provision;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.file.Path;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kenpo.privacy.audit.Actor;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.Flow;
import jp.kenpo.privacy.catalog.Purpose;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.ImportProblem;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.shared.FreeText;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of what the society exchanged with the online eligibility confirmation system
 * (オンライン資格確認等システム): eligibility registrations sent (8.1) and data received from it (8.2),
 * per member, with the batch file each travelled in. Imported from the society's exchange list, a
 * CSV with the header {@code direction,purpose,batch_file,exchanged_on,member,items} (see
 * docs/design-notes.md, "Online eligibility register"). All rows or none; a row already on record is
 * counted and not stored again.
 */
@Service
public class OnlineEligibilityRegister {

    static final List<String> HEADER = List.of("direction", "purpose", "batch_file", "exchanged_on", "member", "items");

    /** What an import did. */
    public record Imported(int rows, int stored, int alreadyOnRecord) {}

    private final CatalogService catalogs;
    private final MemberRegistry members;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    OnlineEligibilityRegister(
            CatalogService catalogs, MemberRegistry members, JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.catalogs = catalogs;
        this.members = members;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    private record Row(
            long line,
            String direction,
            PurposeCode purpose,
            String batch,
            LocalDate on,
            MemberKey member,
            String items) {}

    /**
     * @throws ProvisionInputException naming every bad line (nothing is stored then)
     */
    @Transactional
    public Imported importList(Path file, String source) {
        var problems = new ArrayList<ImportProblem>();
        var rows = new ArrayList<Row>();
        LocalDate today = SocietyTime.dateOf(clock.instant());
        String sha = ProvisionInput.read(file, source, problems, (n, r) -> {
            if (n == 0) {
                if (!r.getFields().stream().map(String::strip).toList().equals(HEADER)) {
                    problems.add(new ImportProblem(
                            source,
                            r.getStartingLineNumber(),
                            "",
                            "the header must be exactly " + String.join(",", HEADER)));
                }
                return;
            }
            if (!problems.isEmpty() && problems.get(0).line() == 1) {
                return;
            }
            row(r, source, today, problems).ifPresent(rows::add);
        });
        if (sha != null && rows.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(source, 1, "", "the list holds no rows"));
        }
        Map<MemberKey, Long> ids =
                members.ids(rows.stream().map(Row::member).distinct().toList());
        for (Row r : rows) {
            if (!ids.containsKey(r.member())) {
                problems.add(
                        new ImportProblem(source, r.line(), "member", "no member " + r.member() + " in the registry"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProvisionInputException(source, problems);
        }
        var existing = new HashSet<String>();
        for (String batch : rows.stream().map(Row::batch).distinct().toList()) {
            jdbc.query(
                    "select member_id, direction, items from online_eligibility_exchange where batch_file = ?",
                    rs -> {
                        existing.add(batch + "\u0000" + rs.getLong(1) + "\u0000" + rs.getString(2) + "\u0000"
                                + rs.getString(3));
                    },
                    batch);
        }
        var insert = new ArrayList<Object[]>();
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String by = Actor.current().name();
        Set<String> seen = new HashSet<>(existing);
        for (Row r : rows) {
            long id = ids.get(r.member());
            if (seen.add(r.batch() + "\u0000" + id + "\u0000" + r.direction() + "\u0000" + r.items())) {
                insert.add(new Object[] {
                    r.direction(),
                    r.purpose().toString(),
                    r.batch(),
                    r.on(),
                    id,
                    r.items(),
                    now,
                    by,
                    Retention.onlineEligibility(r.on())
                });
            }
        }
        jdbc.batchUpdate("""
                insert into online_eligibility_exchange (direction, purpose_code, batch_file, exchanged_on, member_id,
                       items, imported_at, imported_by, retention_until)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", insert, new int[] {
            Types.VARCHAR,
            Types.VARCHAR,
            Types.VARCHAR,
            Types.DATE,
            Types.BIGINT,
            Types.VARCHAR,
            Types.TIMESTAMP_WITH_TIMEZONE,
            Types.VARCHAR,
            Types.DATE
        });
        var result = new Imported(rows.size(), insert.size(), rows.size() - insert.size());
        audit.record(AuditEvent.of(
                AuditAction.ONLINE_ELIGIBILITY_IMPORTED,
                "online eligibility exchange list " + source + " sha256 " + sha + ": " + result.rows() + " rows, "
                        + result.stored() + " stored, " + result.alreadyOnRecord() + " already on record"));
        return result;
    }

    private java.util.Optional<Row> row(CsvRecord r, String source, LocalDate today, List<ImportProblem> problems) {
        long line = r.getStartingLineNumber();
        int before = problems.size();
        if (r.getFieldCount() != HEADER.size()) {
            problems.add(new ImportProblem(
                    source, line, "", "has " + r.getFieldCount() + " fields, expected " + HEADER.size()));
            return java.util.Optional.empty();
        }
        String direction = r.getField(0).strip();
        if (!direction.equals("SENT") && !direction.equals("RECEIVED")) {
            problems.add(new ImportProblem(source, line, "direction", "expected SENT or RECEIVED"));
        }
        PurposeCode purpose = null;
        try {
            purpose = PurposeCode.parse(r.getField(1));
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(source, line, "purpose", e.getMessage()));
        }
        String batch = r.getField(2).strip();
        String batchProblem = batch.isEmpty() ? "is required" : FreeText.problem(batch, false);
        if (batchProblem == null && batch.length() > 255) {
            batchProblem = "is longer than 255 characters";
        }
        if (batchProblem != null) {
            problems.add(new ImportProblem(source, line, "batch_file", batchProblem));
        }
        LocalDate on = null;
        try {
            on = LocalDate.parse(r.getField(3).strip());
            if (on.isAfter(today)) {
                problems.add(new ImportProblem(source, line, "exchanged_on", "is after today"));
            }
        } catch (DateTimeParseException e) {
            problems.add(new ImportProblem(source, line, "exchanged_on", "expected a date YYYY-MM-DD"));
        }
        MemberKey member = null;
        try {
            member = MemberKey.parse(r.getField(4));
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(source, line, "member", e.getMessage()));
        }
        String items = r.getField(5).strip();
        String itemsProblem = items.isEmpty() ? "is required" : FreeText.problem(items, false);
        if (itemsProblem == null && items.length() > 400) {
            itemsProblem = "is longer than 400 characters";
        }
        if (itemsProblem != null) {
            problems.add(new ImportProblem(source, line, "items", itemsProblem));
        }
        if (purpose != null && on != null && problems.size() == before) {
            // 8.1 registrations go to the system, 8.2 data comes from it: the flow says which way
            Flow expected =
                    direction.equals("SENT") ? Flow.ONLINE_ELIGIBILITY_REGISTRATION : Flow.ONLINE_ELIGIBILITY_RECEIPT;
            Purpose p = catalogs.catalog()
                    .purposeInForceAt(purpose, SocietyTime.startOf(on))
                    .orElse(null);
            if (p == null || p.flow() != expected) {
                problems.add(new ImportProblem(
                        source,
                        line,
                        "purpose",
                        "purpose " + purpose + " is not a purpose of the " + expected + " flow in force on " + on));
            }
        }
        return problems.size() == before
                ? java.util.Optional.of(new Row(line, direction, purpose, batch, on, member, items))
                : java.util.Optional.empty();
    }
}
