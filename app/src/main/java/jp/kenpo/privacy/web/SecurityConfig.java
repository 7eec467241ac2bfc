package jp.kenpo.privacy.web;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Nothing but the public notice is readable without signing in; every other
 * endpoint names the roles that may use it, and anything not named is refused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AccountsProperties.class)
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);
    private static final String OFFICER = Role.PRIVACY_OFFICER.name();
    private static final String CLERK = Role.CLERK.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String SYSTEM = Role.SYSTEM.name();

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/v1/notice").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/openapi.json", "/api/v1/openapi.json/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/catalog/**").hasAnyRole(OFFICER, CLERK, AUDITOR, SYSTEM)
                        .requestMatchers(HttpMethod.POST, "/api/v1/catalog/versions").hasRole(OFFICER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/members/import").hasAnyRole(OFFICER, CLERK)
                        .requestMatchers(HttpMethod.POST, "/api/v1/members/*/consent-events").hasAnyRole(OFFICER, CLERK)
                        .requestMatchers(HttpMethod.GET, "/api/v1/members", "/api/v1/members/**")
                        .hasAnyRole(OFFICER, CLERK, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/decisions", "/api/v1/decisions/batch")
                        .hasAnyRole(OFFICER, CLERK, SYSTEM)
                        .requestMatchers(HttpMethod.GET, "/api/v1/ledger/verification").hasAnyRole(OFFICER, AUDITOR)
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                // a stateless API signed in on every request: no session cookie, so no CSRF to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService accounts(AccountsProperties properties, PasswordEncoder encoder) {
        var users = new ArrayList<UserDetails>();
        for (AccountsProperties.Account a : properties.accounts()) {
            users.add(User.withUsername(a.name()).password(a.password())
                    .roles(a.roles().stream().map(Role::name).toArray(String[]::new)).build());
        }
        if (users.isEmpty()) {
            users.addAll(generated(encoder));
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** With no accounts configured, one per role with a random password, told once on the console. */
    private static List<UserDetails> generated(PasswordEncoder encoder) {
        var random = new SecureRandom();
        var users = new ArrayList<UserDetails>();
        for (Role role : Role.values()) {
            byte[] secret = new byte[18];
            random.nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            String name = role.name().toLowerCase(java.util.Locale.ROOT).replace("privacy_", "");
            log.warn("No accounts configured (kenpo.security.accounts): generated account '{}' ({}) with password {}",
                    name, role, password);
            users.add(User.withUsername(name).password(encoder.encode(password)).roles(role.name()).build());
        }
        return users;
    }
}
