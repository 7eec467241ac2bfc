package jp.kenpo.privacy.consent;

import static jp.kenpo.privacy.consent.ConsentAction.GIVE;
import static jp.kenpo.privacy.consent.ConsentAction.LIFT;
import static jp.kenpo.privacy.consent.ConsentAction.RESERVE;
import static jp.kenpo.privacy.consent.ConsentAction.WITHDRAW;
import static jp.kenpo.privacy.consent.ConsentState.CONSENTED;
import static jp.kenpo.privacy.consent.ConsentState.DEEMED;
import static jp.kenpo.privacy.consent.ConsentState.RESERVED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberKey;
import org.junit.jupiter.api.Test;

/** The fold of (ア)(イ)(ウ) over a member's events. */
class ConsentHistoryTest {

    private static final PurposeCode P38 = PurposeCode.parse("3.8");
    private static final PurposeCode P39 = PurposeCode.parse("3.9");
    private static final LocalDate PUBLISHED = LocalDate.of(2025, 4, 1);
    private final List<ConsentEvent> events = new ArrayList<>();

    private ConsentHistoryTest event(ConsentAction action, ConsentTarget target, String received, String recorded) {
        int n = events.size() + 1;
        events.add(new ConsentEvent(
                100 + n,
                7,
                new MemberKey("1", "2", "00"),
                n,
                action,
                target,
                LocalDate.parse(received),
                Channel.PAPER,
                Filer.SELF,
                "clerk",
                Instant.parse(recorded),
                Optional.empty(),
                "",
                ""));
        return this;
    }

    private ConsentHistoryTest event(ConsentAction action, PurposeCode code, String received) {
        return event(action, ConsentTarget.purpose(code), received, received + "T09:00:00Z");
    }

    private ConsentState on(PurposeCode code, String day) {
        return ConsentHistory.of(events).stateOf(code, LocalDate.parse(day), Instant.MAX, PUBLISHED);
    }

    @Test
    void silenceIsDeemedConsent() {
        assertThat(on(P38, "2026-01-01")).isEqualTo(DEEMED);
    }

    @Test
    void reserveGiveWithdrawLiftEachSetTheStateFromTheirDate() {
        event(RESERVE, P38, "2026-01-10")
                .event(GIVE, P38, "2026-02-10")
                .event(WITHDRAW, P38, "2026-03-10")
                .event(LIFT, P38, "2026-04-10");

        assertThat(on(P38, "2026-01-09")).isEqualTo(DEEMED);
        assertThat(on(P38, "2026-01-10")).isEqualTo(RESERVED);
        assertThat(on(P38, "2026-02-10")).isEqualTo(CONSENTED);
        assertThat(on(P38, "2026-03-10")).isEqualTo(RESERVED);
        assertThat(on(P38, "2026-04-09")).isEqualTo(RESERVED);
        assertThat(on(P38, "2026-04-10")).isEqualTo(DEEMED);
        assertThat(on(P39, "2026-01-20")).as("another purpose").isEqualTo(DEEMED);
    }

    @Test
    void aCategoryEventCoversEveryPurposeOfTheCategoryAndAPurposeEventOverridesIt() {
        event(RESERVE, ConsentTarget.category(3), "2026-01-10", "2026-01-10T09:00:00Z")
                .event(GIVE, P38, "2026-02-01");

        assertThat(on(P39, "2026-03-01")).isEqualTo(RESERVED);
        assertThat(on(P38, "2026-03-01")).isEqualTo(CONSENTED);
        assertThat(on(PurposeCode.parse("5.1"), "2026-03-01")).isEqualTo(DEEMED);
    }

    @Test
    void aPurposePublishedAfterACategoryReservationStartsDeemed() {
        event(RESERVE, ConsentTarget.category(3), "2026-01-10", "2026-01-10T09:00:00Z");
        ConsentHistory h = ConsentHistory.of(events);

        assertThat(h.stateOf(
                        PurposeCode.parse("3.10"), LocalDate.of(2027, 5, 1), Instant.MAX, LocalDate.of(2027, 4, 1)))
                .isEqualTo(DEEMED);
        assertThat(h.stateOf(
                        PurposeCode.parse("3.10"), LocalDate.of(2027, 5, 1), Instant.MAX, LocalDate.of(2026, 1, 10)))
                .as("published by the day the reservation took effect")
                .isEqualTo(RESERVED);
    }

    @Test
    void aBackDatedEventTakesItsPlaceByReceivedDate() {
        // recorded in this order: a lift received in March, then a reservation received in February
        event(LIFT, ConsentTarget.purpose(P38), "2026-03-01", "2026-03-01T09:00:00Z");
        event(RESERVE, ConsentTarget.purpose(P38), "2026-02-01", "2026-03-05T09:00:00Z");

        assertThat(on(P38, "2026-02-15")).isEqualTo(RESERVED);
        assertThat(on(P38, "2026-03-02")).isEqualTo(DEEMED);
    }

    @Test
    void knownAtReplaysWhatTheSocietyKnewWhenItDecided() {
        event(RESERVE, ConsentTarget.purpose(P38), "2026-02-01", "2026-03-05T09:00:00Z");
        ConsentHistory h = ConsentHistory.of(events);

        assertThat(h.stateOf(P38, LocalDate.of(2026, 2, 15), Instant.parse("2026-03-01T00:00:00Z"), PUBLISHED))
                .isEqualTo(DEEMED);
        assertThat(h.stateOf(P38, LocalDate.of(2026, 2, 15), Instant.parse("2026-03-06T00:00:00Z"), PUBLISHED))
                .isEqualTo(RESERVED);
    }

    @Test
    void theSameEventTwiceCountsOnce() {
        event(RESERVE, P38, "2026-01-10");
        ConsentHistory h = ConsentHistory.of(events);

        assertThat(h.with(events.get(0))).isSameAs(h);
        assertThat(h.size()).isEqualTo(1);
    }
}
