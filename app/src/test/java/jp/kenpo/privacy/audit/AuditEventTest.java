package jp.kenpo.privacy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.kenpo.privacy.testing.TestNumbers;
import org.junit.jupiter.api.Test;

/** What an event may say: members only by their keys, and never an individual number. */
class AuditEventTest {

    private static final AuditEvent SEARCH = AuditEvent.of(AuditAction.AUDIT_SEARCHED, "a search");

    @Test
    void membersAreNamedByTheirKeysOnly() {
        assertThat(SEARCH.member("1234-5678-01").members()).containsExactly("1234-5678-01");
        // a comma would count as two members in the index, and verification would fail for ever after
        assertThatThrownBy(() -> SEARCH.member("A-1-00,B-2-00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SYMBOL-NUMBER-BRANCH");
        assertThatThrownBy(() -> SEARCH.member("A".repeat(40) + "-1-00"))
                .as("longer than the index column")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SEARCH.members(List.of("A-1-00", ""))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNumberInADetailOrAnActorsNameIsKeptMasked() {
        String number = TestNumbers.next();
        var event = AuditEvent.of(AuditAction.ACCESS_REFUSED, "GET /api/v1/members/" + number + ": not allowed")
                .by(new Actor(number, "NONE", "127.0.0.1"));
        assertThat(event.detail()).isEqualTo("GET /api/v1/members/********" + number.substring(8) + ": not allowed");
        assertThat(event.actor().orElseThrow().name()).isEqualTo("********" + number.substring(8));
    }
}
