package jp.kenpo.privacy.pages;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.accounts.Account;
import jp.kenpo.privacy.accounts.AccountRequestException;
import jp.kenpo.privacy.accounts.AccountService;
import jp.kenpo.privacy.accounts.CreatedAccount;
import jp.kenpo.privacy.accounts.IssuedToken;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.accounts.SignedIn;
import jp.kenpo.privacy.accounts.UnknownAccountException;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.UnknownMemberException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Accounts and API tokens for the privacy officer, as {@code /api/v1/accounts} and
 * {@code ./kenpo accounts}: every change is the accounts module's, which audits it. A one-time
 * password or a token is shown on the page that answers its creation, once, and never again (the
 * page is not cached: Spring Security marks every answer no-store). Disabling an account or
 * resetting it ends its sessions at their next request.
 */
@Controller
class AccountAdminPages {

    private final AccountService accounts;

    AccountAdminPages(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Staff and system accounts unless a role is chosen: members' accounts can be many. */
    @GetMapping("/console/accounts")
    String list(@RequestParam(defaultValue = "") String role, Model model) {
        Optional<Role> chosen = role(role);
        List<Account> shown = accounts.list().stream()
                .filter(a -> chosen.map(r -> a.role() == r).orElse(a.role() != Role.MEMBER))
                .toList();
        model.addAttribute("accounts", shown);
        model.addAttribute("role", chosen.map(Role::name).orElse(""));
        model.addAttribute("roles", Role.values());
        return "pages/console-accounts";
    }

    @PostMapping("/console/accounts")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String member,
            Model model) {
        Optional<Role> chosen = role(role);
        model.addAttribute("typedRole", chosen.map(Role::name).orElse(""));
        if (chosen.isEmpty()) {
            return createRefused(model, "newRole", "accounts.error.role", null);
        }
        Optional<MemberKey> key = Optional.empty();
        if (!member.isBlank()) {
            key = TypedInput.memberKey(member);
            if (key.isEmpty()) {
                return createRefused(model, "newMember", "search.error.key", null);
            }
        }
        CreatedAccount created;
        try {
            created = accounts.create(name.strip(), chosen.get(), key);
        } catch (AccountRequestException e) {
            return createRefused(model, field(e.field()), "accounts.error.refused", e.getMessage());
        } catch (UnknownMemberException e) {
            return createRefused(model, "newMember", "search.error.noSuchKey", null);
        }
        model.addAttribute("account", created.account());
        model.addAttribute("oneTimePassword", created.oneTimePassword().orElse(null));
        return "pages/console-account-secret";
    }

    @GetMapping("/console/accounts/{name}")
    String account(@PathVariable String name, Model model) {
        model.addAttribute("account", accounts.require(name));
        return "pages/console-account";
    }

    /** Disabled: no sign-in, no token, and its sessions end at their next request. */
    @PostMapping("/console/accounts/{name}/disable")
    String disable(@PathVariable String name, @AuthenticationPrincipal SignedIn who, Model model) {
        if (who.name().equals(name)) {
            model.addAttribute("account", accounts.require(name));
            return refused(model, "disable", "accounts.error.self", null);
        }
        accounts.disable(name);
        return "redirect:/console/accounts/" + name + "?done=disabled";
    }

    @PostMapping("/console/accounts/{name}/enable")
    String enable(@PathVariable String name) {
        accounts.enable(name);
        return "redirect:/console/accounts/" + name + "?done=enabled";
    }

    /** A new one-time password, the lock-out cleared; with {@code secondFactor} the authenticator removed too. */
    @PostMapping("/console/accounts/{name}/reset")
    String reset(@PathVariable String name, @RequestParam(required = false) String secondFactor, Model model) {
        CreatedAccount reset;
        try {
            reset = accounts.reset(name, secondFactor != null);
        } catch (AccountRequestException e) {
            model.addAttribute("account", accounts.require(name));
            return refused(model, "reset", "accounts.error.refused", e.getMessage());
        }
        model.addAttribute("account", reset.account());
        model.addAttribute("oneTimePassword", reset.oneTimePassword().orElse(null));
        model.addAttribute("wasReset", true);
        return "pages/console-account-secret";
    }

    @PostMapping("/console/accounts/{name}/tokens")
    String issueToken(
            @PathVariable String name,
            @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String days,
            Model model) {
        Optional<Duration> validity = Optional.empty();
        if (!days.isBlank()) {
            String d = TypedInput.normal(days);
            if (!d.matches("[0-9]{1,5}")) {
                model.addAttribute("account", accounts.require(name));
                return refused(model, "days", "accounts.error.days", null);
            }
            validity = Optional.of(Duration.ofDays(Integer.parseInt(d)));
        }
        IssuedToken token;
        try {
            token = accounts.issueToken(name, label, validity);
        } catch (AccountRequestException e) {
            model.addAttribute("account", accounts.require(name));
            return refused(model, field(e.field()), "accounts.error.refused", e.getMessage());
        }
        model.addAttribute("account", accounts.require(name));
        model.addAttribute("token", token);
        return "pages/console-account-secret";
    }

    @PostMapping("/console/accounts/{name}/tokens/{id}/revoke")
    String revokeToken(@PathVariable String name, @PathVariable long id, Model model) {
        try {
            accounts.revokeToken(name, id);
        } catch (AccountRequestException e) {
            model.addAttribute("account", accounts.require(name));
            return refused(model, "tokens", "accounts.error.refused", e.getMessage());
        }
        return "redirect:/console/accounts/" + name + "?done=revoked";
    }

    private static Optional<Role> role(String text) {
        try {
            return text.isBlank() ? Optional.empty() : Optional.of(Role.valueOf(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The page's field for a field the accounts module names. */
    private static String field(String field) {
        return switch (field) {
            case "name" -> "newName";
            case "member" -> "newMember";
            case "role" -> "newRole";
            default -> field;
        };
    }

    private String createRefused(Model model, String field, String message, String detail) {
        Object typed = model.getAttribute("typedRole");
        list("", model);
        model.addAttribute("typedRole", typed);
        model.addAttribute("errorField", field);
        model.addAttribute("errorMessage", message);
        model.addAttribute("errorDetail", detail);
        return "pages/console-accounts";
    }

    private static String refused(Model model, String field, String message, String detail) {
        model.addAttribute("errorField", field);
        model.addAttribute("errorMessage", message);
        model.addAttribute("errorDetail", detail);
        return "pages/console-account";
    }

    @ExceptionHandler(UnknownAccountException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknownAccount() {
        return "pages/console-account-missing";
    }
}
