package jp.kenpo.privacy.audit;

import static jp.kenpo.privacy.testing.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.consent.ConsentAction;
import jp.kenpo.privacy.consent.ConsentLedger;
import jp.kenpo.privacy.consent.ConsentRequest;
import jp.kenpo.privacy.consent.ConsentTarget;
import jp.kenpo.privacy.consent.Filer;
import jp.kenpo.privacy.decision.DecisionService;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.shared.SocietyTime;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestDatabases;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The trail on the database: written with the action, refused changes, verified, searched. */
class AuditTrailTest extends DatabaseTest {

    private static final PurposeCode P38 = PurposeCode.parse("3.8");
    private static final Instant FEB = SocietyTime.startOf(LocalDate.of(2026, 2, 1));

    @Autowired
    AuditReview review;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    DecisionService decisions;

    @Autowired
    MemberRegistry registry;

    @Autowired
    MemberImport memberImport;

    @Autowired
    JdbcTemplate jdbc;

    private List<AuditEntry> entriesOf(MemberKey m) {
        return as(
                        "auditor",
                        Role.AUDITOR,
                        () -> review.search(query(Optional.of(m.toString()), Optional.empty(), Optional.empty())))
                .entries();
    }

    private static AuditQuery query(Optional<String> member, Optional<String> actor, Optional<AuditAction> action) {
        return new AuditQuery(member, actor, action, Optional.empty(), Optional.empty(), 0, 1000);
    }

    private ConsentRequest reserve(MemberKey m) {
        return new ConsentRequest(
                m,
                ConsentAction.RESERVE,
                ConsentTarget.purpose(P38),
                LocalDate.of(2026, 1, 10),
                Channel.PAPER,
                Filer.SELF,
                Optional.empty());
    }

    @Test
    void whoWhenWhatWhoseAndWhyOverTheApi() {
        var api = api();
        MemberKey m = TestMembers.register(memberImport);
        Instant before = Instant.now();
        assertThat(api.postJson(
                                "/api/v1/members/" + m + "/consent-events",
                                "clerk",
                                "{\"action\":\"RESERVE\",\"purpose\":\"3.8\",\"channel\":\"COUNTER\",\"receivedOn\":\"2026-01-10\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/members/" + m, "auditor").status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/decisions", "system", "{\"member\":\"" + m + "\",\"purpose\":\"3.8\"}")
                        .status())
                .isEqualTo(200);

        var page = api.get("/api/v1/audit/entries?member=" + m, "auditor").json();
        var entries = page.get("entries");
        assertThat(page.get("total").asInt()).isEqualTo(3);
        var recorded = entries.get(0);
        assertThat(recorded.get("action").asString()).isEqualTo("CONSENT_RECORDED");
        assertThat(recorded.get("actor").asString()).isEqualTo("clerk");
        assertThat(recorded.get("role").asString()).isEqualTo("CLERK");
        assertThat(recorded.get("source").asString()).isEqualTo("127.0.0.1");
        assertThat(recorded.get("purpose").asString()).isEqualTo("3.8");
        assertThat(recorded.get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(Instant.parse(recorded.get("at").asString())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(entries.get(1).get("action").asString()).isEqualTo("MEMBER_READ");
        assertThat(entries.get(1).get("actor").asString()).isEqualTo("auditor");
        assertThat(entries.get(2).get("action").asString()).isEqualTo("DECISION");
        assertThat(entries.get(2).get("detail").asString()).startsWith("DENY RESERVED_WITHOUT_CONSENT");
        assertThat(entries.get(2).get("role").asString()).isEqualTo("SYSTEM");

        var searched = api.get("/api/v1/audit/entries?actor=auditor&action=AUDIT_SEARCHED&limit=1000", "auditor")
                .json();
        assertThat(searched.get("entries")
                        .get(searched.get("entries").size() - 1)
                        .get("members")
                        .get(0)
                        .asString())
                .as("a search by member names the member")
                .isEqualTo(m.toString());
    }

    @Test
    void aSearchByMemberTakesAMemberKeyAndCannotBreakTheTrail() {
        var api = api();
        MemberKey m = TestMembers.register(memberImport);
        for (String bad : List.of(m + "," + m, "A".repeat(46), "not a key")) {
            var r = api.get(
                    "/api/v1/audit/entries?member="
                            + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8),
                    "auditor");
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("field").asString()).isEqualTo("member");
            assertThat(r.json().get("detail").asString()).contains("SYMBOL-NUMBER-BRANCH");
        }
        assertThat(api.get("/api/v1/audit/entries?member=" + m, "auditor").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/audit/verification", "auditor")
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void anActionWhoseEntryCannotBeWrittenDoesNotHappen() {
        MemberKey m = TestMembers.register(memberImport);
        jdbc.execute("alter table audit_entry add constraint audit_doomed check (actor <> 'doomed')");
        try {
            assertThatThrownBy(() -> as("doomed", Role.CLERK, () -> ledger.record(reserve(m), "doomed")))
                    .isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> as("doomed", Role.SYSTEM, () -> decisions.decide(m, P38, FEB)))
                    .isInstanceOf(DataAccessException.class);
        } finally {
            jdbc.execute("alter table audit_entry drop constraint audit_doomed");
        }
        assertThat(as("clerk", Role.CLERK, () -> ledger.history(m)))
                .as("the event was rolled back with its entry")
                .isEmpty();
        assertThat(entriesOf(m)).extracting(AuditEntry::action).containsExactly(AuditAction.CONSENT_READ);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEntry() {
        TestMembers.register(memberImport);
        long seq = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);
        assertThatThrownBy(() -> jdbc.update("update audit_entry set detail = 'nothing happened' where seq = ?", seq))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where seq = ?", seq))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry_member"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        if (TestDatabases.postgres()) {
            // both tables at once, or the member index's foreign key alone would refuse it; H2 has no
            // TRUNCATE trigger, and the statement is not tried there, since it would succeed on the index
            assertThatThrownBy(() -> jdbc.execute("truncate audit_entry, audit_entry_member"))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("append-only: TRUNCATE refused");
            assertThatThrownBy(() -> jdbc.execute("truncate audit_entry_member"))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("append-only: TRUNCATE refused");
        }
        assertThat(jdbc.queryForObject("select max(seq) from audit_entry", Long.class))
                .isGreaterThanOrEqualTo(seq);
    }

    @Test
    void verifyNamesAnEntryChangedBehindTheDatabasesBack() {
        MemberKey m = TestMembers.register(memberImport);
        as("clerk", Role.CLERK, () -> registry.read(m));
        AuditEntry read = entriesOf(m).get(0);
        assertThat(review.verify(Optional.empty()).intact()).isTrue();

        // what only someone who can switch off the database's protection could do
        withoutAppendOnly(() -> jdbc.update("update audit_entry set actor = 'nobody' where seq = ?", read.seq()));
        try {
            AuditVerification broken = review.verify(Optional.empty());
            assertThat(broken.intact()).isFalse();
            assertThat(broken.firstBroken())
                    .hasValueSatisfying(b ->
                            assertThat(b).startsWith("entry " + read.place()).contains("changed after recording"));
        } finally {
            withoutAppendOnly(
                    () -> jdbc.update("update audit_entry set actor = ? where seq = ?", read.actor(), read.seq()));
        }
        assertThat(review.verify(Optional.empty()).intact()).isTrue();
    }

    private void withoutAppendOnly(Runnable change) {
        if (TestDatabases.postgres()) {
            jdbc.execute("alter table audit_entry disable trigger audit_entry_no_update_delete");
            try {
                change.run();
            } finally {
                jdbc.execute("alter table audit_entry enable trigger audit_entry_no_update_delete");
            }
        } else {
            jdbc.execute("drop trigger audit_entry_no_update");
            try {
                change.run();
            } finally {
                jdbc.execute("create trigger audit_entry_no_update before update on audit_entry "
                        + "for each row call 'jp.kenpo.privacy.audit.AppendOnly'");
            }
        }
    }

    @Test
    void aDigestTakenEarlierStillHoldsAndAFalseOneDoesNot() {
        AuditDigest digest = as("auditor", Role.AUDITOR, () -> review.digest());
        TestMembers.register(memberImport);

        assertThat(review.verify(Optional.of(AuditDigest.parse(digest.text()))).intact())
                .isTrue();

        var forged = new ArrayList<>(digest.heads());
        var h = forged.stream().filter(x -> x.chainSeq() > 0).findFirst().orElseThrow();
        forged.set(forged.indexOf(h), new AuditDigest.Head(h.chain(), h.chainSeq(), "0".repeat(63) + "1"));
        AuditVerification v = review.verify(Optional.of(AuditDigest.of(digest.takenAt(), forged)));
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).hasValueSatisfying(b -> assertThat(b).contains("with another hash"));
    }

    @Test
    void aBatchDecisionIsOneEntryNamingItsPopulation() {
        MemberKey a = TestMembers.register(memberImport);
        MemberKey b = TestMembers.register(memberImport);
        String actor = "batch-" + a.symbol();
        as(actor, Role.SYSTEM, () -> decisions.decideBatch(P38, FEB, Optional.of(List.of(a, b)), Optional.empty()));
        as(actor, Role.SYSTEM, () -> decisions.decideBatch(P38, FEB, Optional.empty(), Optional.empty()));

        var entries = as(
                        "auditor",
                        Role.AUDITOR,
                        () -> review.search(query(Optional.empty(), Optional.of(actor), Optional.empty())))
                .entries();
        assertThat(entries)
                .extracting(AuditEntry::action)
                .containsExactly(AuditAction.BATCH_DECISION, AuditAction.BATCH_DECISION);
        assertThat(entries.get(0).detail()).startsWith("population: 2 listed members, list sha256 ");
        assertThat(entries.get(0).purpose()).hasValue("3.8");
        assertThat(entries.get(0).members()).isEmpty();
        assertThat(entries.get(1).detail()).startsWith("population: every member in the registry (");
    }

    @Test
    void searchByTimeAndPages() {
        MemberKey m = TestMembers.register(memberImport);
        Instant from = Instant.now().minusMillis(1);
        for (int i = 0; i < 5; i++) {
            as("pager", Role.CLERK, () -> registry.read(m));
        }
        Instant to = Instant.now().plusSeconds(1);
        AuditPage page = as(
                "auditor",
                Role.AUDITOR,
                () -> review.search(new AuditQuery(
                        Optional.of(m.toString()),
                        Optional.of("pager"),
                        Optional.of(AuditAction.MEMBER_READ),
                        Optional.of(from),
                        Optional.of(to),
                        2,
                        2)));
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.entries()).hasSize(2);
        assertThat(page.entries().get(0).seq()).isLessThan(page.entries().get(1).seq());
        AuditPage none = as(
                "auditor",
                Role.AUDITOR,
                () -> review.search(new AuditQuery(
                        Optional.of(m.toString()),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(to),
                        Optional.empty(),
                        0,
                        10)));
        assertThat(none.total()).isZero();
        assertThatThrownBy(() -> new AuditQuery(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        0,
                        1001))
                .hasMessageContaining("from 1 to 1000");
    }

    @Test
    void concurrentWritersKeepEveryChainWhole() {
        MemberKey m = TestMembers.register(memberImport);
        decisions.catchUp();
        var writers = new ArrayList<CompletableFuture<Void>>();
        for (int t = 0; t < 8; t++) {
            writers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 25; i++) {
                    as("concurrent-" + m.symbol(), Role.SYSTEM, () -> decisions.decide(m, P38, FEB));
                }
            }));
        }
        writers.forEach(CompletableFuture::join);

        assertThat(as(
                                "auditor",
                                Role.AUDITOR,
                                () -> review.search(query(
                                        Optional.empty(), Optional.of("concurrent-" + m.symbol()), Optional.empty())))
                        .total())
                .isEqualTo(200);
        AuditVerification v = review.verify(Optional.empty());
        assertThat(v.firstBroken()).isEmpty();
        assertThat(v.intact()).isTrue();
    }
}
