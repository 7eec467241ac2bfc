package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBackTest {

    @TempDir
    Path dir;

    @Test
    void aFileWrittenWhileItIsForcedKeepsEveryByte() throws Exception {
        Path file = dir.resolve("archive");
        byte[] chunk = new byte[1 << 16];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                WriteBack writeBack = new WriteBack(channel, "test")) {
            // 40 chunks over some 600 ms: past two forces of the write-back
            int written = 0;
            for (; written < 40; written++) {
                chunk[0] = (byte) written;
                channel.write(ByteBuffer.wrap(chunk));
                Thread.sleep(15);
            }
            writeBack.finish();
            channel.force(true);
            assertThat(Files.size(file)).isEqualTo((long) written * chunk.length);
        }
    }

    @Test
    void aForceThatFailedIsThrownAtTheEndNotLost() throws Exception {
        FileChannel channel =
                FileChannel.open(dir.resolve("archive"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        WriteBack writeBack = new WriteBack(channel, "test");
        channel.close(); // the next force fails
        Thread.sleep(600);
        assertThatThrownBy(writeBack::finish)
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("writing the archive to disk failed");
    }
}
