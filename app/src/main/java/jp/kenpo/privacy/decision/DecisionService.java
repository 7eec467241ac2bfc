package jp.kenpo.privacy.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.catalog.Catalog;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.ConsentEvent;
import jp.kenpo.privacy.consent.LedgerEvents;
import jp.kenpo.privacy.consent.LedgerTail;
import jp.kenpo.privacy.members.MemberEligibility;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The decision service every use and provision of a member's data goes through. Before it
 * answers, it catches its in-memory index up with everything committed to the database before
 * the question arrived — by this process or any other — so that a reservation recorded a moment
 * ago already counts.
 *
 * <p>The index is a cache for batches and for the server, which loads it at start. Until it is
 * loaded, a question about one member is answered from that member's rows alone, through the
 * same engine: a command line that decides once never reads a million members to do it.
 */
@Service
public class DecisionService {

    private static final Logger log = LoggerFactory.getLogger(DecisionService.class);

    private final DecisionIndex index = new DecisionIndex();
    private final CatalogService catalogs;
    private final MemberRegistry members;
    private final LedgerEvents ledgerEvents;
    private final Clock clock;
    private final AuditTrail audit;

    private final Object refreshLock = new Object();
    private final LedgerTail tail = new LedgerTail();
    private Catalog catalog;
    private long registryRevision = -1;
    private long lastRefreshStarted;
    /** Set once the index holds the whole registry; from then on single decisions use it. */
    private volatile boolean loaded;

    public DecisionService(
            CatalogService catalogs, MemberRegistry members, LedgerEvents ledgerEvents, Clock clock, AuditTrail audit) {
        this.catalogs = catalogs;
        this.members = members;
        this.ledgerEvents = ledgerEvents;
        this.clock = clock;
        this.audit = audit;
    }

    /** Decides one use of one member's data at an instant. */
    public Decision decide(MemberKey member, PurposeCode purpose, Instant at) {
        return decide(member, purpose, at, Optional.empty());
    }

    /**
     * @param knownAt replay the decision with only the events recorded by then
     * @throws UnknownPurposeException when no catalog version ever had the purpose
     */
    public Decision decide(MemberKey member, PurposeCode purpose, Instant at, Optional<Instant> knownAt) {
        Decision d;
        if (loaded) {
            catchUp();
            requireKnown(purpose);
            d = index.decide(member.toString(), purpose, at, knownAt.orElse(Instant.MAX));
        } else {
            d = decideFromItsRows(member, purpose, at, knownAt.orElse(Instant.MAX));
        }
        // the answer is given only once its audit entry is written
        audit.record(AuditEvent.of(
                        AuditAction.DECISION,
                        d.summary() + " for use at " + at
                                + knownAt.map(k -> " as known at " + k).orElse(""))
                .member(member)
                .purpose(purpose));
        return d;
    }

    /** Decides one use for every member in the registry, or for the members listed. */
    public BatchDecision decideBatch(
            PurposeCode purpose, Instant at, Optional<List<MemberKey>> population, Optional<Instant> knownAt) {
        catchUp();
        requireKnown(purpose);
        Instant known = knownAt.orElse(Instant.MAX);
        BatchDecision b = population
                .map(keys ->
                        index.decideFor(keys.stream().map(MemberKey::toString).toList(), purpose, at, known))
                .orElseGet(() -> index.decideAll(purpose, at, known));
        // one entry for the batch, naming its population rather than each member
        audit.record(AuditEvent.of(
                        AuditAction.BATCH_DECISION,
                        "population: "
                                + population
                                        .map(AuditEvent::listedPopulation)
                                        .orElse("every member in the registry (" + b.population() + ")")
                                + "; PERMIT " + b.permitted() + " DENY "
                                + b.deniedCount() + " for use at " + at
                                + knownAt.map(k -> " as known at " + k).orElse(""))
                .purpose(purpose));
        return b;
    }

    /**
     * One decision from the member's own rows, read now: an index of that member alone gives the
     * very answer the whole index would, since a decision reads nothing of any other member.
     */
    private Decision decideFromItsRows(MemberKey member, PurposeCode purpose, Instant at, Instant knownAt) {
        Catalog current = catalogs.catalog();
        if (!current.knows(purpose)) {
            throw new UnknownPurposeException(purpose);
        }
        var one = new DecisionIndex();
        one.replaceCatalog(current);
        members.eligibility(member).ifPresent(m -> {
            one.applyRegistry(List.of(m));
            one.applyEvents(ledgerEvents.ofMember(m.memberId(), member));
        });
        return one.decide(member.toString(), purpose, at, knownAt);
    }

    /** How many members the in-memory index holds: none until a batch or the server's warm-up loads it. */
    public int indexedMembers() {
        return index.size();
    }

    private void requireKnown(PurposeCode purpose) {
        Catalog c;
        synchronized (refreshLock) {
            c = catalog;
        }
        if (!c.knows(purpose)) {
            throw new UnknownPurposeException(purpose);
        }
    }

    /**
     * Brings the index up to date with the database. Concurrent callers share one round: a
     * refresh that started after a caller arrived has seen everything that caller must see.
     */
    public void catchUp() {
        long arrived = System.nanoTime();
        synchronized (refreshLock) {
            if (catalog != null && lastRefreshStarted - arrived > 0) {
                return;
            }
            lastRefreshStarted = System.nanoTime();
            Catalog current = catalogs.catalog();
            if (!current.equals(catalog)) {
                index.replaceCatalog(current);
                catalog = current;
            }
            boolean first = registryRevision < 0;
            catchUpRegistry();
            var events = new ArrayList<ConsentEvent>();
            tail.poll(ledgerEvents, clock.instant(), events::add);
            List<ConsentEvent> unplaced = index.applyEvents(events);
            if (!unplaced.isEmpty()) {
                // their members were registered after the registry was read a moment ago
                catchUpRegistry();
                unplaced = index.applyEvents(unplaced);
                unplaced.forEach(e -> log.error(
                        "consent event {} names member id {} that is not in the registry", e.seq(), e.memberId()));
            }
            if (first) {
                loaded = true;
                log.info("decision index loaded: {} members, {} consent events", index.size(), events.size());
            }
        }
    }

    private void catchUpRegistry() {
        long revision = members.revision();
        if (revision != registryRevision) {
            var changes = new ArrayList<MemberEligibility>();
            members.eligibilitySince(Math.max(registryRevision, 0), changes::add);
            index.applyRegistry(changes);
            registryRevision = revision;
        }
    }
}
