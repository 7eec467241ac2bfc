package jp.kenpo.privacy.provision;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import jp.kenpo.privacy.audit.Actor;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.ConsentPolicy;
import jp.kenpo.privacy.catalog.Flow;
import jp.kenpo.privacy.catalog.Purpose;
import jp.kenpo.privacy.decision.Basis;
import jp.kenpo.privacy.decision.BatchDecision;
import jp.kenpo.privacy.decision.DecisionService;
import jp.kenpo.privacy.members.ImportProblem;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.recipients.Recipient;
import jp.kenpo.privacy.recipients.RecipientKind;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.recipients.UnknownRecipientException;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The path every outgoing dataset takes: the recipient and purpose checked against the register and
 * the catalog, each row of a member-keyed file decided for the purpose at the instant, only the
 * permitted rows written, and the file, its SHA-256, the run and one record per member (APPI Art. 29,
 * or its exempt counterpart) committed together. The file is written beside its place under a
 * temporary name and moved there inside the transaction; a failure leaves neither file nor record.
 */
@Service
public class ProvisionRuns {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProvisionRuns.class);

    static final String DUPLICATE_ROW = "DUPLICATE_ROW";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final RecipientRegister recipients;
    private final CatalogService catalogs;
    private final DecisionService decisions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final ProvisionProperties properties;

    ProvisionRuns(
            RecipientRegister recipients,
            CatalogService catalogs,
            DecisionService decisions,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            AuditTrail audit,
            Clock clock,
            ProvisionProperties properties) {
        this.recipients = recipients;
        this.catalogs = catalogs;
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /** Where the API writes what it provides. */
    public Path defaultOutDir() {
        return properties.outDir();
    }

    /**
     * Provides the permitted rows of the input to the recipient.
     *
     * @param source the input's name as the caller knows it, for problems and the record
     * @throws UnknownRecipientException naming the field {@code recipient}
     * @throws ProvisionRefusedException naming the field at fault (purpose, recipient)
     * @throws ProvisionInputException   naming the lines of an input that cannot be read
     */
    public ProvisionReport provide(ProvisionOrder order, Path input, String source, Path outDir) {
        Instant at = order.at().orElseGet(clock::instant);
        long t0 = System.nanoTime();
        Plan plan;
        ProvisionInput.Scan scan;
        try {
            plan = plan(order, at);
            scan = ProvisionInput.scan(input, source, order.column());
        } catch (RuntimeException refused) {
            audit.recordRefusal(AuditEvent.of(
                            AuditAction.PROVISION_REFUSED,
                            "provision of " + order.purpose() + " refused: " + refused.getMessage())
                    .purpose(order.purpose())
                    .outcome(AuditOutcome.REFUSED));
            throw refused;
        }
        long t1 = System.nanoTime();
        BatchDecision batch = decisions.decideBatch(order.purpose(), at, Optional.of(scan.keys()), Optional.empty());
        long t2 = System.nanoTime();
        Outcomes outcomes = outcomes(scan, batch);
        long t3 = System.nanoTime();
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path temp = null;
        Path[] moved = {null};
        try {
            temp = Files.createTempFile(outDir, ".provision-", ".tmp");
            Written written = write(input, source, scan, outcomes, temp);
            long t4 = System.nanoTime();
            Path target = outDir.resolve("provision-" + plan.recipient().id() + "-" + order.purpose() + "-"
                    + STAMP.format(at.atZone(SocietyTime.ZONE))
                    + "-" + written.sha256().substring(0, 12) + ".csv");
            Path tempFile = temp;
            ProvisionReport result = transactions.execute(status -> {
                ProvisionReport report = record(plan, order, at, scan, outcomes, written, target, source);
                try {
                    // inside the transaction: a move that fails rolls the records back
                    Files.move(tempFile, target);
                } catch (IOException e) {
                    throw new UncheckedIOException("the file could not be moved into place: " + e.getMessage(), e);
                }
                moved[0] = target;
                return report;
            });
            log.info(
                    "provision run {}: {} rows; read {} ms, decided {} ms, member ids {} ms, written {} ms, recorded {} ms",
                    result.run(),
                    scan.rows(),
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000,
                    (t4 - t3) / 1_000_000,
                    (System.nanoTime() - t4) / 1_000_000);
            return result;
        } catch (RuntimeException failed) {
            if (moved[0] != null) {
                deleteQuietly(moved[0]);
            }
            throw failed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** What the register and the catalog say of this provision, or why it may not go. */
    record Plan(Recipient recipient, Purpose purpose, String recordType, Optional<Exemption> exemption) {}

    Plan plan(ProvisionOrder order, Instant at) {
        if (order.purpose() == null) {
            throw new ProvisionRefusedException("purpose", "name the purpose, e.g. 3.8");
        }
        Recipient recipient = recipients
                .find(order.recipient())
                .orElseThrow(() -> new UnknownRecipientException("recipient", order.recipient()));
        LocalDate day = SocietyTime.dateOf(at);
        Purpose purpose = catalogs.catalog()
                .purposeInForceAt(order.purpose(), at)
                .orElseThrow(() -> new ProvisionRefusedException(
                        "purpose", "purpose " + order.purpose() + " is not in the catalog in force on " + day));
        Flow flow = purpose.flow();
        if (!(flow == Flow.THIRD_PARTY_PROVISION
                || flow == Flow.CONSIGNMENT
                || flow == Flow.REVIEW_PAYMENT_ORGANISATION
                || flow == Flow.MY_NUMBER_PROVISION
                || flow == Flow.ONLINE_ELIGIBILITY_REGISTRATION)) {
            throw new ProvisionRefusedException(
                    "purpose",
                    "purpose " + order.purpose() + " is a " + flow + " flow, not a provision to a recipient"
                            + (flow == Flow.ANONYMIZED_INFORMATION
                                    ? " (anonymized information goes out as a release)"
                                    : ""));
        }
        if (!recipient.receives(order.purpose())) {
            throw new ProvisionRefusedException(
                    "purpose",
                    "recipient " + recipient.id() + " is not registered to receive data for purpose " + order.purpose()
                            + " (it may for " + recipient.purposes() + ")");
        }
        if (!recipient.kind().takes(flow)) {
            throw new ProvisionRefusedException(
                    "purpose",
                    "purpose " + order.purpose() + " is a " + flow + " flow, which goes to no " + recipient.kind());
        }
        if (!recipient.contractCovers(day)) {
            throw new ProvisionRefusedException(
                    "recipient",
                    "the contract with " + recipient.id() + " does not cover " + day + " (from "
                            + recipient.contractFrom()
                            + recipient.contractTo().map(t -> " to " + t).orElse("")
                            + recipient.endedOn().map(e -> "; ended on " + e).orElse("") + ")");
        }
        if (recipient.kind() == RecipientKind.CONSIGNEE) {
            // APPI Art. 25: a consignee whose safety measures the society has not reviewed lately gets nothing
            LocalDate oldest = day.minus(properties.consigneeReviewMaxAge());
            if (recipient.reviewedOn().isEmpty() || recipient.reviewedOn().get().isBefore(oldest)) {
                throw new ProvisionRefusedException(
                        "recipient",
                        "consignee " + recipient.id() + "'s safety measures were "
                                + recipient
                                        .reviewedOn()
                                        .map(d -> "last reviewed on " + d)
                                        .orElse("never reviewed")
                                + ", longer ago than " + properties.consigneeReviewMaxAge()
                                + " (APPI Art. 25; kenpo.provision.consignee-review-max-age)");
            }
        }
        String recordType;
        Optional<Exemption> exemption;
        if (flow == Flow.MY_NUMBER_PROVISION) {
            recordType = "MY_NUMBER_EXCHANGE";
            exemption = Optional.of(Exemption.UNDER_LAW);
        } else if (recipient.kind() == RecipientKind.CONSIGNEE) {
            recordType = "EXEMPT";
            exemption = Optional.of(Exemption.CONSIGNMENT);
        } else if (recipient.kind() == RecipientKind.JOINT_USE) {
            recordType = "EXEMPT";
            exemption = Optional.of(Exemption.JOINT_USE);
        } else if (purpose.policy() == ConsentPolicy.LEGAL) {
            recordType = "EXEMPT";
            exemption = Optional.of(Exemption.UNDER_LAW);
        } else {
            recordType = "ART29";
            exemption = Optional.empty();
        }
        return new Plan(recipient, purpose, recordType, exemption);
    }

    /** Per distinct member: may it go, and on what. */
    record Outcomes(String[] denied, Basis[] basis, long[] event, long[] ids, List<ProvisionReport.LeftOut> leftOut) {}

    private Outcomes outcomes(ProvisionInput.Scan scan, BatchDecision batch) {
        int n = scan.keys().size();
        var place = new HashMap<String, Integer>(n * 2);
        for (int i = 0; i < n; i++) {
            place.put(scan.keys().get(i).toString(), i);
        }
        String[] denied = new String[n];
        batch.denied().forEach(d -> denied[place.get(d.member())] = d.reason().name());
        Basis fallback =
                batch.permittedByBasis().containsKey(Basis.LEGAL_BASIS) ? Basis.LEGAL_BASIS : Basis.DEEMED_CONSENT;
        Basis[] basis = new Basis[n];
        java.util.Arrays.fill(basis, fallback);
        long[] event = new long[n];
        for (BatchDecision.Grounds g : batch.grounds()) {
            int i = place.get(g.member());
            basis[i] = g.basis();
            event[i] = g.consentEvent();
        }
        var permitted = new ArrayList<MemberKey>();
        for (int i = 0; i < n; i++) {
            if (denied[i] == null) {
                permitted.add(scan.keys().get(i));
            }
        }
        // the index decided over these keys and knows their registry ids: no second look-up of a million keys
        long[] ids = batch.memberIds();
        for (int i = 0; i < n; i++) {
            if (denied[i] == null && ids[i] == 0) {
                denied[i] = "UNKNOWN_MEMBER";
            }
        }
        var leftOut = new ArrayList<ProvisionReport.LeftOut>();
        for (int r = 0; r < scan.rows(); r++) {
            int m = scan.rowMember()[r];
            String member = scan.keys().get(m).toString();
            if (scan.duplicateOf()[r] != 0) {
                leftOut.add(new ProvisionReport.LeftOut(scan.rowLine()[r], member, DUPLICATE_ROW));
            } else if (denied[m] != null) {
                leftOut.add(new ProvisionReport.LeftOut(scan.rowLine()[r], member, denied[m]));
            }
        }
        return new Outcomes(denied, basis, event, ids, leftOut);
    }

    record Written(String sha256, int rows, int[] rowsPerMember) {}

    /** The second read: the permitted rows, header first, into the temporary file. */
    private Written write(Path input, String source, ProvisionInput.Scan scan, Outcomes outcomes, Path temp)
            throws IOException {
        MessageDigest digest = ProvisionInput.sha256();
        int[] rowsPerMember = new int[scan.keys().size()];
        int[] written = {0};
        var problems = new ArrayList<ImportProblem>();
        String reread;
        try (OutputStream file = Files.newOutputStream(temp);
                var out = new DigestOutputStream(file, digest);
                CsvWriter csv = CsvWriter.builder()
                        .lineDelimiter(LineDelimiter.CRLF)
                        .build(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16))) {
            csv.writeRecord(scan.header());
            reread = ProvisionInput.read(input, source, problems, (row, record) -> {
                if (row == 0) {
                    return;
                }
                int r = (int) row - 1;
                int m = scan.rowMember()[r];
                if (scan.duplicateOf()[r] == 0 && outcomes.denied()[m] == null) {
                    csv.writeRecord(record.getFields());
                    rowsPerMember[m]++;
                    written[0]++;
                }
            });
        }
        if (reread == null || !reread.equals(scan.sha256())) {
            throw new ProvisionInputException(
                    source,
                    List.of(new ImportProblem(
                            source,
                            1,
                            "",
                            "the file changed while it was read: provide it again once it is complete")));
        }
        return new Written(HexFormat.of().formatHex(digest.digest()), written[0], rowsPerMember);
    }

    /** The run and its members' records, in the caller's transaction, and the run's audit entry. */
    private ProvisionReport record(
            Plan plan,
            ProvisionOrder order,
            Instant at,
            ProvisionInput.Scan scan,
            Outcomes outcomes,
            Written written,
            Path target,
            String source) {
        LocalDate day = SocietyTime.dateOf(at);
        LocalDate retained = Retention.provisionRecord(day, order.purpose(), plan.recordType());
        var byReason = new TreeMap<String, Integer>();
        outcomes.leftOut().forEach(l -> byReason.merge(l.reason(), 1, Integer::sum));
        int membersWritten = 0;
        for (int count : written.rowsPerMember()) {
            membersWritten += count > 0 ? 1 : 0;
        }
        String items = String.join(ProvisionHistory.ITEM_SEPARATOR, scan.header());
        Recipient r = plan.recipient();
        var key = new GeneratedKeyHolder();
        int finalMembers = membersWritten;
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement("""
                            insert into provision_run (recipient_id, recipient_name, recipient_address,
                                   recipient_representative, purpose_code, record_type, exemption, provided_at,
                                   provided_on, items, file_name, file_sha256, input_name, rows_read, rows_written,
                                   members_written, left_out, run_by, retention_until)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
                    ps.setString(1, r.id());
                    ps.setString(2, r.name());
                    ps.setString(3, r.address());
                    ps.setString(4, r.representative());
                    ps.setString(5, order.purpose().toString());
                    ps.setString(6, plan.recordType());
                    ps.setString(7, plan.exemption().map(Exemption::article).orElse(null));
                    ps.setObject(8, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    ps.setObject(9, day);
                    ps.setString(10, items);
                    ps.setString(11, target.getFileName().toString());
                    ps.setString(12, written.sha256());
                    ps.setString(13, truncate(source, 1000));
                    ps.setInt(14, scan.rows());
                    ps.setInt(15, written.rows());
                    ps.setInt(16, finalMembers);
                    ps.setString(17, truncate(byReason.toString(), 1000));
                    ps.setString(18, Actor.current().name());
                    ps.setObject(19, retained);
                    return ps;
                },
                key);
        long run = key.getKey().longValue();
        var permittedKeys = new ArrayList<MemberKey>();
        var records = RecordRows.provisionRecords(jdbc);
        for (int i = 0; i < scan.keys().size(); i++) {
            if (outcomes.denied()[i] != null || written.rowsPerMember()[i] == 0) {
                continue;
            }
            permittedKeys.add(scan.keys().get(i));
            records.add(
                    run,
                    outcomes.ids()[i],
                    day,
                    outcomes.basis()[i].name(),
                    outcomes.event()[i] == 0 ? null : outcomes.event()[i],
                    written.rowsPerMember()[i],
                    retained);
        }
        records.finish();
        audit.record(AuditEvent.of(
                        AuditAction.PROVISION_RUN,
                        "provision run " + run + ": purpose " + order.purpose() + " to " + r.id() + " ("
                                + plan.recordType()
                                + plan.exemption().map(e -> ", " + e.article()).orElse("") + "); file "
                                + target.getFileName() + " sha256 " + written.sha256() + "; " + written.rows()
                                + " rows of " + scan.rows() + " written for " + finalMembers + " members; left out "
                                + byReason + "; " + AuditEvent.listedPopulation(permittedKeys))
                .purpose(order.purpose()));
        return new ProvisionReport(
                run,
                r.id(),
                order.purpose(),
                at,
                plan.recordType(),
                plan.exemption().map(Exemption::article),
                target.toString(),
                written.sha256(),
                scan.header(),
                scan.rows(),
                written.rows(),
                finalMembers,
                new LinkedHashMap<>(byReason),
                outcomes.leftOut(),
                retained);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a left-over temporary file is named .provision-*.tmp and holds nothing recorded
        }
    }
}
