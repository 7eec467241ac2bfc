package jp.kenpo.privacy.accounts;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-in rules ({@code kenpo.security.*}), after OWASP ASVS level 2 (V2 authentication, V3
 * sessions) — the technical safety management measures of APPI Art. 23.
 *
 * @param secondFactorRoles      roles that must sign in with a TOTP code as well as a password
 * @param lockoutAttempts        consecutive failed sign-ins that lock an account
 * @param lockoutDuration        how long a locked account stays locked (an officer's reset unlocks it)
 * @param signInsPerMinute       sign-in attempts allowed per minute from one address, over all accounts
 * @param tokenValidity          how long an API token is valid unless its issuer says otherwise
 * @param tokenMaxValidity       the longest validity an API token may have
 * @param firstOfficer           the name of the privacy officer account created on first start
 * @param sessionLifetime        a signed-in session ends this long after sign-in, however active
 */
@ConfigurationProperties("kenpo.security")
public record SecurityPolicy(
        @DefaultValue({"PRIVACY_OFFICER", "CLERK", "AUDITOR"})
        Set<Role> secondFactorRoles,

        @DefaultValue("5") int lockoutAttempts,
        @DefaultValue("15m") Duration lockoutDuration,
        @DefaultValue("30") int signInsPerMinute,
        @DefaultValue("90d") Duration tokenValidity,
        @DefaultValue("365d") Duration tokenMaxValidity,
        @DefaultValue("officer") String firstOfficer,
        @DefaultValue("12h") Duration sessionLifetime) {

    public SecurityPolicy {
        secondFactorRoles = Set.copyOf(secondFactorRoles);
    }

    public boolean secondFactorRequired(Role role) {
        return secondFactorRoles.contains(role);
    }
}
