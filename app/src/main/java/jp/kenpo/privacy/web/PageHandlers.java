package jp.kenpo.privacy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.kenpo.privacy.accounts.PasswordSignIn;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.accounts.SetupStep;
import jp.kenpo.privacy.accounts.SignInService;
import jp.kenpo.privacy.accounts.SignedIn;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditEvent;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.members.MemberKey;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * How the page filter chain answers people in a browser: signed in, to their start page (or the
 * set-up step still to do); refused sign-in, back to the form with a reason that tells nothing an
 * attacker could use; a page that needs an account, to the sign-in page; a refusal, a page saying
 * so. Every refusal is audited, as the API's are.
 */
final class PageHandlers {

    static final String SIGN_IN = "/sign-in";

    /**
     * What the page chain answers for: every path but the API's (and Spring's {@code /error}), so
     * that a path nothing answers is a page's 404, not the API's JSON.
     */
    static final RequestMatcher PAGES = new NegatedRequestMatcher(new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/error")));

    /** Open to anyone: the notice and its printable form, signing in, the style sheet. */
    static final String[] PUBLIC = {"/", SIGN_IN, "/refused", "/notice", "/notice/**", "/assets/**"};

    /**
     * Nothing inline, nothing from elsewhere: one style sheet of our own, no scripts at all, images
     * only as data (the authenticator's QR code is inline SVG). Forms post only here.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final Pattern MEMBER_PATH = Pattern.compile("^/(?:console|portal)/members/([^/]+)");

    private final AuditTrail audit;
    private final SignInService signIns;
    private final Clock clock;

    PageHandlers(AuditTrail audit, SignInService signIns, Clock clock) {
        this.audit = audit;
        this.signIns = signIns;
        this.clock = clock;
    }

    AuthenticationSuccessHandler signedIn() {
        return (request, response, auth) -> {
            request.getSession().setAttribute(SecurityHandlers.SIGNED_IN_AT, clock.instant());
            response.sendRedirect(request.getContextPath() + startPage((SignedIn) auth.getPrincipal()));
        };
    }

    /** Where a person goes once signed in: the set-up step still to do, else their role's pages. */
    static String startPage(SignedIn who) {
        if (who.setup().contains(SetupStep.CHANGE_PASSWORD)) {
            return "/account/password";
        }
        if (who.setup().contains(SetupStep.ENROL_SECOND_FACTOR)) {
            return "/account/second-factor";
        }
        return who.role() == Role.MEMBER ? "/portal" : "/console";
    }

    /** As the API: a wrong name, a wrong password and a locked account look alike (OWASP ASVS 2.2). */
    AuthenticationFailureHandler signInFailed() {
        return (request, response, e) -> {
            String why = e instanceof PasswordSignIn.ThrottledException
                    ? "throttled"
                    : e instanceof PasswordSignIn.CodeUsedAlreadyException ? "codeUsed" : "failed";
            response.sendRedirect(request.getContextPath() + SIGN_IN + "?error=" + why);
        };
    }

    /** A page that needs an account, asked without one: audited, and on to the sign-in page. */
    AuthenticationEntryPoint signInPage() {
        return (request, response, e) -> {
            boolean ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
            audit.recordRefusal(
                    refusal(request, ended ? "the session has ended: sign-in required" : "sign-in required"));
            response.sendRedirect(request.getContextPath() + SIGN_IN + (ended ? "?ended" : ""));
        };
    }

    /** Refused: audited; a person whose set-up is not finished is sent to the step still to do. */
    AccessDeniedHandler refused() {
        return (request, response, e) -> {
            var auth = SecurityContextHolder.getContext().getAuthentication();
            if (!(e instanceof CsrfException)
                    && auth != null
                    && auth.getPrincipal() instanceof SignedIn who
                    && !who.setup().isEmpty()) {
                audit.recordRefusal(refusal(request, "account set-up not finished"));
                response.sendRedirect(request.getContextPath() + startPage(who));
                return;
            }
            String why = e instanceof CsrfException ? "missing or wrong CSRF token" : "not allowed for this account";
            audit.recordRefusal(refusal(request, why));
            refusedPage(request, response);
        };
    }

    /** To the page that says so, which answers 403 itself. */
    private static void refusedPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/refused");
    }

    LogoutHandler recordSignOut() {
        return (request, response, auth) -> {
            if (auth != null && auth.getPrincipal() instanceof SignedIn who) {
                signIns.signedOut(who);
            }
        };
    }

    private static AuditEvent refusal(HttpServletRequest request, String why) {
        var event = AuditEvent.of(
                        AuditAction.ACCESS_REFUSED, request.getMethod() + " " + request.getRequestURI() + ": " + why)
                .outcome(AuditOutcome.REFUSED);
        return memberIn(request.getRequestURI()).map(event::member).orElse(event);
    }

    private static Optional<MemberKey> memberIn(String path) {
        var m = MEMBER_PATH.matcher(path);
        if (m.find()) {
            try {
                return Optional.of(MemberKey.parse(m.group(1)));
            } catch (IllegalArgumentException notAKey) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
