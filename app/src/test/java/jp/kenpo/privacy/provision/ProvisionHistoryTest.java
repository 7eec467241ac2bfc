package jp.kenpo.privacy.provision;

import static jp.kenpo.privacy.testing.TestAccounts.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.UnknownMemberException;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProvisionHistoryTest extends DatabaseTest {

    @Autowired
    ProvisionHistory history;

    @Autowired
    MemberImport memberImport;

    @Test
    void aMemberNothingWasProvidedOfHasAnEmptyHistory() {
        MemberKey key = TestMembers.register(memberImport);
        assertThat(operator(() -> history.ofMember(key))).isEmpty();
    }

    @Test
    void anUnknownMemberHasNoHistory() {
        assertThatThrownBy(() -> operator(() -> history.ofMember(MemberKey.parse(TestMembers.freshSymbol() + "-1-00"))))
                .isInstanceOf(UnknownMemberException.class);
    }
}
