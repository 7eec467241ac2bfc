package jp.kenpo.privacy.cli;

import jp.kenpo.privacy.consent.LedgerVerification;
import jp.kenpo.privacy.consent.LedgerVerifier;
import picocli.CommandLine.Command;

@Command(name = "ledger", description = "The consent ledger.", subcommands = LedgerCommand.Verify.class)
final class LedgerCommand {

    @Command(name = "verify", description = "Recomputes every member's hash chain and names the first broken link.")
    static final class Verify extends AppCommand {
        @Override
        public Integer call() {
            LedgerVerification v = service(LedgerVerifier.class).verify();
            if (v.intact()) {
                out().printf(
                                "ledger intact: %d events in %d member chains verified%n",
                                v.eventsChecked(), v.chainsChecked());
                return 0;
            }
            err().println("ledger BROKEN: " + v.firstBrokenLink().orElseThrow());
            out().printf(
                            "%d events in %d member chains checked before the break%n",
                            v.eventsChecked(), v.chainsChecked());
            return 1;
        }
    }
}
