package jp.kenpo.privacy.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import jp.kenpo.privacy.accounts.PasswordSignIn;
import jp.kenpo.privacy.accounts.SessionView;
import jp.kenpo.privacy.accounts.SetupStep;
import jp.kenpo.privacy.accounts.SignInService;
import jp.kenpo.privacy.accounts.SignedIn;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.members.MemberKey;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.filter.OncePerRequestFilter;

/** How the security filters answer: sign-in, sign-out, refusals, the session's lifetime and its account's state. */
final class SecurityHandlers {

    /** The session attribute holding when its holder signed in. */
    static final String SIGNED_IN_AT = "kenpo.signedInAt";
    /** Everything the application serves is under this path; public endpoints are named in {@link SecurityConfig}. */
    static final String API = "/api/v1/";

    private static final Pattern MEMBER_PATH = Pattern.compile("^/api/v1/members/([^/]+)");

    private final Problems problems;
    private final AuditTrail audit;
    private final SignInService signIns;
    private final Clock clock;

    SecurityHandlers(Problems problems, AuditTrail audit, SignInService signIns, Clock clock) {
        this.problems = problems;
        this.audit = audit;
        this.signIns = signIns;
        this.clock = clock;
    }

    /** Signed in: the session as JSON, with the CSRF token the new session id came with. */
    AuthenticationSuccessHandler signedIn() {
        return (request, response, auth) -> {
            request.getSession().setAttribute(SIGNED_IN_AT, clock.instant());
            problems.writeJson(response, SessionView.of(auth, request));
        };
    }

    /**
     * Never says why: a wrong name, a wrong password and a locked account look alike (OWASP ASVS
     * 2.2). Only a caller who gave the right password and a right but used code is told to wait
     * for the next one: they hold both factors already.
     */
    AuthenticationFailureHandler signInFailed() {
        return (request, response, e) -> refuseSignIn(request, response, e);
    }

    private void refuseSignIn(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof PasswordSignIn.ThrottledException) {
            response.setHeader("Retry-After", "60");
            problems.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many sign-in attempts",
                    "too many sign-in attempts from this address; wait a minute");
            return;
        }
        if (e instanceof PasswordSignIn.CodeUsedAlreadyException) {
            problems.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Code used already",
                    "this code was used already (each code signs in once, and the one that confirmed the "
                            + "authenticator counts); wait for the next code and sign in with it");
            return;
        }
        problems.write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                "Sign-in failed",
                "sign-in failed; after repeated failures the account is locked for a while");
    }

    /** A refused API token gets the same answer as a refused sign-in. */
    AuthenticationFailureHandler tokenRefused() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"kenpo-privacy\", error=\"invalid_token\"");
            if (e instanceof PasswordSignIn.ThrottledException) {
                refuseSignIn(request, response, e);
                return;
            }
            problems.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Invalid API token",
                    "the API token is not valid (unknown, expired or revoked)");
        };
    }

    /**
     * A request without an account where one is needed. Audited like every refusal, one entry per
     * request, but only under the API's path: public endpoints never come here (they are open), and
     * whatever else a browser or a scanner asks for (a favicon, a probe) would fill the trail with
     * requests for nothing that exists.
     */
    AuthenticationEntryPoint signInRequired() {
        return (request, response, e) -> {
            if (request.getRequestURI().startsWith(API)) {
                boolean ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
                audit.recordRefusal(
                        refusal(request, ended ? "the session has ended: sign-in required" : "sign-in required"));
            }
            response.setHeader("WWW-Authenticate", "Bearer realm=\"kenpo-privacy\"");
            problems.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Sign-in required",
                    "sign in (POST /api/v1/session) or send an API token");
        };
    }

    /** Every refusal is audited, naming the member whose data was asked for. */
    AccessDeniedHandler refused() {
        return (request, response, e) -> {
            var auth = SecurityContextHolder.getContext().getAuthentication();
            if (!(e instanceof CsrfException)
                    && auth != null
                    && auth.getPrincipal() instanceof SignedIn who
                    && !who.setup().isEmpty()) {
                String remains = remainingSetup(who.setup());
                audit.recordRefusal(refusal(request, "account set-up not finished"));
                problems.write(request, response, HttpStatus.FORBIDDEN, "Account set-up not finished", remains);
                return;
            }
            String why = e instanceof CsrfException ? "missing or wrong CSRF token" : "not allowed for this account";
            audit.recordRefusal(refusal(request, why));
            problems.write(request, response, HttpStatus.FORBIDDEN, "Refused", why);
        };
    }

    /**
     * What a person still has to do before the account's role applies, in the order it is done;
     * each step ends the session, so they sign in again after it.
     */
    static String remainingSetup(java.util.Set<SetupStep> steps) {
        var todo = new java.util.ArrayList<String>();
        if (steps.contains(SetupStep.CHANGE_PASSWORD)) {
            todo.add("choose your own password (POST /api/v1/account/password {currentPassword, newPassword})");
        }
        if (steps.contains(SetupStep.ENROL_SECOND_FACTOR)) {
            todo.add("enrol an authenticator app (POST /api/v1/account/second-factor, then "
                    + "POST /api/v1/account/second-factor/confirm {code})");
        }
        return "the account's set-up is not finished: " + String.join("; then ", todo)
                + "; sign in again after each step";
    }

    /** A refused request as the trail keeps it: method, path and why, naming the member the path names. */
    private static AuditEvent refusal(HttpServletRequest request, String why) {
        var event = AuditEvent.of(
                        AuditAction.ACCESS_REFUSED, request.getMethod() + " " + request.getRequestURI() + ": " + why)
                .outcome(AuditOutcome.REFUSED);
        return memberIn(request.getRequestURI()).map(event::member).orElse(event);
    }

    LogoutHandler recordSignOut() {
        return (request, response, auth) -> {
            if (auth != null && auth.getPrincipal() instanceof SignedIn who) {
                signIns.signedOut(who);
            }
        };
    }

    private static java.util.Optional<MemberKey> memberIn(String path) {
        var m = MEMBER_PATH.matcher(path);
        if (m.find()) {
            try {
                return java.util.Optional.of(MemberKey.parse(m.group(1)));
            } catch (IllegalArgumentException notAKey) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Ends a session whose holder signed in longer ago than its lifetime, however active it has
     * been (OWASP ASVS 3.3.2); the idle timeout is the servlet container's. The cap holds for every
     * session, however it came to be: one with no sign-in time counts from its creation, and one
     * that holds a signed-in account without having been signed in here (no sign-in time) is
     * ended at once — nothing but {@link #signedIn()} may make a session that stays signed in.
     */
    static final class SessionLifetime extends OncePerRequestFilter {
        private final Duration lifetime;
        private final Clock clock;

        SessionLifetime(Duration lifetime, Clock clock) {
            this.lifetime = lifetime;
            this.clock = clock;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var session = request.getSession(false);
            if (session != null) {
                Instant start = session.getAttribute(SIGNED_IN_AT) instanceof Instant at
                        ? at
                        : Instant.ofEpochMilli(session.getCreationTime());
                boolean signedInElsewhere = !(session.getAttribute(SIGNED_IN_AT) instanceof Instant)
                        && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                                != null;
                if (signedInElsewhere || clock.instant().isAfter(start.plus(lifetime))) {
                    session.invalidate();
                }
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Ends a session whose account was disabled, reset, or had its password or second factor
     * changed since its holder signed in ({@link SignInService#sessionStillValid}): the request goes
     * on signed out and is answered 401 where it needs an account. It runs after the CSRF check, so
     * that a change sent with the ended session is answered 401 too, not as a forged request.
     */
    static final class SessionStillValid extends OncePerRequestFilter {
        private final SignInService signIns;

        SessionStillValid(SignInService signIns) {
            this.signIns = signIns;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var session = request.getSession(false);
            var auth = SecurityContextHolder.getContext().getAuthentication();
            if (session != null
                    && auth != null
                    && auth.getPrincipal() instanceof SignedIn who
                    && !signIns.sessionStillValid(who)) {
                session.invalidate();
                SecurityContextHolder.clearContext();
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * A request with an API token, seen as having no session at all: a session cookie sent along
     * is not read, not renewed (no new id for someone else's session), and nothing can create one.
     */
    static final class NoSession extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(
                    new HttpServletRequestWrapper(request) {
                        @Override
                        public HttpSession getSession(boolean create) {
                            if (create) {
                                throw new IllegalStateException("a request with an API token has no session");
                            }
                            return null;
                        }

                        @Override
                        public HttpSession getSession() {
                            return getSession(true);
                        }

                        @Override
                        public String getRequestedSessionId() {
                            return null;
                        }

                        @Override
                        public boolean isRequestedSessionIdValid() {
                            return false;
                        }

                        @Override
                        public String changeSessionId() {
                            throw new IllegalStateException("a request with an API token has no session");
                        }
                    },
                    response);
        }
    }

    static boolean carriesBearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    static String bearerToken(HttpServletRequest request) {
        return request.getHeader("Authorization").substring(7).strip();
    }
}
