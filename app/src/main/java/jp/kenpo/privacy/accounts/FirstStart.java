package jp.kenpo.privacy.accounts;

import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first start on an empty database: one privacy officer account, whose one-time password is
 * printed once on the console (standard error, not the log, so it lands in no log file) and must
 * be changed at first sign-in. There is no built-in account and no default password.
 */
@Component
class FirstStart {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final AccountService accounts;

    FirstStart(AccountService accounts) {
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        createOfficer(System.err);
    }

    void createOfficer(PrintStream console) {
        accounts.createFirstOfficer().ifPresent(created -> {
            log.warn(
                    "First start on an empty database: created the privacy officer account '{}'; its one-time "
                            + "password is on the console",
                    created.account().name());
            console.printf(
                    "%n=== kenpo-privacy first start ===%n"
                            + "Privacy officer account: %s%n"
                            + "One-time password:       %s%n"
                            + "It is shown this once. Sign in with it, choose your own password and enrol an "
                            + "authenticator app; then create the other accounts.%n%n",
                    created.account().name(), created.oneTimePassword().orElseThrow());
            console.flush();
        });
    }
}
