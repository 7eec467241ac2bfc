package jp.kenpo.privacy.formats.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.FormatException;
import jp.kenpo.privacy.formats.NonClosingOutputStream;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.json.JsonLines;
import picocli.CommandLine.Option;

/**
 * What every {@code inspect} command does, whatever it reads: each record as one JSON object per
 * line on standard output, each problem on standard error as {@code FILE:LINE: …: reason}, exit 0
 * without problems, 1 with, 2 when the file cannot be read. Lenient unless {@code --strict}.
 */
abstract class InspectCommand implements Callable<Integer> {

    @Option(names = "--strict", description = "stop at the first error instead of skipping what cannot be read")
    boolean strict;

    private final OutputStream out;
    private final PrintStream err;

    InspectCommand(OutputStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The file inspected. */
    abstract Path file();

    /** Reads {@link #file()} in {@code mode}, each record to {@code json}, each problem to {@code problems}. */
    abstract void print(ReadMode mode, Consumer<FormatError> problems, JsonLines json) throws IOException;

    @Override
    public final Integer call() {
        int[] errors = {0};
        try (JsonLines json = new JsonLines(new BufferedOutputStream(new NonClosingOutputStream(out), 1 << 16))) {
            print(
                    strict ? ReadMode.STRICT : ReadMode.LENIENT,
                    e -> {
                        errors[0]++;
                        err.println(e);
                    },
                    json);
            json.flush();
        } catch (FormatException e) {
            err.println(e.error());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println(file() + ":0: : cannot read: " + e.getMessage());
            return 2;
        }
        return errors[0] == 0 ? 0 : 1;
    }
}
