package jp.kenpo.privacy.formats.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.kenpo.privacy.formats.FormatException;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.checkup.Checkup;
import jp.kenpo.privacy.formats.checkup.CheckupSource;
import jp.kenpo.privacy.formats.json.JsonLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./kenpo checkups inspect FILE|ZIP}: every checkup as one JSON object per line. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Print each specific health checkup (特定健診, HL7 CDA XML or exchange zip) as one JSON object per line,",
            "as the reader understood it. Errors go to standard error as FILE:LINE: ELEMENT ATTRIBUTE: reason;",
            "the exit code is 0 when there were none, 1 when there were, 2 when the file could not be read."})
public final class CheckupsInspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE|ZIP", description = "a checkup document (.xml) or exchange archive (.zip)")
    Path file;

    @Option(names = "--strict", description = "stop at the first error instead of skipping the bad document")
    boolean strict;

    private final OutputStream out;
    private final PrintStream err;

    public CheckupsInspectCommand() {
        this(System.out, System.err);
    }

    CheckupsInspectCommand(OutputStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        int[] errors = {0};
        try (CheckupSource source = CheckupSource.open(file, strict ? ReadMode.STRICT : ReadMode.LENIENT, e -> {
            errors[0]++;
            err.println(e);
        });
             JsonLines json = new JsonLines(new BufferedOutputStream(ClaimsInspectCommand.nonClosing(out), 1 << 16))) {
            for (Checkup c; (c = source.next()) != null; ) {
                json.checkup(c, source.currentName());
            }
            json.flush();
        } catch (FormatException e) {
            err.println(e.error());
            return 1;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println(file + ":0: : cannot read: " + e.getMessage());
            return 2;
        }
        return errors[0] == 0 ? 0 : 1;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CheckupsInspectCommand()).execute(args));
    }
}
