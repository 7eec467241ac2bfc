package jp.kenpo.privacy.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.consent.ConsentAction;
import jp.kenpo.privacy.consent.ConsentLedger;
import jp.kenpo.privacy.consent.ConsentRequest;
import jp.kenpo.privacy.consent.ConsentTarget;
import jp.kenpo.privacy.consent.Filer;
import jp.kenpo.privacy.consent.LedgerEvents;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.shared.SocietyTime;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Decisions through the service: always caught up with what the database holds. */
class DecisionServiceTest extends DatabaseTest {

    private static final PurposeCode P38 = PurposeCode.parse("3.8");
    private static final Instant FEB = SocietyTime.startOf(LocalDate.of(2026, 2, 1));

    @Autowired
    DecisionService decisions;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    LedgerEvents ledgerEvents;

    @Autowired
    MemberRegistry registry;

    @Autowired
    MemberImport memberImport;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CatalogService catalogs;

    @Autowired
    AuditTrail audit;

    @Autowired
    java.time.Clock clock;

    private void reserve(MemberKey m) {
        ledger.record(
                new ConsentRequest(
                        m,
                        ConsentAction.RESERVE,
                        ConsentTarget.purpose(P38),
                        LocalDate.of(2026, 1, 10),
                        Channel.PAPER,
                        Filer.SELF,
                        Optional.empty()),
                "clerk");
    }

    @Test
    void aReservationCountsTheMomentItIsRecorded() {
        MemberKey m = TestMembers.register(memberImport);
        assertThat(decisions.decide(m, P38, FEB).summary()).isEqualTo("PERMIT DEEMED_CONSENT");

        reserve(m);

        assertThat(decisions.decide(m, P38, FEB).summary()).isEqualTo("DENY RESERVED_WITHOUT_CONSENT");
        assertThat(decisions
                        .decide(m, P38, FEB, Optional.of(Instant.now().minusSeconds(3600)))
                        .summary())
                .as("what was known an hour ago")
                .isEqualTo("PERMIT DEEMED_CONSENT");
    }

    @Test
    void aMemberRegisteredAMomentAgoIsDecided() {
        MemberKey m = TestMembers.register(memberImport);
        assertThat(decisions.decide(m, P38, FEB).summary()).isEqualTo("PERMIT DEEMED_CONSENT");
        assertThat(decisions
                        .decide(new MemberKey("NOBODY", "9", "00"), P38, FEB)
                        .summary())
                .isEqualTo("DENY UNKNOWN_MEMBER");
        assertThatThrownBy(() -> decisions.decide(m, PurposeCode.parse("3.99"), FEB))
                .isInstanceOf(UnknownPurposeException.class);
    }

    @Test
    void anEventThatCommitsAfterALaterOneIsNotMissed() throws Exception {
        MemberKey slow = TestMembers.register(memberImport);
        MemberKey fast = TestMembers.register(memberImport);
        decisions.catchUp();
        var recorded = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        CompletableFuture<Void> slowWriter = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            reserve(slow);
            recorded.countDown();
            try {
                commit.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(recorded.await(60, TimeUnit.SECONDS)).isTrue();
            reserve(fast); // a higher ledger sequence number, committed first

            assertThat(decisions.decide(fast, P38, FEB).summary()).isEqualTo("DENY RESERVED_WITHOUT_CONSENT");
            assertThat(decisions.decide(slow, P38, FEB).summary()).isEqualTo("PERMIT DEEMED_CONSENT");
        } finally {
            commit.countDown();
        }
        slowWriter.get(60, TimeUnit.SECONDS);

        assertThat(decisions.decide(slow, P38, FEB).summary()).isEqualTo("DENY RESERVED_WITHOUT_CONSENT");
    }

    @Test
    void aBatchForEveryoneListsWhoIsDeniedAndWhy() {
        MemberKey reserved = TestMembers.register(memberImport);
        MemberKey deemed = TestMembers.register(memberImport);
        reserve(reserved);

        BatchDecision all = decisions.decideBatch(P38, FEB, Optional.empty(), Optional.empty());

        assertThat(all.denied())
                .contains(new BatchDecision.Denial(reserved.toString(), DenyReason.RESERVED_WITHOUT_CONSENT))
                .noneMatch(d -> d.member().equals(deemed.toString()));
        assertThat(all.population()).isEqualTo((int) registry.count());
        assertThat(all.permitted() + all.deniedCount()).isEqualTo(all.population());
        assertThat(all.deniedByReason().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(all.deniedCount());

        BatchDecision two = decisions.decideBatch(P38, FEB, Optional.of(List.of(reserved, deemed)), Optional.empty());
        assertThat(two.population()).isEqualTo(2);
        assertThat(two.permitted()).isEqualTo(1);
        assertThat(two.denied())
                .containsExactly(new BatchDecision.Denial(reserved.toString(), DenyReason.RESERVED_WITHOUT_CONSENT));
    }

    @Test
    void oneDecisionReadsOnlyItsMemberAndAnswersAsTheIndexDoes() {
        String s = TestMembers.freshSymbol();
        TestMembers.importRows(
                memberImport,
                List.of(
                        TestMembers.insured(s, "1", "2020-04-01", null),
                        TestMembers.insured(s, "2", "2020-04-01", "2026-01-15")));
        MemberKey reserved = new MemberKey(s, "1", "00");
        MemberKey left = new MemberKey(s, "2", "00");
        reserve(reserved);
        ledger.record(
                new ConsentRequest(
                        reserved,
                        ConsentAction.RESERVE,
                        ConsentTarget.category(1),
                        LocalDate.of(2026, 1, 10),
                        Channel.PAPER,
                        Filer.SELF,
                        Optional.empty()),
                "clerk");
        // what a command line has: a service that has answered nothing yet
        var fresh = new DecisionService(catalogs, registry, ledgerEvents, clock, audit);
        decisions.catchUp();

        Optional<Instant> hourAgo = Optional.of(Instant.now().minusSeconds(3600));
        for (MemberKey m : List.of(reserved, left, new MemberKey(s, "3", "00"))) {
            for (PurposeCode p : List.of(P38, PurposeCode.parse("1.1"))) {
                for (Optional<Instant> knownAt : List.of(Optional.<Instant>empty(), hourAgo)) {
                    assertThat(fresh.decide(m, p, FEB, knownAt))
                            .as(m + " " + p + " " + knownAt)
                            .isEqualTo(decisions.decide(m, p, FEB, knownAt));
                }
            }
        }
        assertThat(fresh.decide(reserved, P38, FEB).summary()).isEqualTo("DENY RESERVED_WITHOUT_CONSENT");
        assertThat(fresh.decide(reserved, PurposeCode.parse("1.1"), FEB).reservationOnRecord())
                .isTrue();
        assertThat(fresh.decide(left, P38, FEB).summary()).isEqualTo("DENY NOT_ELIGIBLE_AT");
        assertThatThrownBy(() -> fresh.decide(reserved, PurposeCode.parse("3.99"), FEB))
                .isInstanceOf(UnknownPurposeException.class);
        assertThat(fresh.indexedMembers())
                .as("members read into memory for single decisions")
                .isZero();
    }
}
