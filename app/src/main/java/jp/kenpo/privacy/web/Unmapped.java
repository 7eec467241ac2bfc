package jp.kenpo.privacy.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A page path no controller answers, let through so that the person is told it does not exist
 * (404, the not-found page) instead of being refused or sent to sign in. A path a controller does
 * answer is refused here: whatever a rule above does not name stays closed, even a page added
 * later without its rule.
 */
final class Unmapped implements AuthorizationManager<RequestAuthorizationContext> {

    private final Supplier<HandlerMapping> controllers;

    Unmapped(Supplier<HandlerMapping> controllers) {
        this.controllers = controllers;
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(!answered(context.getRequest()));
    }

    private boolean answered(HttpServletRequest request) {
        Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            return controllers.get().getHandler(request) != null;
        } catch (Exception mappedOtherwise) {
            // the path is a controller's, for another method or media type: refused like any other
            return true;
        } finally {
            if (parsed == null) {
                request.removeAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
            } else {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed);
            }
        }
    }
}
