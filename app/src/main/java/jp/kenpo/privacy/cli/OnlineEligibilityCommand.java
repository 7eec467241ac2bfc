package jp.kenpo.privacy.cli;

import java.nio.file.Path;
import jp.kenpo.privacy.provision.OnlineEligibilityRegister;
import jp.kenpo.privacy.provision.ProvisionInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "online-eligibility",
        description = "What was exchanged with the online eligibility confirmation system (8.1, 8.2).",
        subcommands = {OnlineEligibilityCommand.Import.class})
final class OnlineEligibilityCommand {

    @Command(
            name = "import",
            description = "Imports the exchange list (header: direction,purpose,batch_file,exchanged_on,member,items).")
    static final class Import extends AppCommand {
        @Parameters(description = "the CSV file (UTF-8)")
        Path file;

        @Override
        public Integer call() {
            OnlineEligibilityRegister.Imported r;
            try {
                r = service(OnlineEligibilityRegister.class).importList(file, file.toString());
            } catch (ProvisionInputException e) {
                e.problems().forEach(p -> err().println(p));
                err().println("kenpo: " + e.problems().size() + " bad row(s); nothing was imported");
                return 1;
            }
            out().printf(
                            "%s: %d rows, %d stored, %d already on record%n",
                            file, r.rows(), r.stored(), r.alreadyOnRecord());
            return 0;
        }
    }
}
