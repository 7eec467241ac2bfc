package jp.kenpo.privacy.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The session. Signing in is {@code POST /api/v1/session} (form fields username, password and
 * code, with the CSRF token from this endpoint); signing out is {@code DELETE /api/v1/session}.
 * Both are handled by the security filters; this answers who is signed in.
 */
@RestController
class SessionController {

    /** Who is signed in (if anyone) and the CSRF token to send with every change. */
    @GetMapping("/api/v1/session")
    SessionView session(Authentication auth, HttpServletRequest request) {
        return SessionView.of(auth, request);
    }
}
