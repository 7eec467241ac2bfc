package jp.kenpo.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.members.MemberKey;
import org.junit.jupiter.api.Test;

class EventHashTest {

    private static final MemberKey MEMBER = new MemberKey("1234", "5678", "01");

    private static String hash(String recordedBy, String note) {
        return hash(MEMBER, recordedBy, note);
    }

    private static String hash(MemberKey member, String recordedBy, String note) {
        return EventHash.of(
                1,
                member,
                1,
                ConsentAction.RESERVE,
                ConsentTarget.purpose(PurposeCode.parse("3.8")),
                LocalDate.of(2026, 1, 1),
                Channel.PAPER,
                Filer.SELF,
                recordedBy,
                Instant.parse("2026-01-01T00:00:00Z"),
                note,
                EventHash.GENESIS);
    }

    @Test
    void everyFieldCountsAndFieldsCannotBleedIntoEachOther() {
        assertThat(hash("clerk", null)).hasSize(64).isEqualTo(hash("clerk", ""));
        assertThat(hash("clerk", "a")).isNotEqualTo(hash("clerk", "b"));
        assertThat(hash("clerk\n1:x", "")).isNotEqualTo(hash("clerk", "x"));
        assertThat(hash(new MemberKey("1234", "5679", "01"), "clerk", null)).isNotEqualTo(hash("clerk", null));
    }
}
