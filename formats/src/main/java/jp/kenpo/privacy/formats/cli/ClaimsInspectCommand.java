package jp.kenpo.privacy.formats.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.kenpo.privacy.formats.FormatException;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.receipt.Receipt;
import jp.kenpo.privacy.formats.receipt.ReceiptReader;
import jp.kenpo.privacy.formats.json.JsonLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./kenpo claims inspect FILE}: every receipt of a receipt file as one JSON object per line. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Print each receipt of a receipt electronic file (レセ電, Windows-31J CSV) as one JSON object per line,",
            "as the reader understood it. Errors go to standard error as FILE:LINE: RECORD FIELD: reason;",
            "the exit code is 0 when there were none, 1 when there were, 2 when the file could not be read."})
public final class ClaimsInspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the receipt file (.UKE or .CSV)")
    Path file;

    @Option(names = "--strict", description = "stop at the first error instead of skipping the bad receipt")
    boolean strict;

    private final OutputStream out;
    private final PrintStream err;

    public ClaimsInspectCommand() {
        this(System.out, System.err);
    }

    ClaimsInspectCommand(OutputStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        int[] errors = {0};
        try (ReceiptReader reader = ReceiptReader.open(file, strict ? ReadMode.STRICT : ReadMode.LENIENT, e -> {
            errors[0]++;
            err.println(e);
        });
             JsonLines json = new JsonLines(new BufferedOutputStream(nonClosing(out), 1 << 16))) {
            for (Receipt r; (r = reader.next()) != null; ) {
                json.receipt(r, reader.receiptLine());
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

    static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ClaimsInspectCommand()).execute(args));
    }
}
