package jp.kenpo.privacy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Where a request may carry its session's CSRF token: the header, or the body of a form (the
 * sign-in form) — never the query string, which ends up in server logs, proxies' logs and the
 * browser's history (OWASP ASVS 3.1.1: no session secret in a URL). A token that is not even
 * well-formed (it does not decode) is a wrong token, answered 403 like any other, not a failure
 * of the server. The token is Spring Security's, masked anew for each answer (BREACH).
 */
final class HeaderOrFormCsrfToken implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler tokens = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        tokens.handle(request, response, token);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        if (request.getHeader(token.getHeaderName()) == null
                && RequestBoundary.queryParameters(request.getQueryString()).stream()
                        .anyMatch(p -> p.getKey().equals(token.getParameterName()))) {
            return null;
        }
        try {
            return tokens.resolveCsrfTokenValue(request, token);
        } catch (RuntimeException garbled) {
            return null;
        }
    }
}
