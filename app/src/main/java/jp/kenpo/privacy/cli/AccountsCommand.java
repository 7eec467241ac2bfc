package jp.kenpo.privacy.cli;

import java.time.Duration;
import java.util.Optional;
import jp.kenpo.privacy.accounts.Account;
import jp.kenpo.privacy.accounts.AccountService;
import jp.kenpo.privacy.accounts.CreatedAccount;
import jp.kenpo.privacy.accounts.IssuedToken;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.shared.SocietyTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "accounts",
        description = "Accounts and their API tokens (every change is audited as the operator).",
        subcommands = {
            AccountsCommand.ListAccounts.class,
            AccountsCommand.Create.class,
            AccountsCommand.Disable.class,
            AccountsCommand.Enable.class,
            AccountsCommand.Reset.class,
            AccountsCommand.Token.class
        })
final class AccountsCommand {

    @Command(name = "list", description = "Lists the accounts, their state and their tokens.")
    static final class ListAccounts extends AppCommand {
        @Override
        public Integer call() {
            for (Account a : service(AccountService.class).list()) {
                out().printf(
                                "%-24s %-15s %s%s%s%s%s%n",
                                a.name(),
                                a.role(),
                                a.enabled() ? "enabled" : "DISABLED",
                                a.member().map(m -> "  member " + m).orElse(""),
                                a.passwordChangeRequired() ? "  (one-time password)" : "",
                                a.role().isStaff() || a.role() == Role.MEMBER
                                        ? (a.secondFactor() ? "  2FA" : "  no 2FA")
                                        : "",
                                a.lockedUntil()
                                        .map(t -> "  LOCKED until " + SocietyTime.format(t))
                                        .orElse(""));
                a.tokens()
                        .forEach(t -> out().printf(
                                        "    token #%d %-20s expires %s%s%n",
                                        t.id(),
                                        t.label(),
                                        SocietyTime.format(t.expiresAt()),
                                        t.revokedAt()
                                                .map(r -> "  revoked " + SocietyTime.format(r))
                                                .orElse("")));
            }
            return 0;
        }
    }

    @Command(
            name = "create",
            description = "Creates an account and prints its one-time password once "
                    + "(SYSTEM accounts get none: issue them a token).")
    static final class Create extends AppCommand {
        @Parameters(description = "the account name")
        String name;

        @Option(names = "--role", required = true, description = "PRIVACY_OFFICER, CLERK, AUDITOR, SYSTEM or MEMBER")
        Role role;

        @Option(names = "--member", description = "for a MEMBER account: the member key SYMBOL-NUMBER-BRANCH")
        MemberKey member;

        @Override
        public Integer call() {
            CreatedAccount c = service(AccountService.class).create(name, role, Optional.ofNullable(member));
            out().printf(
                            "created account %s (%s)%s%n",
                            c.account().name(),
                            c.account().role(),
                            c.account().member().map(m -> " for member " + m).orElse(""));
            printOneTimePassword(this, c);
            if (c.oneTimePassword().isEmpty()) {
                out().println("a SYSTEM account signs in with API tokens: ./kenpo accounts token " + name);
            }
            return 0;
        }
    }

    @Command(name = "disable", description = "Disables an account: no sign-in, no token works.")
    static final class Disable extends AppCommand {
        @Parameters(description = "the account name")
        String name;

        @Override
        public Integer call() {
            service(AccountService.class).disable(name);
            out().println("disabled account " + name);
            return 0;
        }
    }

    @Command(name = "enable", description = "Enables a disabled account again.")
    static final class Enable extends AppCommand {
        @Parameters(description = "the account name")
        String name;

        @Override
        public Integer call() {
            service(AccountService.class).enable(name);
            out().println("enabled account " + name);
            return 0;
        }
    }

    @Command(name = "reset", description = "Gives an account a new one-time password (printed once) and unlocks it.")
    static final class Reset extends AppCommand {
        @Parameters(description = "the account name")
        String name;

        @Option(
                names = "--second-factor",
                description = "also remove its authenticator (lost phone): it enrols a new one at sign-in")
        boolean secondFactor;

        @Override
        public Integer call() {
            CreatedAccount c = service(AccountService.class).reset(name, secondFactor);
            out().printf("reset account %s%s%n", name, secondFactor ? " (second factor removed)" : "");
            printOneTimePassword(this, c);
            return 0;
        }
    }

    @Command(name = "token", description = "Issues an API token for a SYSTEM account (printed once), or revokes one.")
    static final class Token extends AppCommand {
        @Parameters(description = "the SYSTEM account's name")
        String name;

        @Option(names = "--days", description = "days the token is valid (default: kenpo.security.token-validity, 90)")
        Integer days;

        @Option(names = "--label", description = "what the token is for, e.g. the calling system")
        String label;

        @Option(names = "--revoke", description = "revoke the token with this number instead")
        Long revoke;

        @Override
        public Integer call() {
            var accounts = service(AccountService.class);
            if (revoke != null) {
                accounts.revokeToken(name, revoke);
                out().printf("revoked token #%d of %s%n", revoke, name);
                return 0;
            }
            IssuedToken t =
                    accounts.issueToken(name, label, Optional.ofNullable(days).map(Duration::ofDays));
            out().printf(
                            "API token #%d for %s, valid until %s (shown this once; the system sends it as "
                                    + "'Authorization: Bearer TOKEN'):%n%s%n",
                            t.id(), name, SocietyTime.format(t.expiresAt()), t.token());
            return 0;
        }
    }

    private static void printOneTimePassword(AppCommand cmd, CreatedAccount c) {
        c.oneTimePassword()
                .ifPresent(p -> cmd.out()
                        .printf(
                                "one-time password (shown this once; it must be changed " + "at first sign-in): %s%n",
                                p));
    }
}
