package jp.kenpo.privacy.accounts;

import java.time.Instant;

/** A new API token: its value is shown this once and stored only as a hash. */
public record IssuedToken(String account, long id, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[" + account + " #" + id + ", expires " + expiresAt + "]";
    }
}
