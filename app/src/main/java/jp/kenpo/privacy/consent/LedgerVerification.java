package jp.kenpo.privacy.consent;

import java.util.Optional;

/** The result of recomputing every chain of the ledger. */
public record LedgerVerification(
        boolean intact, long eventsChecked, long chainsChecked, Optional<String> firstBrokenLink) {}
