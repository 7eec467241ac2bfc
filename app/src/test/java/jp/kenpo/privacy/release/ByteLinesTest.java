package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The final check's lines are those a reader's readLine gives, wherever the reads of the file fall. */
class ByteLinesTest {

    @TempDir
    Path dir;

    @Test
    void linesSplitWhereReadLineSplitsThemAcrossReadsAndLongerThanAnyRead() throws Exception {
        var random = new SplittableRandom(20261207);
        var bytes = new ByteArrayOutputStream();
        String[] ends = {"\n", "\r\n", "\r", "\n\n", "\r\r\n"};
        while (bytes.size() < 3_500_000) {
            int length = random.nextInt(20) == 0 ? random.nextInt(200_000) : random.nextInt(120);
            if (bytes.size() > 1_000_000 && bytes.size() < 1_100_000) {
                length = 2_500_000; // longer than the buffer
            }
            for (int i = 0; i < length; i++) {
                bytes.write('a' + random.nextInt(26));
            }
            bytes.writeBytes(ends[random.nextInt(ends.length)].getBytes(StandardCharsets.US_ASCII));
        }
        bytes.writeBytes("last line without an end".getBytes(StandardCharsets.US_ASCII));
        byte[] file = bytes.toByteArray();
        Files.write(dir.resolve("t.csv"), file);

        List<String> expected = new ArrayList<>();
        try (var reader = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.ISO_8859_1))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                expected.add(line);
            }
        }
        List<String> read = new ArrayList<>();
        try (var lines = new ByteLines(dir.resolve("t.csv"))) {
            while (lines.next()) {
                read.add(new String(
                        lines.bytes(), lines.start(), lines.end() - lines.start(), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(read).hasSameSizeAs(expected);
        assertThat(read).isEqualTo(expected);
    }
}
