package jp.kenpo.privacy.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import jp.kenpo.privacy.audit.Actor;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.Flow;
import jp.kenpo.privacy.catalog.Language;
import jp.kenpo.privacy.catalog.NoticeFormat;
import jp.kenpo.privacy.claims.HealthRecords;
import jp.kenpo.privacy.decision.BatchDecision;
import jp.kenpo.privacy.decision.DecisionService;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.mynumber.PseudonymKeys;
import jp.kenpo.privacy.recipients.Recipient;
import jp.kenpo.privacy.recipients.RecipientRegister;
import jp.kenpo.privacy.shared.SocietyTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anonymized releases (匿名加工情報, APPI Art. 43-45; PPC Rules Art. 34-37): the release module's
 * one way in. Checks a spec, builds a release into a temporary folder beside its target and moves
 * it into place only when the final check has passed, keeps the registry, and approves and
 * delivers. Building and approving are the privacy officer's (or the operator's, on the server);
 * reading the registry is also the auditor's.
 */
@Service
public class ReleaseService {

    private static final Set<String> OFFICERS = Set.of("PRIVACY_OFFICER", "OPERATOR");

    private final CatalogService catalogs;
    private final DecisionService decisions;
    private final MemberRegistry members;
    private final HealthRecords records;
    private final ReleaseRegistry registry;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RecipientRegister recipients;
    private final ReleaseArchive archive;
    private final ReleasePublication publication;
    private final PseudonymKeys pseudonymKeys;
    private final ReleasePersons releasePersons;
    private final String societyName;
    private final boolean onePersonApproval;
    private final SecureRandom random = new SecureRandom();

    ReleaseService(
            CatalogService catalogs,
            DecisionService decisions,
            MemberRegistry members,
            HealthRecords records,
            ReleaseRegistry registry,
            AuditTrail audit,
            TransactionTemplate transactions,
            Clock clock,
            RecipientRegister recipients,
            ReleaseArchive archive,
            ReleasePublication publication,
            PseudonymKeys pseudonymKeys,
            ReleasePersons releasePersons,
            @Value("${kenpo.society.name:当健康保険組合}") String societyName,
            @Value("${kenpo.release.one-person-approval:false}") boolean onePersonApproval) {
        this.catalogs = catalogs;
        this.decisions = decisions;
        this.members = members;
        this.records = records;
        this.registry = registry;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.recipients = recipients;
        this.archive = archive;
        this.publication = publication;
        this.pseudonymKeys = pseudonymKeys;
        this.releasePersons = releasePersons;
        this.societyName = societyName;
        this.onePersonApproval = onePersonApproval;
    }

    /** A spec checked against the catalog in force, the registry and the data: what a build would do. */
    public record Plan(
            ReleaseSpec spec,
            ReleaseSpec.Period period,
            LocalDate cutOff,
            int catalogVersion,
            List<String> items,
            Recipient recipient,
            DeliveryMethod method) {}

    /** Reads and checks a spec; refuses with the file, line and field. */
    public Plan check(String source, String file) {
        ReleaseSpec spec = ReleaseSpecReader.read(source, file);
        LocalDate today = SocietyTime.dateOf(clock.instant());
        PublishedText text = PublishedText.inForceOn(catalogs.catalog(), today)
                .orElseThrow(() -> new ReleaseSpecException(
                        file,
                        0,
                        "no catalog in force publishes purpose 9.1 (anonymized information): nothing may be released"));
        Set<String> published = new HashSet<>(text.items());
        for (List<ReleaseSpec.SpecColumn> columns : spec.tables().values()) {
            for (ReleaseSpec.SpecColumn c : columns) {
                // APPI Art. 43(3), (4); PPC Rules Art. 37: only the items the notice publishes
                if (!published.contains(c.item())) {
                    throw new ReleaseSpecException(
                            file,
                            c.line(),
                            "column '" + c.column().name()
                                    + "': its item is not a published item of 9.1 in catalog version "
                                    + text.catalogVersion());
                }
                if (!c.column().item().is(c.item())) {
                    throw new ReleaseSpecException(
                            file,
                            c.line(),
                            "column '" + c.column().name() + "': belongs to the published item about "
                                    + c.column().item().word() + ", not to the item given");
                }
            }
        }
        if (!text.publishesMethod(spec.method())) {
            throw new ReleaseSpecException(
                    file,
                    spec.methodLine(),
                    "method: " + spec.method() + " is not a method of provision the text of 9.1 in catalog version "
                            + text.catalogVersion() + " publishes");
        }
        DeliveryMethod method = DeliveryMethod.valueOf(spec.method());
        Recipient recipient = recipient(spec, today, method);
        ReleaseSpec.Period period = spec.period().orElseGet(() -> continuing(spec));
        if (!period.to().isBefore(YearMonth.from(today))) {
            throw new ReleaseSpecException(
                    file, spec.periodLine(), "period: the month " + period.to() + " has not ended yet");
        }
        LocalDate from = period.from().atDay(1);
        LocalDate until = period.to().plusMonths(1).atDay(1);
        if (!records.anyIn(from, until)) {
            throw new ReleaseSpecException(
                    file, spec.periodLine(), "period: no receipt or checkup is stored for " + period);
        }
        return new Plan(
                spec, period, period.to().atEndOfMonth(), text.catalogVersion(), text.items(), recipient, method);
    }

    private Recipient recipient(ReleaseSpec spec, LocalDate today, DeliveryMethod method) {
        Recipient r = recipients
                .find(spec.recipient())
                .orElseThrow(() -> new ReleaseSpecException(
                        spec.file(), spec.recipientLine(), "recipient: no recipient with this id in the register"));
        if (!r.kind().takes(Flow.ANONYMIZED_INFORMATION) || !r.receives(PublishedText.ANONYMIZED)) {
            throw new ReleaseSpecException(
                    spec.file(),
                    spec.recipientLine(),
                    "recipient: the register does not list purpose 9.1 (anonymized information) for this recipient");
        }
        if (!r.contractCovers(today)) {
            throw new ReleaseSpecException(
                    spec.file(),
                    spec.recipientLine(),
                    "recipient: its contract does not cover " + today + " (expired, ended or not begun)");
        }
        try {
            archive.checkKey(method, r.openPgpPublicKey());
        } catch (SealRefusedException e) {
            throw new ReleaseSpecException(spec.file(), spec.methodLine(), "method: " + e.getMessage());
        }
        return r;
    }

    private ReleaseSpec.Period continuing(ReleaseSpec spec) {
        LocalDate last = registry.lastPeriodEnd(spec.recipient())
                .orElseThrow(() -> new ReleaseSpecException(
                        spec.file(),
                        spec.periodLine(),
                        "period.continuing: no earlier release to this recipient; give 'from' and 'to'"));
        YearMonth next = YearMonth.from(last).plusMonths(1);
        return new ReleaseSpec.Period(next, next);
    }

    /**
     * Builds the release of the spec into {@code out} (which must not exist) and registers it.
     * {@code PER_RELEASE}: a random key, wiped after the build (nothing links two releases).
     * {@code STABLE}: the recipient's key from the vault (APPI Art. 43(2); PPC Rules Art. 35), made
     * on its first STABLE release, its use audited there; this copy is wiped after the build too.
     */
    public ReleaseRecord build(String source, String file, Path out) {
        requireOfficer("build a release");
        return build(
                source,
                file,
                out,
                plan -> plan.spec().pseudonyms() == PseudonymPolicy.STABLE
                        ? pseudonymKeys.use(
                                plan.spec().recipient(),
                                "release of " + plan.spec().file() + " (spec SHA-256 "
                                        + plan.spec().sha256() + ") for " + plan.period())
                        : Pseudonyms.randomKey(random));
    }

    /** Builds with the key given (a test's fixed key); the key is the caller's. */
    ReleaseRecord build(String source, String file, Path out, byte[] key) {
        return build(source, file, out, plan -> key.clone());
    }

    /** Where a build's pseudonym key comes from, once the spec has passed its check; the build wipes it. */
    interface KeySource {
        byte[] keyFor(Plan plan);
    }

    private ReleaseRecord build(String source, String file, Path out, KeySource keys) {
        Plan plan;
        try {
            plan = check(source, file);
        } catch (ReleaseSpecException | ReleaseRefusedException e) {
            refused(file, e.getMessage());
            throw e;
        }
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw refusedNow(
                    file,
                    new ReleaseRefusedException(
                            "out", "the folder exists already; a release is never written over another"));
        }
        Path staging = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            deleteTree(staging); // what a killed build left
            Files.createDirectories(staging);
            Staged staged;
            byte[] key = keys.keyFor(plan);
            try {
                staged = stage(plan, key, staging);
            } finally {
                java.util.Arrays.fill(key, (byte) 0);
            }
            boolean[] sealed = new boolean[1];
            try {
                return transactions.execute(status -> register(plan, source, staged, staging, target, sealed));
            } catch (RuntimeException e) {
                // sealed, but the registry row was not committed: no release without its row
                if (sealed[0]) {
                    deleteTree(target);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (e instanceof ReleaseRefusedException r) {
                refused(file, r.getMessage());
            }
            throw e;
        } finally {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                // the staging folder holds nothing that may leave; the next build removes it
            }
        }
    }

    /**
     * The built files by name (sorted) with their rows, their SHA-256 coming from the seal, which
     * reads them anyway; and, for STABLE, the persons to add to the recipient's cumulative table.
     */
    private record Staged(
            ReleaseFigures figures,
            Map<String, Long> files,
            Map<String, Double> seconds,
            Optional<CumulativePersons> cumulative) {}

    private Staged stage(Plan plan, byte[] key, Path staging) throws IOException {
        long started = System.nanoTime();
        ReleaseSpec spec = plan.spec();
        // the registry is read on a thread of its own while the decision runs here (which audits as
        // the caller): two reads of a million rows, each mostly waiting on its own database connection
        List<Member> registryMembers = new ArrayList<>();
        CompletableFuture<Void> registryRead =
                CompletableFuture.runAsync(() -> members.forEachMember(registryMembers::add), runnable -> {
                    Thread reader = new Thread(runnable, "release-registry");
                    reader.start();
                });
        BatchDecision batch = decisions.decideBatch(
                PublishedText.ANONYMIZED, SocietyTime.startOf(plan.cutOff()), Optional.empty(), Optional.empty());
        Set<String> denied = new HashSet<>();
        batch.denied().forEach(d -> denied.add(d.member()));
        try {
            registryRead.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        List<Member> eligible = new ArrayList<>();
        Set<Long> permitted = new HashSet<>();
        for (Member m : registryMembers) {
            if (m.eligibleOn(plan.cutOff())) {
                eligible.add(m);
                if (!denied.contains(m.key().toString())) {
                    permitted.add(m.id());
                }
            }
        }
        Map<String, Long> leftOut = new LinkedHashMap<>();
        batch.deniedByReason().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> leftOut.put(e.getKey().name(), (long) e.getValue()));
        long populated = System.nanoTime();
        ReleaseBuilder.Built built;
        // STABLE: the recipient joins its releases, so k holds over all of them (PPC Rules Art. 34(5))
        Optional<CumulativePersons> cumulative = spec.pseudonyms() == PseudonymPolicy.STABLE
                ? Optional.of(releasePersons.earlier(spec.recipient()))
                : Optional.empty();
        Map<String, Map<String, String>> heldEarlier;
        try (Pseudonyms pseudonyms = new Pseudonyms(key)) {
            built = new ReleaseBuilder(records)
                    .build(
                            new ReleaseBuilder.Input(spec, plan.period(), plan.cutOff(), eligible, permitted, leftOut),
                            pseudonyms,
                            staging,
                            cumulative.<CumulativeCheck>map(c -> c).orElse(CumulativeCheck.NONE));
            heldEarlier = cumulative.map(c -> c.heldEarlier(pseudonyms)).orElse(Map.of());
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("spec", spec.file());
        facts.put("specSha256", spec.sha256());
        facts.put("catalogVersion", plan.catalogVersion());
        facts.put("recipient", spec.recipient());
        facts.put("method", spec.method());
        facts.put("period", plan.period().toString());
        facts.put("cutOff", plan.cutOff().toString());
        facts.put("pseudonyms", spec.pseudonyms().name());
        facts.put("thresholds", spec.thresholds());
        ReleaseDocuments.write(staging, spec, facts, built.figures());
        long written = System.nanoTime();
        // the independent last look: reads the files back (APPI Art. 43(1))
        new FinalCheck(registryMembers).check(staging, spec, new HashSet<>(plan.items()), heldEarlier);
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("population (9.1 batch decision, registry read)", (populated - started) / 1e9);
        seconds.putAll(built.seconds());
        seconds.put("final check (files read back)", (System.nanoTime() - written) / 1e9);
        Map<String, Long> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(staging)) {
            for (Path f : list.sorted(Comparator.comparing(Path::toString)).toList()) {
                String name = f.getFileName().toString();
                files.put(name, built.rows().getOrDefault(name.replaceFirst("\\.csv$", ""), -1L));
            }
        }
        return new Staged(built.figures(), files, seconds, cumulative);
    }

    private ReleaseRecord register(
            Plan plan, String source, Staged staged, Path staging, Path target, boolean[] sealedFlag) {
        ReleaseSpec spec = plan.spec();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = registry.nextReleaseId();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("population", staged.figures().population());
        figures.put("rows", staged.figures().rows());
        figures.put("processing", staged.figures().processing());
        figures.put("risk", staged.figures().risk());
        figures.put("levels", staged.figures().levels());
        List<String> items = itemsOf(spec);
        CoverStatement cover = new CoverStatement(
                id,
                societyName,
                plan.recipient().name(),
                plan.recipient().address(),
                SocietyTime.dateOf(now),
                japanese(plan.period()),
                items,
                plan.method());
        SealedRelease sealed;
        long sealing = System.nanoTime();
        try {
            // sealed (manifest, cover statement, archive) and moved into place inside the transaction
            sealed = archive.seal(
                    staging,
                    new ReleaseSeal(id, spec.sha256(), cover, plan.recipient().openPgpPublicKey()),
                    target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sealedFlag[0] = true;
        // timings stay in the registry, out of the files, which must be the same for the same inputs
        Map<String, Double> seconds = new LinkedHashMap<>(staged.seconds());
        seconds.put("sealing (archive, encryption)", (System.nanoTime() - sealing) / 1e9);
        figures.put("seconds", seconds);
        Map<String, String> sealedSha256 = new HashMap<>();
        sealed.files().forEach(f -> sealedSha256.put(f.file(), f.sha256()));
        List<ReleaseRecord.FileEntry> files = new ArrayList<>();
        staged.files().forEach((name, rows) -> {
            String sha256 = sealedSha256.get(name);
            if (sha256 == null) {
                throw new IllegalStateException("the seal left out the built file " + name);
            }
            files.add(new ReleaseRecord.FileEntry(name, sha256, rows));
        });
        sealed.files().stream()
                .filter(f -> !staged.files().containsKey(f.file()))
                .forEach(f -> files.add(new ReleaseRecord.FileEntry(f.file(), f.sha256(), f.rows())));
        ReleaseRecord draft = new ReleaseRecord(
                id,
                now,
                Actor.current().name(),
                spec.file(),
                spec.sha256(),
                plan.catalogVersion(),
                spec.recipient(),
                spec.method(),
                spec.pseudonyms(),
                plan.period().from().atDay(1),
                plan.period().to().atEndOfMonth(),
                plan.cutOff(),
                items,
                ReleaseDocuments.json(figures),
                files,
                target.toString(),
                Optional.of(sealed.archiveSha256()),
                Optional.of(sealed.manifestSha256()),
                "",
                Optional.empty(),
                Optional.empty());
        String rowHash = ReleaseRegistry.rowHash(draft, source);
        ReleaseRecord record = new ReleaseRecord(
                draft.releaseId(),
                draft.builtAt(),
                draft.builtBy(),
                draft.specFile(),
                draft.specSha256(),
                draft.catalogVersion(),
                draft.recipient(),
                draft.method(),
                draft.pseudonyms(),
                draft.periodFrom(),
                draft.periodTo(),
                draft.cutOff(),
                draft.items(),
                draft.figures(),
                draft.files(),
                draft.location(),
                draft.archiveSha256(),
                draft.manifestSha256(),
                rowHash,
                Optional.empty(),
                Optional.empty());
        registry.add(record, source);
        staged.cumulative().ifPresent(c -> releasePersons.add(id, c.added()));
        audit.record(AuditEvent.of(
                        AuditAction.RELEASE_BUILT,
                        "release " + id + " of " + spec.file() + " (spec SHA-256 " + spec.sha256() + ") to "
                                + spec.recipient() + " by " + spec.method() + " for " + plan.period()
                                + "; registry row SHA-256 " + rowHash + "; released persons "
                                + staged.figures().population().get("released"))
                .purpose(PublishedText.ANONYMIZED));
        return record;
    }

    private static String japanese(ReleaseSpec.Period p) {
        String from = p.from().getYear() + "年" + p.from().getMonthValue() + "月";
        String to = p.to().getYear() + "年" + p.to().getMonthValue() + "月";
        return p.from().equals(p.to()) ? from + "診療分" : from + "～" + to + "診療分";
    }

    /** The public statement (APPI Art. 43(3), (6); PPC Rules Art. 36) from the catalog in force and the registry. */
    public String publication(Language language, NoticeFormat format) {
        LocalDate today = SocietyTime.dateOf(clock.instant());
        Optional<PublishedText> text = PublishedText.inForceOn(catalogs.catalog(), today);
        List<PublishedRelease> released = registry.all().stream()
                .map(r -> new PublishedRelease(
                        SocietyTime.dateOf(r.builtAt()), r.items(), DeliveryMethod.valueOf(r.method())))
                .toList();
        PublicationFacts facts = new PublicationFacts(
                societyName,
                text.map(PublishedText::items).orElse(List.of()),
                text.map(t -> t.methods().stream().map(DeliveryMethod::valueOf).toList())
                        .orElse(List.of()),
                released,
                SAFETY_MEASURES);
        return publication.render(facts, language, format);
    }

    /** The safety measures for the processing-method information (加工方法等情報, APPI Art. 43(2), (6); PPC Rules Art. 35). */
    static final String SAFETY_MEASURES = "仮名化に用いる鍵その他の加工方法等情報は、提供ごとに新たに生成して作成後直ちに消去するか、"
            + "提供先ごとに継続して用いる場合は暗号化して匿名加工情報と分けて保管し、個人情報保護責任者に限り利用させ、その利用をすべて監査記録に残しています。";

    private static List<String> itemsOf(ReleaseSpec spec) {
        List<String> items = new ArrayList<>();
        for (ReleaseTable t : ReleaseTable.values()) {
            for (ReleaseSpec.SpecColumn c : spec.tables().getOrDefault(t, List.of())) {
                if (!items.contains(c.item())) {
                    items.add(c.item());
                }
            }
        }
        return items;
    }

    public List<ReleaseRecord> list() {
        requireReader();
        List<ReleaseRecord> all = registry.all();
        audit.record(AuditEvent.of(AuditAction.RELEASES_READ, "the registry: " + all.size() + " releases"));
        return all;
    }

    public ReleaseRecord show(String releaseId) {
        requireReader();
        ReleaseRecord r = require(releaseId);
        audit.record(AuditEvent.of(AuditAction.RELEASES_READ, "release " + releaseId));
        return r;
    }

    /** Approves a release: a second officer unless one-person approval is configured, which is then recorded. */
    public ReleaseRecord approve(String releaseId) {
        requireOfficer("approve a release");
        return transactions.execute(status -> {
            ReleaseRecord r = require(releaseId);
            String by = Actor.current().name();
            if (r.approval().isPresent()) {
                throw refusal(releaseId, AuditAction.RELEASE_APPROVED, "approval", "the release is approved already");
            }
            boolean samePerson = by.equals(r.builtBy());
            if (samePerson && !onePersonApproval) {
                throw refusal(
                        releaseId,
                        AuditAction.RELEASE_APPROVED,
                        "approval",
                        "the officer who built a release may not approve it; another privacy officer must"
                                + " (kenpo.release.one-person-approval=true for a society with one officer)");
            }
            registry.addEvent(
                    releaseId,
                    "APPROVED",
                    clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    by,
                    samePerson,
                    samePerson ? "one-person approval (kenpo.release.one-person-approval)" : "second officer");
            audit.record(AuditEvent.of(
                            AuditAction.RELEASE_APPROVED,
                            "release " + releaseId
                                    + (samePerson ? " approved by its builder (one-person approval)" : " approved"))
                    .purpose(PublishedText.ANONYMIZED));
            return require(releaseId);
        });
    }

    /**
     * Records the delivery. Refused before approval, and before the notice in force publishes the
     * release's items and method (APPI Art. 43(3), PPC Rules Art. 36: published before provided).
     */
    public ReleaseRecord deliver(String releaseId) {
        requireOfficer("deliver a release");
        return transactions.execute(status -> {
            ReleaseRecord r = require(releaseId);
            if (r.approval().isEmpty()) {
                throw refusal(releaseId, AuditAction.RELEASE_DELIVERED, "approval", "the release is not approved yet");
            }
            if (r.delivery().isPresent()) {
                throw refusal(releaseId, AuditAction.RELEASE_DELIVERED, "delivery", "the release is delivered already");
            }
            LocalDate today = SocietyTime.dateOf(clock.instant());
            boolean underContract = recipients
                    .find(r.recipient())
                    .map(x -> x.contractCovers(today))
                    .orElse(false);
            if (!underContract) {
                throw refusal(
                        releaseId,
                        AuditAction.RELEASE_DELIVERED,
                        "recipient",
                        "the recipient's contract does not cover " + today + "; nothing may be delivered to it");
            }
            Optional<PublishedText> text = PublishedText.inForceOn(catalogs.catalog(), today);
            if (text.isEmpty()
                    || !new HashSet<>(text.get().items()).containsAll(r.items())
                    || !text.get().publishesMethod(r.method())) {
                throw refusal(
                        releaseId,
                        AuditAction.RELEASE_DELIVERED,
                        "publication",
                        "the publication in force does not cover the release's items and method; publish them first");
            }
            registry.addEvent(
                    releaseId,
                    "DELIVERED",
                    clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    Actor.current().name(),
                    false,
                    "delivered on " + today + " by " + r.method());
            audit.record(AuditEvent.of(
                            AuditAction.RELEASE_DELIVERED,
                            "release " + releaseId + " delivered to " + r.recipient() + " by " + r.method())
                    .purpose(PublishedText.ANONYMIZED));
            return require(releaseId);
        });
    }

    private ReleaseRecord require(String releaseId) {
        return registry.find(releaseId)
                .orElseThrow(() -> new ReleaseRefusedException("release", "no release has this id"));
    }

    private ReleaseRefusedException refusal(String releaseId, AuditAction action, String field, String reason) {
        audit.recordRefusal(AuditEvent.of(action, "release " + releaseId + ": " + field + ": " + reason)
                .outcome(AuditOutcome.REFUSED));
        return new ReleaseRefusedException(field, reason);
    }

    private void refused(String file, String reason) {
        audit.recordRefusal(
                AuditEvent.of(AuditAction.RELEASE_BUILT, "refused: " + reason).outcome(AuditOutcome.REFUSED));
    }

    private ReleaseRefusedException refusedNow(String file, ReleaseRefusedException e) {
        refused(file, e.getMessage());
        return e;
    }

    private static void requireOfficer(String what) {
        Actor actor = Actor.current();
        if (!OFFICERS.contains(actor.role())) {
            throw new ReleaseForbiddenException("only a privacy officer may " + what);
        }
    }

    private static void requireReader() {
        Actor actor = Actor.current();
        if (!OFFICERS.contains(actor.role()) && !actor.role().equals("AUDITOR")) {
            throw new ReleaseForbiddenException("only a privacy officer or an auditor may read the release registry");
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
