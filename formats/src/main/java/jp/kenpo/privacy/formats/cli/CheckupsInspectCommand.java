package jp.kenpo.privacy.formats.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.checkup.Checkup;
import jp.kenpo.privacy.formats.checkup.CheckupSource;
import jp.kenpo.privacy.formats.json.JsonLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./kenpo checkups inspect FILE|ZIP}: every checkup as one JSON object per line. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Print each specific health checkup (特定健診, HL7 CDA XML or exchange zip) as one JSON object per line,",
            "as the reader understood it. Errors go to standard error as FILE:LINE: ELEMENT ATTRIBUTE: reason;",
            "the exit code is 0 when there were none, 1 when there were, 2 when the file could not be read."
        })
public final class CheckupsInspectCommand extends InspectCommand {

    @Parameters(
            index = "0",
            paramLabel = "FILE|ZIP",
            description = "a checkup document (.xml) or exchange archive (.zip)")
    Path file;

    public CheckupsInspectCommand() {
        this(System.out, System.err);
    }

    CheckupsInspectCommand(OutputStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    Path file() {
        return file;
    }

    @Override
    void print(ReadMode mode, Consumer<FormatError> problems, JsonLines json) throws IOException {
        try (CheckupSource source = CheckupSource.open(file, mode, problems)) {
            for (Checkup c; (c = source.next()) != null; ) {
                json.checkup(c, source.currentName());
            }
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CheckupsInspectCommand()).execute(args));
    }
}
