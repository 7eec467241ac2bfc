package jp.kenpo.privacy.cli;

import java.time.LocalDate;
import jp.kenpo.privacy.provision.ProvisionHistory;
import jp.kenpo.privacy.provision.RecordsPurge;
import jp.kenpo.privacy.recipients.RecipientRegister;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "records",
        description = "Provision, confirmation and exchange records.",
        subcommands = {RecordsCommand.Purge.class, RecordsCommand.ListRecords.class})
final class RecordsCommand {

    @Command(
            name = "list",
            description = "Every dataset provided to or received from a counterparty of the register, newest first.")
    static final class ListRecords extends AppCommand {
        @Option(names = "--counterparty", required = true, description = "its id in the recipient register")
        String counterparty;

        @Override
        public Integer call() {
            service(RecipientRegister.class).require(counterparty);
            var entries = service(ProvisionHistory.class).ofCounterparty(counterparty);
            entries.forEach(e -> out().printf(
                            "%s  %-8s %-19s %s  #%d  %d members  %s%s  kept until %s%n",
                            e.on(),
                            e.direction(),
                            e.record(),
                            e.purpose(),
                            e.id(),
                            e.members(),
                            e.file(),
                            e.sha256().isEmpty() ? "" : "  sha256 " + e.sha256(),
                            e.retainedUntil()));
            out().println(entries.size() + " datasets");
            return 0;
        }
    }

    @Command(
            name = "purge",
            description =
                    "Deletes the records whose retention ended before DATE (PPC Rules Art. 21, 26; My Number Act Art. 23), "
                            + "and nothing else; audited.")
    static final class Purge extends AppCommand {
        @Option(names = "--before", required = true, description = "a day not after today")
        LocalDate before;

        @Override
        public Integer call() {
            RecordsPurge.Purged p = service(RecordsPurge.class).purge(before);
            out().printf(
                            "deleted %d provision records (%d runs), %d confirmation records (%d acquisitions), "
                                    + "%d online eligibility records, %d exchange records (%d exchanges) "
                                    + "whose retention ended before %s%n",
                            p.provisionRecords(),
                            p.runs(),
                            p.confirmationRecords(),
                            p.acquisitions(),
                            p.onlineEligibility(),
                            p.exchangeRecords(),
                            p.exchanges(),
                            p.before());
            return 0;
        }
    }
}
