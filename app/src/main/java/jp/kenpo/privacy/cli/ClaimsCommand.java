package jp.kenpo.privacy.cli;

import java.util.List;
import jp.kenpo.privacy.claims.HealthDataImport;
import jp.kenpo.privacy.claims.ImportedFile;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.cli.ClaimsInspectCommand;
import picocli.CommandLine.Command;

@Command(
        name = "claims",
        description = "Receipts (レセ電): inspect a file as the reader understands it, or import it.",
        subcommands = {ClaimsInspectCommand.class, ClaimsCommand.Import.class})
final class ClaimsCommand {

    @Command(
            name = "import",
            description =
                    "Imports receipt files, each receipt linked to its member; "
                            + "unlinkable receipts are kept in quarantine. A file is stored whole or not at all, and only once.")
    static final class Import extends ImportHealthData {
        @Override
        String job() {
            return "claims import";
        }

        @Override
        String records() {
            return "receipts";
        }

        @Override
        List<ImportedFile> run(HealthDataImport importer, ReadMode mode, ProgressPrinter progress) {
            return importer.importReceipts(path, mode, cliUser(), progress);
        }
    }
}
