package jp.kenpo.privacy.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Accounts from configuration ({@code kenpo.security.accounts}), until accounts live in the
 * database. Passwords are stored encoded, e.g. {@code {bcrypt}$2a$10$…}.
 */
@ConfigurationProperties("kenpo.security")
public record AccountsProperties(List<Account> accounts) {

    public AccountsProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    public record Account(String name, String password, List<Role> roles) {
        @Override
        public String toString() {
            return "Account[" + name + ", " + roles + "]";
        }
    }
}
