package jp.kenpo.privacy.members;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A period of membership: from 資格取得日 (the day eligibility is acquired) up to, but not
 * including, 資格喪失日 (the day it is lost — by the Health Insurance Act the day after the last
 * day of employment, so the member is no longer covered on it). Open while still eligible.
 */
public record EligibilityPeriod(LocalDate acquiredOn, Optional<LocalDate> lostOn) {

    public EligibilityPeriod {
        Objects.requireNonNull(acquiredOn);
        Objects.requireNonNull(lostOn);
        if (lostOn.isPresent() && !lostOn.get().isAfter(acquiredOn)) {
            throw new IllegalArgumentException("lost_on " + lostOn.get() + " must be after acquired_on " + acquiredOn);
        }
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(acquiredOn) && lostOn.map(date::isBefore).orElse(true);
    }

    public boolean overlaps(EligibilityPeriod other) {
        boolean thisEndsFirst = lostOn.isPresent() && !lostOn.get().isAfter(other.acquiredOn);
        boolean otherEndsFirst = other.lostOn.isPresent() && !other.lostOn.get().isAfter(acquiredOn);
        return !thisEndsFirst && !otherEndsFirst;
    }
}
