package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredZipTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatChangedSinceItWasReadIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("persons.csv"), "person,sex\np1,1\n");
        StagedFile read = StagingFolder.read(file, "persons.csv");
        Files.writeString(file, "person,sex\np9,2\n"); // same size, other bytes

        assertThatThrownBy(() -> StoredZip.write(OutputStream.nullOutputStream(), List.of(read)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("persons.csv");
    }

    @Test
    void aFileThatGrewOrShrankSinceItWasReadIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("persons.csv"), "person,sex\np1,1\n");
        StagedFile read = StagingFolder.read(file, "persons.csv");
        for (String changed : List.of("person,sex\np1,1\np2,2\n", "person,sex\n")) {
            Files.writeString(file, changed);
            assertThatThrownBy(() -> StoredZip.write(OutputStream.nullOutputStream(), List.of(read)))
                    .isInstanceOf(IOException.class)
                    .hasMessage("staging file persons.csv changed while it was being sealed: seal again");
        }
    }

    @Test
    void theSameFilesGiveTheSameBytes() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "x\n1\n");
        Path b = Files.writeString(dir.resolve("b.txt"), "本文\n");
        List<StagedFile> files = List.of(StagingFolder.read(a, "a.csv"), StagingFolder.read(b, "b.txt"));
        var first = new ByteArrayOutputStream();
        var second = new ByteArrayOutputStream();
        StoredZip.write(first, files);
        Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(0));
        StoredZip.write(second, files);

        assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
    }
}
