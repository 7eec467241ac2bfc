package jp.kenpo.privacy.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's own account: changing the password, enrolling an authenticator app.
 * Each step ends the session, so that the next sign-in shows what the account now is.
 */
@RestController
@RequestMapping("/api/v1/account")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[…]";
        }
    }

    record Code(String code) {}

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(
            @AuthenticationPrincipal SignedIn who, @RequestBody PasswordChange body, HttpServletRequest request) {
        accounts.changePassword(who, body.currentPassword(), body.newPassword());
        endSession(request);
    }

    /** Starts enrolment: the secret (and otpauth URI for a QR code), shown this once. */
    @PostMapping("/second-factor")
    SecondFactorSetup startSecondFactor(@AuthenticationPrincipal SignedIn who) {
        return accounts.startSecondFactor(who);
    }

    @PostMapping("/second-factor/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmSecondFactor(
            @AuthenticationPrincipal SignedIn who, @RequestBody Code body, HttpServletRequest request) {
        accounts.confirmSecondFactor(who, body.code());
        endSession(request);
    }

    private static void endSession(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }
}
