package jp.kenpo.privacy.accounts;

import java.util.Optional;

/**
 * A new (or reset) account and its one-time password, to be handed to its holder once; absent
 * for SYSTEM accounts, which sign in with API tokens only.
 */
public record CreatedAccount(Account account, Optional<String> oneTimePassword) {

    @Override
    public String toString() {
        return "CreatedAccount[" + account.name() + "]";
    }
}
