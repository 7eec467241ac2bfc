package jp.kenpo.privacy.cli;

import java.time.LocalDate;
import jp.kenpo.privacy.provision.RecordsPurge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "records",
        description = "Provision, confirmation and exchange records.",
        subcommands = {RecordsCommand.Purge.class})
final class RecordsCommand {

    @Command(
            name = "purge",
            description =
                    "Deletes the records whose retention ended before DATE (PPC Rules Art. 21, 26), and nothing else; audited.")
    static final class Purge extends AppCommand {
        @Option(names = "--before", required = true, description = "a day not after today")
        LocalDate before;

        @Override
        public Integer call() {
            RecordsPurge.Purged p = service(RecordsPurge.class).purge(before);
            out().printf(
                            "deleted %d provision records (%d runs), %d confirmation records (%d acquisitions), "
                                    + "%d online eligibility records whose retention ended before %s%n",
                            p.provisionRecords(),
                            p.runs(),
                            p.confirmationRecords(),
                            p.acquisitions(),
                            p.onlineEligibility(),
                            p.before());
            return 0;
        }
    }
}
