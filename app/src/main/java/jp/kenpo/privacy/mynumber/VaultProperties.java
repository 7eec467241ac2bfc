package jp.kenpo.privacy.mynumber;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.kenpo.privacy.accounts.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the vault's master key is and who may read individual numbers ({@code kenpo.mynumber.*}).
 * The master key is kept outside the database and never committed (PPC My Number guideline,
 * technical safety measures): {@code file:/PATH} for a key file, {@code pkcs12:/PATH#ALIAS} for
 * a PKCS#12 keystore whose password is {@code keystore-password} (e.g. from KENPO_KEYSTORE_PASSWORD).
 *
 * @param masterKey          the key that wraps data keys; absent: the vault is unavailable
 * @param previousMasterKeys keys that may still wrap some data keys, during a rotation
 * @param readerRoles        roles that may read numbers in full (事務取扱担当者), for My Number purposes only
 * @param maskedViewRoles    roles that may see the masked number ({@code ********1234})
 */
@ConfigurationProperties("kenpo.mynumber")
public record VaultProperties(
        String masterKey,
        @DefaultValue List<String> previousMasterKeys,
        String keystorePassword,
        @DefaultValue({"CLERK", "SYSTEM"}) Set<Role> readerRoles,
        @DefaultValue({"PRIVACY_OFFICER", "CLERK"}) Set<Role> maskedViewRoles) {

    public VaultProperties {
        masterKey = masterKey == null || masterKey.isBlank() ? null : masterKey.strip();
        previousMasterKeys = previousMasterKeys.stream()
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .toList();
        readerRoles = Set.copyOf(readerRoles);
        maskedViewRoles = Set.copyOf(maskedViewRoles);
    }

    public Optional<String> masterKeyReference() {
        return Optional.ofNullable(masterKey);
    }

    @Override
    public String toString() {
        return "VaultProperties[masterKey=" + (masterKey != null) + ", previous=" + previousMasterKeys.size() + "]";
    }
}
