package jp.kenpo.privacy.mynumber;

import java.util.List;

/** How many numbers the vault holds and which master keys wrap its keys (for a key rotation). */
public record VaultStatus(long numbers, String currentMasterKeyId, List<Wrapping> wrappings) {

    /** @param pseudonymKeys recipients' STABLE pseudonym keys (anonymized releases) this master key wraps */
    public record Wrapping(String masterKeyId, boolean current, int dataKeys, int lookupKeys, int pseudonymKeys) {}

    public VaultStatus {
        wrappings = List.copyOf(wrappings);
    }
}
