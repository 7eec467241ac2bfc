package jp.kenpo.privacy.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail as {@link #CHAINS} interleaved hash chains in the table audit_entry, which the
 * database keeps append-only.
 *
 * <p>An event is stamped (when, who, from where) as it is recorded, and written just before its
 * transaction commits: only then does the transaction lock the head of one chain, picked at
 * random, so a long import does not hold a chain head while it works, and concurrent short
 * transactions (single decisions) mostly lock different heads. If the write fails, the commit
 * fails and the action is rolled back with it.
 */
@Service
class ChainedAuditTrail implements AuditTrail {

    /** The number of interleaved chains; the migration creates one head row for each. */
    static final int CHAINS = 16;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    ChainedAuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public void record(AuditEvent event) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            enqueue(event);
        } else {
            ownTransaction.executeWithoutResult(status -> enqueue(event));
        }
    }

    @Override
    public void recordRefusal(AuditEvent event) {
        recordCommitted(event);
    }

    @Override
    public void recordCommitted(AuditEvent event) {
        newTransaction.executeWithoutResult(status -> enqueue(event));
    }

    private void enqueue(AuditEvent event) {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new IllegalStateException("an audited action (" + event.action()
                    + ") runs in a read-only transaction: its audit entry could not be written");
        }
        Pending pending = null;
        // found among the synchronizations, which a REQUIRES_NEW transaction suspends, so that a
        // refusal recorded inside another transaction never lands in that transaction's batch
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.owner == this) {
                pending = p;
            }
        }
        if (pending == null) {
            pending = new Pending(this);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        Actor actor = event.actor().orElseGet(Actor::current);
        pending.events.add(new Stamped(event, actor, clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    private record Stamped(AuditEvent event, Actor actor, Instant at) {}

    /** The events of one transaction. Not a record: its identity, not its contents, registers it. */
    private static final class Pending implements TransactionSynchronization {
        private final ChainedAuditTrail owner;
        private final List<Stamped> events = new ArrayList<>();

        Pending(ChainedAuditTrail owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            owner.write(events);
        }
    }

    private record Row(Stamped stamped, long chainSeq, String members, String prevHash, String hash) {}

    /** Appends the transaction's events to one chain, under that chain head's row lock. */
    private void write(List<Stamped> events) {
        int chain = ThreadLocalRandom.current().nextInt(CHAINS);
        var head = jdbc.queryForObject(
                "select chain_seq, hash from audit_chain_head where chain = ? for update",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)},
                chain);
        long chainSeq = (Long) head[0];
        String prev = (String) head[1];
        var rows = new ArrayList<Row>(events.size());
        for (Stamped s : events) {
            chainSeq++;
            AuditEvent e = s.event();
            String members = String.join(",", e.members());
            String hash = EntryHash.of(
                    chain,
                    chainSeq,
                    s.at(),
                    s.actor(),
                    e.action(),
                    e.outcome(),
                    e.purpose().orElse(""),
                    members,
                    e.detail(),
                    prev);
            rows.add(new Row(s, chainSeq, members, prev, hash));
            prev = hash;
        }
        jdbc.batchUpdate("""
                insert into audit_entry (chain, chain_seq, recorded_at, actor, actor_role, source, action, outcome,
                                         purpose_code, members, detail, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (ps, r) -> {
            AuditEvent e = r.stamped().event();
            Actor a = r.stamped().actor();
            ps.setInt(1, chain);
            ps.setLong(2, r.chainSeq());
            ps.setObject(3, OffsetDateTime.ofInstant(r.stamped().at(), ZoneOffset.UTC));
            ps.setString(4, a.name());
            ps.setString(5, a.role());
            ps.setString(6, a.source());
            ps.setString(7, e.action().name());
            ps.setString(8, e.outcome().name());
            ps.setString(9, e.purpose().orElse(null));
            ps.setString(10, r.members());
            ps.setString(11, e.detail());
            ps.setString(12, r.prevHash());
            ps.setString(13, r.hash());
        });
        var index = new ArrayList<Object[]>();
        for (Row r : rows) {
            r.stamped().event().members().stream()
                    .distinct()
                    .forEach(m -> index.add(new Object[] {m, chain, r.chainSeq()}));
        }
        if (!index.isEmpty()) {
            jdbc.batchUpdate("insert into audit_entry_member (member_key, chain, chain_seq) values (?, ?, ?)", index);
        }
        jdbc.update("update audit_chain_head set chain_seq = ?, hash = ? where chain = ?", chainSeq, prev, chain);
    }
}
