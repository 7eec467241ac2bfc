package jp.kenpo.privacy.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.members.MemberKey;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Account management for privacy officers (the same as {@code ./kenpo accounts} for operators). */
@RestController
@RequestMapping("/api/v1/accounts")
class AccountsController {

    private final AccountService accounts;

    AccountsController(AccountService accounts) {
        this.accounts = accounts;
    }

    record NewAccount(String name, Role role, MemberKey member) {}

    record Reset(Boolean secondFactor) {}

    record NewToken(String label, Integer days) {}

    @GetMapping
    List<Account> list() {
        return accounts.list();
    }

    /** Creates an account; the answer carries its one-time password, shown this once. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedAccount create(@RequestBody NewAccount body) {
        if (body.role() == null) {
            throw new AccountRequestException(
                    "role", "name the role: PRIVACY_OFFICER, CLERK, AUDITOR, SYSTEM or MEMBER");
        }
        return accounts.create(body.name(), body.role(), Optional.ofNullable(body.member()));
    }

    @PostMapping("/{name}/disable")
    Account disable(@PathVariable String name) {
        return accounts.disable(name);
    }

    @PostMapping("/{name}/enable")
    Account enable(@PathVariable String name) {
        return accounts.enable(name);
    }

    /** A new one-time password, the lock-out cleared; with {@code secondFactor: true} also the authenticator removed. */
    @PostMapping("/{name}/reset")
    CreatedAccount reset(@PathVariable String name, @RequestBody(required = false) Reset body) {
        return accounts.reset(name, body != null && Boolean.TRUE.equals(body.secondFactor()));
    }

    /** Issues an API token for a SYSTEM account; the answer carries the token, shown this once. */
    @PostMapping("/{name}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken issueToken(@PathVariable String name, @RequestBody(required = false) NewToken body) {
        Optional<Duration> days =
                Optional.ofNullable(body == null ? null : body.days()).map(Duration::ofDays);
        return accounts.issueToken(name, body == null ? null : body.label(), days);
    }

    @DeleteMapping("/{name}/tokens/{id}")
    Account revokeToken(@PathVariable String name, @PathVariable long id) {
        return accounts.revokeToken(name, id);
    }
}
