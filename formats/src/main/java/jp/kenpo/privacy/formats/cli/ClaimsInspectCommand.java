package jp.kenpo.privacy.formats.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.json.JsonLines;
import jp.kenpo.privacy.formats.receipt.Receipt;
import jp.kenpo.privacy.formats.receipt.ReceiptReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./kenpo claims inspect FILE}: every receipt of a receipt file as one JSON object per line. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Print each receipt of a receipt electronic file (レセ電, Windows-31J CSV) as one JSON object per line,",
            "as the reader understood it. Errors go to standard error as FILE:LINE: RECORD FIELD: reason;",
            "the exit code is 0 when there were none, 1 when there were, 2 when the file could not be read."
        })
public final class ClaimsInspectCommand extends InspectCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "the receipt file (.UKE or .CSV)")
    Path file;

    public ClaimsInspectCommand() {
        this(System.out, System.err);
    }

    ClaimsInspectCommand(OutputStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    Path file() {
        return file;
    }

    @Override
    void print(ReadMode mode, Consumer<FormatError> problems, JsonLines json) throws IOException {
        try (ReceiptReader reader = ReceiptReader.open(file, mode, problems)) {
            for (Receipt r; (r = reader.next()) != null; ) {
                json.receipt(r, reader.receiptLine());
            }
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ClaimsInspectCommand()).execute(args));
    }
}
