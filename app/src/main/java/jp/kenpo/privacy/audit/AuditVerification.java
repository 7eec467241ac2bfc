package jp.kenpo.privacy.audit;

import java.util.Optional;

/**
 * The result of recomputing every chain of the trail.
 *
 * @param firstBroken the earliest entry that no longer matches its hash, does not link to its
 *                    predecessor, follows a gap, or a chain whose end no longer matches its head
 */
public record AuditVerification(boolean intact, long entriesChecked, int chains, Optional<String> firstBroken) {}
