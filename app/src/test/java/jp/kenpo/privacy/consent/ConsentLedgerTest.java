package jp.kenpo.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.Actor;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.members.UnknownMemberException;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestAccounts;
import jp.kenpo.privacy.testing.TestDatabases;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ConsentLedgerTest extends DatabaseTest {

    private static final PurposeCode P38 = PurposeCode.parse("3.8");

    @Autowired
    ConsentLedger ledger;

    @Autowired
    LedgerVerifier verifier;

    @Autowired
    LedgerEvents events;

    @Autowired
    MemberRegistry registry;

    @Autowired
    MemberImport memberImport;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    TransactionTemplate transactions;

    @BeforeEach
    void transactions() {
        transactions = new TransactionTemplate(transactionManager);
    }

    static ConsentRequest request(MemberKey member, ConsentAction action, ConsentTarget target, String received) {
        return new ConsentRequest(
                member, action, target, LocalDate.parse(received), Channel.PAPER, Filer.SELF, Optional.empty());
    }

    @Test
    void eventsChainPerMemberAndTheStateFollowsThem() {
        MemberKey m = TestMembers.register(memberImport);
        ConsentEvent first =
                ledger.record(request(m, ConsentAction.RESERVE, ConsentTarget.purpose(P38), "2026-01-10"), "clerk-a");
        ConsentEvent second =
                ledger.record(request(m, ConsentAction.GIVE, ConsentTarget.purpose(P38), "2026-02-10"), "clerk-b");

        assertThat(first.memberSeq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(EventHash.GENESIS);
        assertThat(second.memberSeq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(ledger.history(m)).containsExactly(first, second);
        ConsentStatus jan = ledger.status(
                m, jp.kenpo.privacy.shared.SocietyTime.startOf(LocalDate.of(2026, 1, 20)), java.util.Optional.empty());
        assertThat(jan.purposes())
                .filteredOn(s -> s.purpose().code().equals(P38))
                .singleElement()
                .extracting(PurposeStanding::state)
                .isEqualTo(ConsentState.RESERVED);
        assertThat(jan.purposes()).hasSize(39);
    }

    @Test
    void badRequestsNameTheirField() {
        MemberKey m = TestMembers.register(memberImport);

        assertThatThrownBy(() -> ledger.record(
                        request(
                                m,
                                ConsentAction.RESERVE,
                                ConsentTarget.purpose(PurposeCode.parse("3.99")),
                                "2026-01-10"),
                        "clerk"))
                .isInstanceOf(InvalidConsentRequestException.class)
                .hasMessageContaining("purpose 3.99");
        assertThatThrownBy(() -> ledger.record(
                        request(m, ConsentAction.RESERVE, ConsentTarget.category(12), "2026-01-10"), "clerk"))
                .hasMessageStartingWith("category:");
        assertThatThrownBy(() -> ledger.record(
                        request(
                                m,
                                ConsentAction.RESERVE,
                                ConsentTarget.purpose(P38),
                                LocalDate.now().plusDays(2).toString()),
                        "clerk"))
                .hasMessageStartingWith("receivedOn:");
        assertThatThrownBy(() -> ledger.record(
                        request(m, ConsentAction.LIFT, ConsentTarget.purpose(P38), "1900-01-01"), "clerk"))
                .hasMessageStartingWith("receivedOn:")
                .hasMessageContaining("before the notice took effect on 2025-04-01");
        assertThatThrownBy(() -> ledger.record(
                        new ConsentRequest(
                                m,
                                ConsentAction.RESERVE,
                                ConsentTarget.purpose(P38),
                                LocalDate.of(2026, 1, 1),
                                Channel.PAPER,
                                Filer.INSURED_PERSON,
                                Optional.empty()),
                        "clerk"))
                .hasMessageStartingWith("filedBy:");
        assertThatThrownBy(() -> ledger.record(
                        request(
                                new MemberKey("NOBODY", "1", "00"),
                                ConsentAction.RESERVE,
                                ConsentTarget.purpose(P38),
                                "2026-01-10"),
                        "clerk"))
                .isInstanceOf(UnknownMemberException.class);
        assertThat(ledger.history(m)).isEmpty();
    }

    @Test
    void aBatchIsRecordedWholeOrNotAtAll() {
        MemberKey a = TestMembers.register(memberImport);
        MemberKey b = TestMembers.register(memberImport);
        var good = request(a, ConsentAction.RESERVE, ConsentTarget.purpose(P38), "2026-01-10");
        var bad = request(b, ConsentAction.RESERVE, ConsentTarget.purpose(PurposeCode.parse("3.99")), "2026-01-10");

        assertThatThrownBy(() -> ledger.recordAll(List.of(good, bad), "clerk"))
                .isInstanceOf(InvalidConsentRequestException.class);
        assertThat(ledger.history(a)).isEmpty();

        List<ConsentEvent> both = ledger.recordAll(
                List.of(
                        good,
                        request(b, ConsentAction.GIVE, ConsentTarget.purpose(P38), "2026-01-10"),
                        request(a, ConsentAction.GIVE, ConsentTarget.purpose(P38), "2026-01-11")),
                "clerk");
        assertThat(both).extracting(ConsentEvent::memberSeq).containsExactly(1, 2, 1);
        assertThat(ledger.history(a))
                .extracting(ConsentEvent::action)
                .containsExactly(ConsentAction.RESERVE, ConsentAction.GIVE);
        assertThat(verifier.verify().intact()).isTrue();
    }

    /** The ledger is read in pages (of 10,000): every page boundary reads as if there were none. */
    @Test
    void theLedgerReadsAlikeInPagesOfAnySize() {
        long before = jdbc.queryForObject("select coalesce(max(seq), 0) from consent_event", Long.class);
        var keys = List.of(
                TestMembers.register(memberImport),
                TestMembers.register(memberImport),
                TestMembers.register(memberImport));
        for (MemberKey m : keys) {
            ledger.recordAll(
                    List.of(
                            request(m, ConsentAction.RESERVE, ConsentTarget.purpose(P38), "2026-01-10"),
                            request(m, ConsentAction.GIVE, ConsentTarget.purpose(P38), "2026-01-11"),
                            request(m, ConsentAction.WITHDRAW, ConsentTarget.purpose(P38), "2026-01-12")),
                    "clerk");
        }
        var whole = new ArrayList<ConsentEvent>();
        var paged = new ArrayList<ConsentEvent>();
        events.after(before, List.of(), whole::add);
        var small = new LedgerEvents(jdbc, registry, 2);
        small.after(before, List.of(), paged::add);
        assertThat(paged).hasSize(9).isEqualTo(whole);
        assertThat(paged).extracting(ConsentEvent::member).containsOnly(keys.toArray(MemberKey[]::new));

        var ours = new java.util.HashSet<>(keys);
        var chains = new ArrayList<ConsentEvent>();
        small.inChainOrder(e -> {
            if (ours.contains(e.member())) {
                chains.add(e);
            }
        });
        assertThat(chains)
                .extracting(e -> e.member() + " #" + e.memberSeq())
                .containsExactly(keys.stream()
                        .sorted(java.util.Comparator.comparing(
                                k -> registry.ids(List.of(k)).get(k)))
                        .flatMap(k -> java.util.stream.Stream.of(k + " #1", k + " #2", k + " #3"))
                        .toArray(String[]::new));
        assertThat(new LedgerVerifier(jdbc, new LedgerEvents(jdbc, registry, 3)).verify())
                .isEqualTo(verifier.verify());
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEvent() {
        MemberKey m = TestMembers.register(memberImport);
        ConsentEvent e =
                ledger.record(request(m, ConsentAction.RESERVE, ConsentTarget.purpose(P38), "2026-01-10"), "clerk");

        assertThatThrownBy(() -> jdbc.update("update consent_event set kind = 'LIFT' where seq = ?", e.seq()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from consent_event where seq = ?", e.seq()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(ledger.history(m)).containsExactly(e);

        ConsentEvent next =
                ledger.record(request(m, ConsentAction.LIFT, ConsentTarget.purpose(P38), "2026-01-11"), "clerk");
        assertThatThrownBy(() -> jdbc.update(
                        "update consent_chain_head set member_seq = 1, hash = ? where member_id = ?",
                        e.hash(),
                        e.memberId()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .rootCause()
                .hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> jdbc.update("delete from consent_chain_head where member_id = ?", e.memberId()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .rootCause()
                .hasMessageContaining("only moves forward");
        assertThat(jdbc.queryForObject(
                        "select hash from consent_chain_head where member_id = ?", String.class, e.memberId()))
                .isEqualTo(next.hash());
    }

    @Test
    void verifyNamesTheFirstBrokenLinkOfEveryKind() {
        MemberKey m = TestMembers.register(memberImport);
        ConsentEvent first =
                ledger.record(request(m, ConsentAction.RESERVE, ConsentTarget.purpose(P38), "2026-01-10"), "clerk");
        ConsentEvent second =
                ledger.record(request(m, ConsentAction.GIVE, ConsentTarget.purpose(P38), "2026-02-10"), "clerk");
        ConsentEvent third =
                ledger.record(request(m, ConsentAction.WITHDRAW, ConsentTarget.purpose(P38), "2026-03-10"), "clerk");
        long id = first.memberId();
        assertThat(verifier.verify().intact()).isTrue();

        assertBrokenUntilUndone(
                "member " + m + ", event #2",
                "no longer match its hash",
                () -> jdbc.update("update consent_event set kind = 'LIFT' where seq = ?", second.seq()),
                () -> jdbc.update("update consent_event set kind = 'GIVE' where seq = ?", second.seq()));
        assertBrokenUntilUndone(
                "member " + m + ", event #2",
                "does not link to the member's previous event",
                () -> jdbc.update(
                        "update consent_event set prev_hash = ? where seq = ?", EventHash.GENESIS, second.seq()),
                () -> jdbc.update("update consent_event set prev_hash = ? where seq = ?", first.hash(), second.seq()));
        assertBrokenUntilUndone(
                "member " + m + ", event #3",
                "expected event #2 — an event is missing",
                () -> jdbc.update("delete from consent_event where seq = ?", second.seq()),
                () -> reinsert(second));
        assertBrokenUntilUndone(
                "member " + m + ", event #3",
                "events were cut off its end",
                () -> jdbc.update("delete from consent_event where seq = ?", third.seq()),
                () -> reinsert(third));
        assertBrokenUntilUndone(
                "member " + m,
                "the chain has no events — it was removed",
                () -> jdbc.update("delete from consent_event where member_id = ?", id),
                () -> List.of(first, second, third).forEach(this::reinsert));
        assertBrokenUntilUndone(
                "member " + m,
                "its head was removed",
                () -> {
                    jdbc.update("delete from consent_chain_head where member_id = ?", id);
                    // and a chain that disagrees with its head takes no more events until mended
                    assertThatThrownBy(() -> ledger.record(
                                    request(m, ConsentAction.LIFT, ConsentTarget.purpose(P38), "2026-03-11"), "clerk"))
                            .hasMessageContaining("does not name the member's last event");
                },
                () -> jdbc.update(
                        "insert into consent_chain_head (member_id, member_seq, hash) values (?, 3, ?)",
                        id,
                        third.hash()));
        // the member table is not append-only: a chain moved to another key is caught by the key in the hash
        assertBrokenUntilUndone(
                "event #1",
                "no longer match its hash",
                () -> jdbc.update("update member set number = 'MOVED1' where id = ?", id),
                () -> jdbc.update("update member set number = ? where id = ?", m.number(), id));
    }

    /** Breaks the ledger as someone with the owner's rights could, past the database's guards, and mends it. */
    private void assertBrokenUntilUndone(String where, String why, Runnable tamper, Runnable undo) {
        boolean postgres = TestDatabases.postgres();
        List<String> tables = List.of("consent_event", "consent_chain_head");
        record H2Trigger(String name, String event, String table, String javaClass) {}
        List<H2Trigger> h2Triggers = postgres
                ? List.of()
                : jdbc.query(
                        """
                select trigger_name, event_manipulation, event_object_table, java_class from information_schema.triggers
                 where lower(event_object_table) in ('consent_event', 'consent_chain_head')""",
                        (rs, n) -> new H2Trigger(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        if (postgres) {
            tables.forEach(t -> jdbc.execute("alter table " + t + " disable trigger user"));
        }
        h2Triggers.forEach(t -> jdbc.execute("drop trigger " + t.name()));
        try {
            tamper.run();
            LedgerVerification broken = verifier.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.firstBrokenLink())
                    .get()
                    .asString()
                    .contains(where)
                    .contains(why);
        } finally {
            undo.run();
            if (postgres) {
                tables.forEach(t -> jdbc.execute("alter table " + t + " enable trigger user"));
            }
            h2Triggers.forEach(t -> jdbc.execute("create trigger " + t.name() + " before " + t.event() + " on "
                    + t.table() + " for each row call '" + t.javaClass() + "'"));
        }
        assertThat(verifier.verify().intact()).as("mended").isTrue();
    }

    private void reinsert(ConsentEvent e) {
        jdbc.update(
                """
                insert into consent_event (seq, member_id, member_seq, kind, purpose_code, category, received_on, channel,
                    filed_by, recorded_by, recorded_at, note, prev_hash, hash)
                overriding system value values (?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, null, ?, ?)""",
                e.seq(),
                e.memberId(),
                e.memberSeq(),
                e.action().name(),
                e.target().toString(),
                e.receivedOn(),
                e.channel().name(),
                e.filedBy().name(),
                e.recordedBy(),
                java.time.OffsetDateTime.ofInstant(e.recordedAt(), java.time.ZoneOffset.UTC),
                e.prevHash(),
                e.hash());
    }

    @Test
    void concurrentClerksAllLandInOneUnbrokenChain() throws Exception {
        MemberKey m = TestMembers.register(memberImport);
        MemberKey other = TestMembers.register(memberImport);
        int threads = 8;
        int each = 15;
        var pool = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<List<ConsentEvent>>>();
        try {
            for (int t = 0; t < threads; t++) {
                MemberKey whom = t == 0 ? other : m;
                String clerk = "clerk-" + t;
                Callable<List<ConsentEvent>> work = () -> {
                    start.await();
                    var mine = new ArrayList<ConsentEvent>();
                    for (int i = 0; i < each; i++) {
                        ConsentAction action = i % 2 == 0 ? ConsentAction.RESERVE : ConsentAction.LIFT;
                        mine.add(ledger.record(request(whom, action, ConsentTarget.purpose(P38), "2026-01-10"), clerk));
                    }
                    return mine;
                };
                futures.add(pool.submit(work));
            }
            start.countDown();
            for (var f : futures) {
                assertThat(f.get(120, TimeUnit.SECONDS)).hasSize(each);
            }
        } finally {
            pool.shutdownNow();
        }
        List<ConsentEvent> chain = ledger.history(m);
        assertThat(chain).hasSize((threads - 1) * each);
        for (int i = 0; i < chain.size(); i++) {
            assertThat(chain.get(i).memberSeq()).isEqualTo(i + 1);
            assertThat(chain.get(i).prevHash())
                    .isEqualTo(i == 0 ? EventHash.GENESIS : chain.get(i - 1).hash());
        }
        assertThat(ledger.history(other)).hasSize(each);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aRefusedRequestAmongConcurrentOnesFailsAloneAndEachAuditEntryNamesItsClerk() throws Exception {
        List<MemberKey> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(TestMembers.register(memberImport));
        }
        var pool = Executors.newFixedThreadPool(members.size() + 1);
        var start = new CountDownLatch(1);
        try {
            var futures = new ArrayList<Future<ConsentEvent>>();
            for (int i = 0; i < members.size(); i++) {
                MemberKey whom = members.get(i);
                String clerk = "group-clerk-" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return TestAccounts.as(
                            clerk,
                            Role.CLERK,
                            () -> ledger.record(
                                    request(whom, ConsentAction.RESERVE, ConsentTarget.purpose(P38), "2026-01-10"),
                                    clerk));
                }));
            }
            Future<ConsentEvent> refused = pool.submit(() -> {
                start.await();
                return ledger.record(
                        request(
                                members.get(0),
                                ConsentAction.RESERVE,
                                ConsentTarget.purpose(PurposeCode.parse("3.99")),
                                "2026-01-10"),
                        "clerk");
            });
            start.countDown();
            for (int i = 0; i < members.size(); i++) {
                assertThat(futures.get(i).get(60, TimeUnit.SECONDS).member()).isEqualTo(members.get(i));
                assertThat(jdbc.queryForObject("""
                        select e.actor from audit_entry e join audit_entry_member m on m.chain = e.chain and m.chain_seq = e.chain_seq
                         where m.member_key = ? and e.action = 'CONSENT_RECORDED'""", String.class, members.get(i).toString()))
                        .isEqualTo("group-clerk-" + i);
            }
            assertThatThrownBy(() -> refused.get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(InvalidConsentRequestException.class);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.history(members.get(0))).hasSize(1);
    }

    @Test
    void aMemberHeldByAnotherTransactionDoesNotStallOtherMembersEvents() throws Exception {
        MemberKey held = TestMembers.register(memberImport);
        MemberKey free = TestMembers.register(memberImport);
        var pool = Executors.newFixedThreadPool(2);
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try {
            // an import, say, that holds the member's row for a while
            Future<?> holder = pool.submit(() -> transactions.executeWithoutResult(status -> {
                registry.lockAll(List.of(held), false);
                locked.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<ConsentEvent> waiting = pool.submit(() -> ledger.record(
                    request(held, ConsentAction.RESERVE, ConsentTarget.purpose(P38), "2026-01-10"), "clerk-held"));

            // well within the write timeout (10 s) that a group waiting for the held row would run into
            ConsentEvent other = CompletableFuture.supplyAsync(() -> ledger.record(
                            request(free, ConsentAction.RESERVE, ConsentTarget.purpose(P38), "2026-01-10"),
                            "clerk-free"))
                    .get(5, TimeUnit.SECONDS);
            assertThat(other.memberSeq()).isEqualTo(1);
            assertThat(waiting.isDone())
                    .as("the held member's event waits for the row")
                    .isFalse();

            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            assertThat(waiting.get(30, TimeUnit.SECONDS).member()).isEqualTo(held);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(ledger.history(held)).hasSize(1);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void closingAnIdleLedgerWakesItsWritersAtOnce() {
        // a short command closes the ledger right after its one event: its writers, waiting on an
        // empty queue, are woken rather than left to a timed wait (they once polled every 200 ms)
        for (int i = 0; i < 3; i++) {
            var commit = new GroupCommit(new TransactionTemplate(transactionManager), group -> List.of(), 4);
            long start = System.nanoTime();
            commit.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(150));
        }
    }

    @Test
    void aLedgerShuttingDownRefusesNewEventsInsteadOfLosingThem() {
        var commit = new GroupCommit(
                new TransactionTemplate(transactionManager),
                group -> {
                    throw new AssertionError("nothing may be written after close");
                },
                1);
        commit.close();
        MemberKey m = TestMembers.register(memberImport);
        assertThatThrownBy(() -> commit.record(new GroupCommit.Submission(
                        request(m, ConsentAction.RESERVE, ConsentTarget.purpose(P38), "2026-01-10"),
                        "clerk",
                        new Actor("clerk", "CLERK", "local"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not recorded");
    }
}
