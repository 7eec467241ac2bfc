package jp.kenpo.privacy.web;

import static jp.kenpo.privacy.accounts.Role.AUDITOR;
import static jp.kenpo.privacy.accounts.Role.CLERK;
import static jp.kenpo.privacy.accounts.Role.MEMBER;
import static jp.kenpo.privacy.accounts.Role.PRIVACY_OFFICER;
import static jp.kenpo.privacy.accounts.Role.SYSTEM;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import jp.kenpo.privacy.accounts.ApiTokenSignIn;
import jp.kenpo.privacy.accounts.MemberAccess;
import jp.kenpo.privacy.accounts.PasswordSignIn;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.accounts.SecurityPolicy;
import jp.kenpo.privacy.accounts.SignInDetails;
import jp.kenpo.privacy.accounts.SignInService;
import jp.kenpo.privacy.accounts.SignedIn;
import jp.kenpo.privacy.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what (APPI Art. 23 technical safety measures; OWASP ASVS level 2). Nothing but the
 * public notice, signing in and the API's description is open; every other endpoint names the roles that may use it,
 * and anything not named is refused.
 *
 * <p>People sign in with a session: {@code POST /api/v1/session} with name, password and (where
 * the policy asks) a TOTP code; the session cookie is HttpOnly and SameSite=Strict, and every
 * change made with it carries the session's CSRF token. Other systems send an API token
 * ({@code Authorization: Bearer …}) with each request, in a filter chain of their own that keeps
 * no session: no cookie, so nothing to outlive the token and no CSRF to forge.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {

    static final String SESSION = "/api/v1/session";

    /**
     * Requests of other systems, with an API token: stateless. No session is created, read or
     * answered with a cookie — a cookie would outlive the token, staying signed in after the token
     * was revoked or had expired — and a session cookie sent along is ignored: the token alone
     * says who calls, and is looked up with every request. There is no session to sign in to or
     * out of ({@code POST}/{@code DELETE /api/v1/session} are refused) and no CSRF to forge.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiTokens(
            HttpSecurity http,
            SignInService signIns,
            MemberAccess memberAccess,
            AuditTrail audit,
            JsonMapper json,
            Clock clock)
            throws Exception {
        var handlers = new SecurityHandlers(new Problems(json), audit, signIns, clock);
        var manager = new ProviderManager(List.of(new ApiTokenSignIn(signIns)));
        var bearer = new AuthenticationFilter(
                manager,
                request ->
                        new ApiTokenSignIn.Presented(SecurityHandlers.bearerToken(request), request.getRemoteAddr()));
        bearer.setSuccessHandler((request, response, auth) -> {
            // the request goes on to its endpoint, signed in for this request only
        });
        bearer.setFailureHandler(handlers.tokenRefused());
        bearer.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());

        http.securityMatcher(SecurityHandlers::carriesBearerToken)
                .authenticationManager(manager)
                .authorizeHttpRequests(auth -> rules(auth, memberAccess))
                .addFilterBefore(new SecurityHandlers.NoSession(), SecurityContextHolderFilter.class)
                .addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(e ->
                        e.authenticationEntryPoint(handlers.signInRequired()).accessDeniedHandler(handlers.refused()))
                .headers(SecurityConfig::headers);
        return http.build();
    }

    /** People: a session signed in with password and second factor, every change with its CSRF token. */
    @Bean
    @Order(2)
    SecurityFilterChain sessions(
            HttpSecurity http,
            SignInService signIns,
            MemberAccess memberAccess,
            AuditTrail audit,
            SecurityPolicy policy,
            JsonMapper json,
            Clock clock)
            throws Exception {
        var handlers = new SecurityHandlers(new Problems(json), audit, signIns, clock);
        var manager = new ProviderManager(List.of(new PasswordSignIn(signIns)));

        http.authenticationManager(manager)
                .authorizeHttpRequests(auth -> rules(auth, memberAccess))
                .formLogin(form -> form.loginPage(SESSION)
                        .loginProcessingUrl(SESSION)
                        .authenticationDetailsSource(
                                request -> new SignInDetails(request.getRemoteAddr(), request.getParameter("code")))
                        .successHandler(handlers.signedIn())
                        .failureHandler(handlers.signInFailed()))
                .logout(logout -> logout.logoutRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.DELETE, SESSION))
                        .addLogoutHandler(handlers.recordSignOut())
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .addFilterBefore(
                        new SecurityHandlers.SessionLifetime(policy.sessionLifetime(), clock),
                        SecurityContextHolderFilter.class)
                .addFilterAfter(new SecurityHandlers.SessionStillValid(signIns), CsrfFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                // an API answers 401; it does not remember requests to replay after a sign-in page
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(csrfProtected())
                        .csrfTokenRequestHandler(new HeaderOrFormCsrfToken()))
                .exceptionHandling(e ->
                        e.authenticationEntryPoint(handlers.signInRequired()).accessDeniedHandler(handlers.refused()))
                .headers(SecurityConfig::headers);
        return http.build();
    }

    /**
     * People on the pages ({@code /console}, {@code /portal}, the public {@code /notice}): the same
     * accounts, roles and sign-in (password and authenticator code) as the API, in a session with a
     * CSRF token in every form; a page that needs an account sends whoever has none to the sign-in
     * page, and every refusal is audited. First in order, matched by path, so that the API keeps
     * its own answers (a JSON 401 under {@code /api/v1/}).
     */
    @Bean
    @Order(0)
    SecurityFilterChain pages(
            HttpSecurity http,
            SignInService signIns,
            MemberAccess memberAccess,
            AuditTrail audit,
            SecurityPolicy policy,
            Clock clock,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> controllers)
            throws Exception {
        var handlers = new PageHandlers(audit, signIns, clock);
        var manager = new ProviderManager(List.of(new PasswordSignIn(signIns)));
        String[] staff = roles(PRIVACY_OFFICER, CLERK, AUDITOR);
        String[] people = authorities(Set.of(PRIVACY_OFFICER, CLERK, AUDITOR, MEMBER), SignedIn.SETUP_AUTHORITY);
        http.securityMatcher(PageHandlers.PAGES)
                .authenticationManager(manager)
                .authorizeHttpRequests(auth -> auth.requestMatchers(PageHandlers.PUBLIC)
                        .permitAll()
                        .requestMatchers("/account/**")
                        .hasAnyAuthority(people)
                        .requestMatchers(HttpMethod.GET, "/console/members/{key}/decision")
                        .hasAnyRole(roles(PRIVACY_OFFICER, CLERK))
                        .requestMatchers("/console/members/{key}/forms", "/console/members/{key}/forms/**")
                        .hasAnyRole(roles(PRIVACY_OFFICER, CLERK))
                        .requestMatchers(HttpMethod.GET, "/console/audit", "/console/audit/verification")
                        .hasAnyRole(roles(PRIVACY_OFFICER, AUDITOR))
                        // the catalog as over the API: staff read it, the privacy officer alone checks and publishes
                        .requestMatchers(
                                HttpMethod.GET,
                                "/console/catalog",
                                "/console/catalog/versions/{number}",
                                "/console/catalog/versions/{number}/source")
                        .hasAnyRole(staff)
                        .requestMatchers(
                                "/console/catalog/new",
                                "/console/catalog/check",
                                "/console/catalog/confirm",
                                "/console/catalog/publish")
                        .hasRole(PRIVACY_OFFICER.name())
                        // accounts and tokens, as /api/v1/accounts
                        .requestMatchers("/console/accounts", "/console/accounts/**")
                        .hasRole(PRIVACY_OFFICER.name())
                        .requestMatchers(
                                HttpMethod.GET,
                                "/console/imports",
                                "/console/imports/*",
                                "/console/quarantine",
                                "/console/quarantine/*")
                        .hasAnyRole(roles(PRIVACY_OFFICER, CLERK))
                        .requestMatchers(
                                HttpMethod.POST,
                                "/console/imports/members",
                                "/console/imports/receipts",
                                "/console/imports/checkups")
                        .hasAnyRole(roles(PRIVACY_OFFICER, CLERK))
                        .requestMatchers(HttpMethod.GET, "/console", "/console/members", "/console/members/{key}")
                        .hasAnyRole(staff)
                        .requestMatchers(HttpMethod.GET, "/portal")
                        .hasRole(MEMBER.name())
                        .requestMatchers("/portal/members/{key}", "/portal/members/{key}/**")
                        .access(new MemberScoped(memberAccess))
                        // members' requests, as the API: staff read, the clerks and the officer act
                        .requestMatchers(HttpMethod.GET, "/console/requests", "/console/requests/{id}")
                        .hasAnyRole(staff)
                        .requestMatchers(HttpMethod.POST, "/console/requests/{id}/**")
                        .hasAnyRole(roles(PRIVACY_OFFICER, CLERK))
                        // a path no page answers is a 404; one a page answers without a rule above is refused
                        .anyRequest()
                        .access(new Unmapped(controllers::getObject)))
                .formLogin(form -> form.loginPage(PageHandlers.SIGN_IN)
                        .loginProcessingUrl(PageHandlers.SIGN_IN)
                        .authenticationDetailsSource(
                                request -> new SignInDetails(request.getRemoteAddr(), request.getParameter("code")))
                        .successHandler(handlers.signedIn())
                        .failureHandler(handlers.signInFailed()))
                .logout(logout -> logout.logoutRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/sign-out"))
                        .addLogoutHandler(handlers.recordSignOut())
                        .logoutSuccessUrl(PageHandlers.SIGN_IN + "?signedOut"))
                .addFilterBefore(
                        new SecurityHandlers.SessionLifetime(policy.sessionLifetime(), clock),
                        SecurityContextHolderFilter.class)
                .addFilterAfter(new SecurityHandlers.SessionStillValid(signIns), CsrfFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new HeaderOrFormCsrfToken()))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(handlers.signInPage()).accessDeniedHandler(handlers.refused()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(PageHandlers.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        return http.build();
    }

    /** Who may call what: one table for both ways in; anything not named is refused. */
    private static void rules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
            MemberAccess memberAccess) {
        var staffScoped = new MemberScoped(memberAccess, PRIVACY_OFFICER, CLERK, AUDITOR);
        var clerkScoped = new MemberScoped(memberAccess, PRIVACY_OFFICER, CLERK);
        String[] anyRole = roles(PRIVACY_OFFICER, CLERK, AUDITOR, SYSTEM, MEMBER);
        String[] people = authorities(Set.of(PRIVACY_OFFICER, CLERK, AUDITOR, MEMBER), SignedIn.SETUP_AUTHORITY);
        auth.requestMatchers(HttpMethod.GET, "/api/v1/notice")
                .permitAll()
                .requestMatchers("/error")
                .permitAll()
                .requestMatchers(HttpMethod.GET, SESSION)
                .permitAll()
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/account/password",
                        "/api/v1/account/second-factor",
                        "/api/v1/account/second-factor/confirm")
                .hasAnyAuthority(people)
                // the API's description holds no data (its page, /api/v1/docs, is ApiDocs')
                .requestMatchers(
                        HttpMethod.GET, "/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/v1/openapi.json.yaml")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/catalog", "/api/v1/catalog/**")
                .hasAnyRole(anyRole)
                .requestMatchers(HttpMethod.POST, "/api/v1/catalog/versions")
                .hasRole(PRIVACY_OFFICER.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/members/import")
                .hasAnyRole(roles(PRIVACY_OFFICER, CLERK))
                .requestMatchers(HttpMethod.GET, "/api/v1/members")
                .hasAnyRole(roles(PRIVACY_OFFICER, CLERK, AUDITOR))
                .requestMatchers(HttpMethod.GET, "/api/v1/members/{key}/my-number")
                .hasAnyRole(roles(PRIVACY_OFFICER, CLERK))
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/members/{key}",
                        "/api/v1/members/{key}/consent",
                        "/api/v1/members/{key}/consent-events",
                        "/api/v1/members/{key}/corrections",
                        "/api/v1/members/{key}/provisions",
                        "/api/v1/members/{key}/requests")
                .access(staffScoped)
                .requestMatchers(HttpMethod.POST, "/api/v1/members/{key}/corrections")
                .hasAnyRole(roles(PRIVACY_OFFICER, CLERK))
                .requestMatchers(HttpMethod.POST, "/api/v1/members/{key}/consent-events")
                .access(clerkScoped)
                .requestMatchers(HttpMethod.POST, "/api/v1/decisions", "/api/v1/decisions/batch")
                .hasAnyRole(roles(SYSTEM, CLERK, PRIVACY_OFFICER))
                // which of these roles may read individual numbers is the vault's to decide
                // (kenpo.mynumber.reader-roles)
                .requestMatchers(HttpMethod.POST, "/api/v1/my-numbers/reads")
                .hasAnyRole(roles(PRIVACY_OFFICER, CLERK, AUDITOR, SYSTEM))
                .requestMatchers(HttpMethod.GET, "/api/v1/recipients", "/api/v1/recipients/{id}")
                .hasAnyRole(roles(PRIVACY_OFFICER, CLERK, AUDITOR))
                .requestMatchers(HttpMethod.POST, "/api/v1/recipients", "/api/v1/recipients/{id}/*")
                .hasRole(PRIVACY_OFFICER.name())
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/provisions",
                        "/api/v1/acquisitions",
                        "/api/v1/online-eligibility/imports")
                .hasAnyRole(roles(PRIVACY_OFFICER, CLERK, SYSTEM))
                // deleting legal records, even past their end, is the privacy officer's decision
                .requestMatchers(HttpMethod.POST, "/api/v1/records/purge")
                .hasRole(PRIVACY_OFFICER.name())
                // the public statement on anonymized information stands beside the notice (APPI Art. 43(3))
                .requestMatchers(HttpMethod.GET, "/api/v1/releases/publication")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/releases", "/api/v1/releases/{id}")
                .hasAnyRole(roles(PRIVACY_OFFICER, AUDITOR))
                .requestMatchers(
                        HttpMethod.POST, "/api/v1/releases", "/api/v1/releases/checks", "/api/v1/releases/{id}/*")
                .hasRole(PRIVACY_OFFICER.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/ledger/verification")
                .hasAnyRole(roles(PRIVACY_OFFICER, AUDITOR))
                .requestMatchers("/api/v1/audit/**")
                .hasAnyRole(roles(PRIVACY_OFFICER, AUDITOR))
                // the member's requests (APPI Art. 32-35): a member files their own or a dependent's, which
                // the controller checks against the member the body names
                .requestMatchers(HttpMethod.POST, "/api/v1/requests")
                .hasAnyRole(roles(PRIVACY_OFFICER, CLERK, MEMBER))
                .requestMatchers(HttpMethod.GET, "/api/v1/requests", "/api/v1/requests/{id}")
                .hasAnyRole(roles(PRIVACY_OFFICER, CLERK, AUDITOR))
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/requests/{id}/verification",
                        "/api/v1/requests/{id}/decision",
                        "/api/v1/requests/{id}/answer")
                .hasAnyRole(roles(PRIVACY_OFFICER, CLERK))
                .requestMatchers("/api/v1/accounts", "/api/v1/accounts/**")
                .hasRole(PRIVACY_OFFICER.name())
                .anyRequest()
                .denyAll();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                // sent on requests that came over TLS (directly or, with forwarded headers, through a proxy)
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    /**
     * A change needs the session's CSRF token when it comes with the cookie of a live session, and
     * always for signing in (login CSRF). A request with no credentials at all (one with an API
     * token never comes here),
     * or with the cookie of a session that has ended (timed out, signed out, its account disabled)
     * carries nothing a forged request could borrow: it goes on signed out, and is answered 401.
     */
    private static RequestMatcher csrfProtected() {
        Set<String> safe = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
        return request -> !safe.contains(request.getMethod())
                && (request.isRequestedSessionIdValid() || SESSION.equals(request.getRequestURI()));
    }

    private static String[] roles(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }

    private static String[] authorities(Set<Role> roles, String... more) {
        var all = new java.util.ArrayList<String>();
        roles.forEach(r -> all.add(r.authority()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
