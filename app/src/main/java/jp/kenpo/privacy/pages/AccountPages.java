package jp.kenpo.privacy.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jp.kenpo.privacy.accounts.AccountRequestException;
import jp.kenpo.privacy.accounts.AccountService;
import jp.kenpo.privacy.accounts.AccountStateException;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.accounts.SecondFactorSetup;
import jp.kenpo.privacy.accounts.SetupStep;
import jp.kenpo.privacy.accounts.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Signing in and setting an account up, as pages: the one-time password, then one's own password,
 * then an authenticator app enrolled from a QR code. Each step ends the session (as over the API),
 * so the next sign-in shows what the account now is. The sign-in form itself is posted to the
 * security filters.
 */
@Controller
class AccountPages {

    /** The enrolment under way, kept in the session only until confirmed, to show the QR code again after a wrong code. */
    private static final String ENROLMENT = "kenpo.enrolment";

    private final AccountService accounts;

    AccountPages(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/")
    String start(@AuthenticationPrincipal SignedIn who) {
        if (who == null) {
            return "redirect:/sign-in";
        }
        if (who.setup().contains(SetupStep.CHANGE_PASSWORD)) {
            return "redirect:/account/password";
        }
        if (who.setup().contains(SetupStep.ENROL_SECOND_FACTOR)) {
            return "redirect:/account/second-factor";
        }
        return who.role() == Role.MEMBER ? "redirect:/portal" : "redirect:/console";
    }

    @GetMapping("/sign-in")
    String signIn(@RequestParam(required = false) String error, HttpServletRequest request, Model model) {
        String note = error != null
                ? switch (error) {
                    case "throttled" -> "signIn.error.throttled";
                    case "codeUsed" -> "signIn.error.codeUsed";
                    default -> "signIn.error.failed";
                }
                : null;
        model.addAttribute("error", note);
        for (String done : new String[] {"signedOut", "ended", "passwordChanged", "enrolled"}) {
            if (request.getParameter(done) != null) {
                model.addAttribute("notice", "signIn.notice." + done);
            }
        }
        return "pages/sign-in";
    }

    @RequestMapping("/refused")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused() {
        return "pages/refused";
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "pages/account-password";
    }

    @PostMapping("/account/password")
    String changePassword(
            @AuthenticationPrincipal SignedIn who,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword,
            HttpServletRequest request,
            Model model) {
        if (!newPassword.equals(confirmPassword)) {
            return passwordRefused(model, "confirmPassword", "account.password.error.confirm", null);
        }
        try {
            accounts.changePassword(who, currentPassword, newPassword);
        } catch (AccountRequestException e) {
            return passwordRefused(
                    model,
                    e.field(),
                    "currentPassword".equals(e.field())
                            ? "account.password.error.current"
                            : "account.password.error.new",
                    e.getMessage());
        }
        endSession(request);
        return "redirect:/sign-in?passwordChanged";
    }

    private static String passwordRefused(Model model, String field, String message, String detail) {
        model.addAttribute("errorField", field);
        model.addAttribute("errorMessage", message);
        model.addAttribute("errorDetail", detail);
        return "pages/account-password";
    }

    @GetMapping("/account/second-factor")
    String secondFactor(HttpSession session, Model model) {
        if (session.getAttribute(ENROLMENT) instanceof SecondFactorSetup setup) {
            show(setup, model);
        }
        return "pages/account-second-factor";
    }

    @PostMapping("/account/second-factor")
    String startSecondFactor(@AuthenticationPrincipal SignedIn who, HttpSession session, Model model) {
        try {
            SecondFactorSetup setup = accounts.startSecondFactor(who);
            session.setAttribute(ENROLMENT, setup);
            show(setup, model);
        } catch (AccountStateException e) {
            model.addAttribute("errorMessage", "account.secondFactor.error.state");
        }
        return "pages/account-second-factor";
    }

    @PostMapping("/account/second-factor/confirm")
    String confirmSecondFactor(
            @AuthenticationPrincipal SignedIn who,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpSession session,
            Model model) {
        try {
            accounts.confirmSecondFactor(who, code.strip());
        } catch (AccountRequestException | AccountStateException e) {
            model.addAttribute("errorField", "code");
            model.addAttribute(
                    "errorMessage",
                    e instanceof AccountStateException
                            ? "account.secondFactor.error.state"
                            : "account.secondFactor.error.code");
            if (session.getAttribute(ENROLMENT) instanceof SecondFactorSetup setup) {
                show(setup, model);
            }
            return "pages/account-second-factor";
        }
        endSession(request);
        return "redirect:/sign-in?enrolled";
    }

    private static void show(SecondFactorSetup setup, Model model) {
        model.addAttribute("qr", QrSvg.of(setup.otpauthUri()));
        model.addAttribute("secret", setup.secret().replaceAll("(.{4})(?!$)", "$1 "));
    }

    private static void endSession(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }
}
