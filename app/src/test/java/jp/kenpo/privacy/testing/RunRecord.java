package jp.kenpo.privacy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * What a test run answered (HTTP responses, command output), appended to a file per run beside
 * the run's log, for {@code NumberLeakScanTest} to read at the end.
 */
public final class RunRecord {

    public static final Path DIR = Path.of("target", "test-logs");
    private static final Path ANSWERS =
            DIR.resolve("answers-" + (TestDatabases.postgres() ? "postgresql" : "h2") + ".txt");
    private static final Object LOCK = new Object();
    private static boolean started;

    private RunRecord() {}

    public static void append(String what, String text) {
        synchronized (LOCK) {
            try {
                Files.createDirectories(DIR);
                if (!started) {
                    Files.deleteIfExists(ANSWERS);
                    started = true;
                }
                Files.writeString(
                        ANSWERS,
                        "=== " + what + "\n" + text + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The files of this run: its log and its answers. */
    public static List<Path> files() {
        return List.of(DIR.resolve("log-" + (TestDatabases.postgres() ? "postgresql" : "h2") + ".txt"), ANSWERS);
    }
}
