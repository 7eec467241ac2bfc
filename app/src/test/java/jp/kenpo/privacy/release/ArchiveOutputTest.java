package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive is hashed and written on a thread of its own; what it wrote and what went wrong come back. */
class ArchiveOutputTest {

    @TempDir
    Path dir;

    @Test
    void theFileHoldsEveryByteWrittenAndTheDigestIsItsOwn() throws Exception {
        byte[] bytes = new byte[3_500_000];
        new SplittableRandom(1).nextBytes(bytes);
        Path file = dir.resolve("a.zip");
        String sha256;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                var out = new ArchiveOutput(channel, "test")) {
            out.write(bytes[0]);
            out.write(bytes, 1, 100);
            out.write(bytes, 101, 2_000_000);
            out.write(bytes, 2_000_101, bytes.length - 2_000_101);
            sha256 = out.finish();
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(sha256)
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void aFailureToWriteReachesTheSealingThread() throws Exception {
        Path file = Files.writeString(dir.resolve("read-only.zip"), "");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                var out = new ArchiveOutput(channel, "failing")) {
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 100; i++) {
                            out.write(new byte[1 << 20]);
                        }
                        out.finish();
                    })
                    .hasMessageStartingWith("writing the archive failed");
        }
        assertThat(writingThreads("seal-failing")).isZero();
    }

    @Test
    void aSealThatFailsStopsTheWritingThread() throws Exception {
        try (FileChannel channel = FileChannel.open(
                        dir.resolve("b.zip"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                var out = new ArchiveOutput(channel, "abandoned")) {
            out.write(new byte[5 << 20]);
        }
        assertThat(writingThreads("seal-abandoned")).isZero();
    }

    private static long writingThreads(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name) && t.isAlive())
                .count();
    }
}
