package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kenpo.privacy.members.EligibilityPeriod;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberKind;
import jp.kenpo.privacy.members.Sex;
import org.junit.jupiter.api.Test;

/**
 * k over the cumulative person table of a recipient's STABLE releases (PPC Rules Art. 34(5)). Every
 * quasi-identifier but sex is at its top level here, so the classes are the sexes.
 */
class CumulativePersonsTest {

    private static final LocalDate CUT_OFF = LocalDate.of(2025, 5, 31);
    private static final Map<String, Integer> CEILING =
            Map.of("sex", 0, "birth_month", 4, "kind", 1, "enrolled", 3, "withdrawn", 3);
    private static final ReleaseSpec.Thresholds K3 = new ReleaseSpec.Thresholds(3, 0.5, 3, 2, 3, 90, 99.5, 99.5);

    private static CumulativePersons.Row earlier(long id, String sex) {
        return new CumulativePersons.Row(id, sex, "1980-05", "本人", "2020-04", "");
    }

    private static Member member(long id) {
        return new Member(
                id,
                "06130207",
                new MemberKey("4711", Long.toString(id), "00"),
                MemberKind.INSURED,
                Optional.empty(),
                "見本 太郎",
                "ミホン タロウ",
                Sex.MALE,
                LocalDate.of(1980, 5, 6),
                List.of(new EligibilityPeriod(LocalDate.of(2020, 4, 1), Optional.empty())));
    }

    /** This release's persons (all released by its own search, at finer levels than the earlier releases'). */
    private static PersonClasses.Outcome searched(Map<Long, String> sexes) {
        List<PersonClasses.Person> persons = sexes.entrySet().stream()
                .map(e -> new PersonClasses.Person(e.getKey(), e.getValue(), "1980-05", "本人", "2020-04", "", ""))
                .toList();
        boolean[] released = new boolean[persons.size()];
        java.util.Arrays.fill(released, true);
        String[][] values = new String[persons.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = persons.get(i).quasi();
        }
        return new PersonClasses.Outcome(
                persons, released, values, Map.of("sex", 0, "birth_month", 0), null, Optional.empty(), null);
    }

    private static Map<Long, Member> members(Map<Long, String> sexes) {
        Map<Long, Member> m = new HashMap<>();
        sexes.keySet().forEach(id -> m.put(id, member(id)));
        return m;
    }

    @Test
    void aLaterReleaseKeepsTheEarlierGeneralisationAndCountsWhatTheRecipientHolds() {
        var cumulative = new CumulativePersons(
                "V",
                Map.of(1L, earlier(1, "1"), 2L, earlier(2, "1"), 3L, earlier(3, "1"), 4L, earlier(4, "2")),
                CEILING);
        Map<Long, String> now = new LinkedHashMap<>();
        now.put(4L, "2");
        now.put(5L, "2");
        now.put(6L, "2");
        now.put(7L, "1"); // alone in this release, but three of sex 1 were released before
        now.put(8L, "9"); // a class of one, in this release and before: suppressed
        Map<String, Long> processing = new LinkedHashMap<>();
        PersonClasses.Outcome out = cumulative.apply(searched(now), members(now), CUT_OFF, K3, processing);

        assertThat(out.released()).containsExactly(true, true, true, true, false);
        assertThat(out.level("birth_month"))
                .as("the earlier releases' level, not this search's")
                .isEqualTo(4);
        assertThat(out.values()[0]).containsExactly("2", "*", "*", "*", "*");
        assertThat(processing)
                .containsEntry("persons in the cumulative person table of the recipient (STABLE)", 7L)
                .containsEntry("smallest class of the cumulative person table (STABLE)", 3L);
        assertThat(cumulative.added())
                .extracting(CumulativePersons.Row::memberId)
                .containsExactly(4L, 5L, 6L, 7L);
    }

    @Test
    void aSuppressedPersonAlreadyReleasedStillCountsWithWhatWasReleased() {
        // member 4 was released as sex 2; now recorded as 9, a class of one: left out, the old row stays
        var cumulative = new CumulativePersons("V", Map.of(4L, earlier(4, "2"), 5L, earlier(5, "2")), CEILING);
        Map<Long, String> now = new LinkedHashMap<>();
        now.put(4L, "9");
        now.put(5L, "2");
        now.put(6L, "2");
        now.put(7L, "2");
        Map<String, Long> processing = new LinkedHashMap<>();
        PersonClasses.Outcome out = cumulative.apply(searched(now), members(now), CUT_OFF, K3, processing);
        assertThat(out.released()).containsExactly(false, true, true, true);
        assertThat(processing).containsEntry("smallest class of the cumulative person table (STABLE)", 4L);
    }

    @Test
    void aClassOfEarlierPersonsAloneBelowKRefusesTheRelease() {
        var cumulative = new CumulativePersons("V", Map.of(1L, earlier(1, "1"), 2L, earlier(2, "1")), CEILING);
        Map<Long, String> now = Map.of(5L, "2", 6L, "2", 7L, "2");
        assertThatThrownBy(() -> cumulative.apply(searched(now), members(now), CUT_OFF, K3, new HashMap<>()))
                .isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("STABLE releases to V")
                .hasMessageContaining("a class of 2 persons already released, fewer than k = 3");
    }

    @Test
    void moreSuppressionsThanTheLimitRefuseTheRelease() {
        var cumulative = new CumulativePersons("V", Map.of(), CEILING);
        Map<Long, String> now = new LinkedHashMap<>();
        now.put(5L, "2");
        now.put(6L, "2");
        now.put(7L, "2");
        now.put(8L, "8");
        now.put(9L, "9");
        now.put(10L, "7");
        now.put(11L, "6");
        assertThatThrownBy(() -> cumulative.apply(searched(now), members(now), CUT_OFF, K3, new HashMap<>()))
                .isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("only if 4 of the 7 persons are suppressed");
    }
}
