package jp.kenpo.privacy.members;

import java.util.List;

/** What the decision service needs of a member: who, and when they were eligible. */
public record MemberEligibility(long memberId, MemberKey key, List<EligibilityPeriod> periods) {

    public MemberEligibility {
        periods = List.copyOf(periods);
    }
}
