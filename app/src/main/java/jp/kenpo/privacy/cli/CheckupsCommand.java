package jp.kenpo.privacy.cli;

import java.util.List;
import jp.kenpo.privacy.claims.HealthDataImport;
import jp.kenpo.privacy.claims.ImportedFile;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.cli.CheckupsInspectCommand;
import picocli.CommandLine.Command;

@Command(
        name = "checkups",
        description = "Specific health checkups (特定健診): inspect a document or exchange archive, or import it.",
        subcommands = {CheckupsInspectCommand.class, CheckupsCommand.Import.class})
final class CheckupsCommand {

    @Command(
            name = "import",
            description =
                    "Imports checkup documents or exchange archives, each checkup linked to "
                            + "its member; unlinkable ones are kept in quarantine. A file is stored whole or not at all, and only once.")
    static final class Import extends ImportHealthData {
        @Override
        String job() {
            return "checkups import";
        }

        @Override
        String records() {
            return "checkups";
        }

        @Override
        List<ImportedFile> run(HealthDataImport importer, ReadMode mode, ProgressPrinter progress) {
            return importer.importCheckups(path, mode, cliUser(), progress);
        }
    }
}
