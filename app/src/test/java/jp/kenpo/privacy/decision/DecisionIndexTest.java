package jp.kenpo.privacy.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import jp.kenpo.privacy.catalog.Catalog;
import jp.kenpo.privacy.catalog.CatalogFile;
import jp.kenpo.privacy.catalog.CatalogFixtures;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.consent.ConsentAction;
import jp.kenpo.privacy.consent.ConsentEvent;
import jp.kenpo.privacy.consent.ConsentTarget;
import jp.kenpo.privacy.consent.Filer;
import jp.kenpo.privacy.members.EligibilityPeriod;
import jp.kenpo.privacy.members.MemberEligibility;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.SocietyTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The decision engine on its own: every reason and basis, catalog versions, and batch against single. */
class DecisionIndexTest {

    private static final PurposeCode P38 = PurposeCode.parse("3.8");
    private static final PurposeCode P310 = PurposeCode.parse("3.10");
    private static final PurposeCode P37 = PurposeCode.parse("3.7");
    private static final PurposeCode P18 = PurposeCode.parse("1.8");
    private final DecisionIndex index = new DecisionIndex();
    private long seq;

    @BeforeEach
    void catalogWithTwoVersions() {
        index.replaceCatalog(new Catalog(List.of(
                CatalogFixtures.defaultVersion(),
                CatalogFile.parse(CatalogFixtures.version2("2027-04-01", "2027-10-01"), "v2.yaml"))));
    }

    private static Instant at(String date) {
        return SocietyTime.startOf(LocalDate.parse(date)).plusSeconds(3600 * 10);
    }

    private static MemberEligibility member(long id, String key, String acquired, String lost) {
        return new MemberEligibility(
                id,
                MemberKey.parse(key),
                List.of(new EligibilityPeriod(
                        LocalDate.parse(acquired), Optional.ofNullable(lost).map(LocalDate::parse))));
    }

    private ConsentEvent event(
            long memberId, String key, int n, ConsentAction action, ConsentTarget target, String received) {
        return new ConsentEvent(
                ++seq,
                memberId,
                MemberKey.parse(key),
                n,
                action,
                target,
                LocalDate.parse(received),
                Channel.PAPER,
                Filer.SELF,
                "clerk",
                SocietyTime.startOf(LocalDate.parse(received)).plusSeconds(3600),
                Optional.empty(),
                "",
                "");
    }

    private String decide(String key, PurposeCode p, String date) {
        return index.decide(key, p, at(date), Instant.MAX).summary();
    }

    @Test
    void everyReasonAndBasis() {
        index.applyRegistry(
                List.of(member(1, "1-1-00", "2020-04-01", null), member(2, "1-2-00", "2020-04-01", "2026-04-01")));
        index.applyEvents(List.of(
                event(1, "1-1-00", 1, ConsentAction.RESERVE, ConsentTarget.purpose(P38), "2026-01-10"),
                event(1, "1-1-00", 2, ConsentAction.RESERVE, ConsentTarget.purpose(P18), "2026-01-10")));

        assertThat(decide("1-1-00", P38, "2026-01-09")).isEqualTo("PERMIT DEEMED_CONSENT");
        assertThat(decide("1-1-00", P38, "2026-01-10")).isEqualTo("DENY RESERVED_WITHOUT_CONSENT");
        assertThat(decide("9-9-00", P38, "2026-01-10")).isEqualTo("DENY UNKNOWN_MEMBER");
        assertThat(decide("1-2-00", P38, "2026-03-31")).isEqualTo("PERMIT DEEMED_CONSENT");
        assertThat(decide("1-2-00", P38, "2026-04-01")).as("on 資格喪失日").isEqualTo("DENY NOT_ELIGIBLE_AT");
        assertThat(decide("1-1-00", P38, "2020-03-31")).isEqualTo("DENY PURPOSE_NOT_IN_FORCE_AT");

        Decision legal = index.decide("1-1-00", P18, at("2026-02-01"), Instant.MAX);
        assertThat(legal.summary()).isEqualTo("PERMIT LEGAL_BASIS");
        assertThat(legal.reservationOnRecord()).isTrue();
        assertThat(legal.statute()).get().asString().contains("番号法");
        assertThat(index.decide("1-2-00", P18, at("2026-02-01"), Instant.MAX).reservationOnRecord())
                .isFalse();
    }

    @Test
    void aMemberWhoLeftAndRejoinedIsEligibleInEachPeriodOnly() {
        index.applyRegistry(List.of(new MemberEligibility(
                7,
                MemberKey.parse("1-7-00"),
                List.of(
                        new EligibilityPeriod(
                                LocalDate.parse("2025-04-01"), Optional.of(LocalDate.parse("2025-10-01"))),
                        new EligibilityPeriod(
                                LocalDate.parse("2026-01-01"), Optional.of(LocalDate.parse("2026-03-01"))),
                        new EligibilityPeriod(LocalDate.parse("2026-06-01"), Optional.empty())))));

        assertThat(decide("1-7-00", P38, "2025-09-30")).isEqualTo("PERMIT DEEMED_CONSENT");
        assertThat(decide("1-7-00", P38, "2025-12-01")).isEqualTo("DENY NOT_ELIGIBLE_AT");
        assertThat(decide("1-7-00", P38, "2026-02-01")).as("second period").isEqualTo("PERMIT DEEMED_CONSENT");
        assertThat(decide("1-7-00", P38, "2026-03-01")).isEqualTo("DENY NOT_ELIGIBLE_AT");
        assertThat(decide("1-7-00", P38, "2026-07-01")).as("third period").isEqualTo("PERMIT DEEMED_CONSENT");
        assertThat(index.decideAll(P38, at("2026-02-01"), Instant.MAX).permitted())
                .isEqualTo(1);
        assertThat(index.decideAll(P38, at("2026-04-01"), Instant.MAX).deniedByReason())
                .containsEntry(DenyReason.NOT_ELIGIBLE_AT, 1);
    }

    @Test
    void catalogVersionsDecideWhatIsInForce() {
        index.applyRegistry(List.of(member(1, "1-1-00", "2020-04-01", null)));
        index.applyEvents(
                List.of(event(1, "1-1-00", 1, ConsentAction.RESERVE, ConsentTarget.category(3), "2026-01-10")));

        assertThat(decide("1-1-00", P310, "2027-03-31")).isEqualTo("DENY PURPOSE_NOT_IN_FORCE_AT");
        assertThat(decide("1-1-00", P310, "2027-04-01"))
                .as("new purpose starts deemed (イ)")
                .isEqualTo("PERMIT DEEMED_CONSENT");
        assertThat(decide("1-1-00", P38, "2027-04-01")).isEqualTo("DENY RESERVED_WITHOUT_CONSENT");
        assertThat(decide("1-1-00", P37, "2027-09-30")).isEqualTo("DENY RESERVED_WITHOUT_CONSENT");
        assertThat(decide("1-1-00", P37, "2027-10-01")).as("retired").isEqualTo("DENY PURPOSE_NOT_IN_FORCE_AT");
        assertThat(index.decide("1-1-00", P310, at("2027-04-01"), Instant.MAX).catalogVersion())
                .hasValue(2);
    }

    @Test
    void registryChangesKeepHistoriesWithTheirMembers() {
        index.applyRegistry(List.of(member(1, "1-1-00", "2020-04-01", null)));
        index.applyEvents(
                List.of(event(1, "1-1-00", 1, ConsentAction.RESERVE, ConsentTarget.purpose(P38), "2026-01-10")));
        index.applyRegistry(
                List.of(member(2, "1-2-00", "2020-04-01", null), member(1, "1-1-00", "2020-04-01", "2026-06-01")));

        assertThat(decide("1-1-00", P38, "2026-02-01")).isEqualTo("DENY RESERVED_WITHOUT_CONSENT");
        assertThat(decide("1-1-00", P38, "2026-07-01")).isEqualTo("DENY NOT_ELIGIBLE_AT");
        assertThat(decide("1-2-00", P38, "2026-02-01")).isEqualTo("PERMIT DEEMED_CONSENT");
        assertThat(index.applyEvents(List.of(
                        event(3, "1-3-00", 1, ConsentAction.RESERVE, ConsentTarget.purpose(P38), "2026-01-10"))))
                .as("member not in the index yet")
                .hasSize(1);
    }

    @Test
    void aBatchAnswersExactlyAsSingleDecisionsWould() {
        var random = new Random(42);
        var members = new ArrayList<MemberEligibility>();
        var events = new ArrayList<ConsentEvent>();
        var purposes = List.of(P38, P18, P310, P37, PurposeCode.parse("5.1"));
        for (int id = 1; id <= 2_000; id++) {
            String key = "B-" + id + "-00";
            int year = 2018 + random.nextInt(10);
            if (random.nextInt(5) == 0) {
                // left and re-joined: the periods after the first are read on another path
                members.add(new MemberEligibility(
                        id,
                        MemberKey.parse(key),
                        List.of(
                                new EligibilityPeriod(
                                        LocalDate.of(year - 3, 4, 1), Optional.of(LocalDate.of(year - 2, 1, 1))),
                                new EligibilityPeriod(
                                        LocalDate.of(year, 4, 1), Optional.of(LocalDate.of(year + 1, 7, 1))),
                                new EligibilityPeriod(LocalDate.of(year + 2, 1, 1), Optional.empty()))));
            } else {
                members.add(member(id, key, year + "-04-01", random.nextInt(4) == 0 ? (year + 2) + "-10-01" : null));
            }
            int n = random.nextInt(10) == 0 ? 1 + random.nextInt(4) : 0;
            for (int e = 1; e <= n; e++) {
                ConsentAction action = ConsentAction.values()[random.nextInt(4)];
                ConsentTarget target = random.nextBoolean()
                        ? ConsentTarget.category(3)
                        : ConsentTarget.purpose(purposes.get(random.nextInt(purposes.size())));
                events.add(event(
                        id, key, e, action, target, "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10)));
            }
        }
        index.applyRegistry(members);
        index.applyEvents(events);

        for (PurposeCode p : purposes) {
            for (String date : List.of("2025-06-01", "2026-05-15", "2027-05-01", "2027-12-01")) {
                BatchDecision batch = index.decideAll(p, at(date), Instant.MAX);
                var deniedSingles = new ArrayList<BatchDecision.Denial>();
                var bases = new java.util.EnumMap<Basis, Integer>(Basis.class);
                int permitted = 0;
                int onRecord = 0;
                for (MemberEligibility m : members) {
                    Decision d = index.decide(m.key().toString(), p, at(date), Instant.MAX);
                    if (d.permitted()) {
                        permitted++;
                        bases.merge(d.basis().orElseThrow(), 1, Integer::sum);
                        onRecord += d.reservationOnRecord() ? 1 : 0;
                    } else {
                        deniedSingles.add(
                                new BatchDecision.Denial(d.member(), d.reason().orElseThrow()));
                    }
                }
                assertThat(batch.denied()).as(p + " at " + date).containsExactlyElementsOf(deniedSingles);
                assertThat(batch.permitted()).isEqualTo(permitted);
                assertThat(batch.permittedByBasis()).as(p + " at " + date).isEqualTo(bases);
                assertThat(batch.reservationsOnRecord()).isEqualTo(onRecord);
                assertThat(batch.population()).isEqualTo(members.size());
            }
        }
        BatchDecision some = index.decideFor(List.of("B-1-00", "nobody"), P38, at("2026-05-15"), Instant.MAX);
        assertThat(some.population()).isEqualTo(2);
        assertThat(some.denied()).contains(new BatchDecision.Denial("nobody", DenyReason.UNKNOWN_MEMBER));
    }
}
