package jp.kenpo.privacy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table's rows counted from its bytes are the parser's count, or the parser reads the table. */
class StagingFolderTest {

    @TempDir
    Path dir;

    private interface Reader {
        StagedFile read(Path file, String name) throws Exception;
    }

    /** The reading of a file as sealing sees it: what it found, or the refusal. */
    private static String reading(Reader reader, Path file) {
        try {
            StagedFile f = reader.read(file, "t.csv");
            return f.size() + " bytes, CRC " + f.crc32() + ", " + f.sha256() + ", rows " + f.rows();
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private void assertCountedAsTheParserCounts(byte[] table) throws Exception {
        Path file = dir.resolve("t.csv");
        Files.write(file, table);
        assertThat(reading(StagingFolder::read, file))
                .as(new String(table, StandardCharsets.UTF_8))
                .isEqualTo(reading(StagingFolder::readParsed, file));
    }

    @Test
    void tablesAsAReleaseWritesThemAndOthers() throws Exception {
        List<String> tables = List.of(
                "a,b\n1,2\n",
                "a,b\n1,2",
                "a,b\n",
                "a,b",
                "a\n1\n2\n",
                "a,b\n1,\"x,y\"\n",
                "a,b\n1,\"two\nlines\"\n2,3\n",
                "a,b\n\"say \"\"hi\"\"\",2\n",
                "a,b\n1,\"\"\n",
                "a,b\n\"\",\"\"",
                "a,b\n1,\"open\n",
                "a,b\n1,2,3\n",
                "a,b\n1\n",
                "a,b\n\n1,2\n",
                "a\n\n",
                "a,b\r\n1,2\r\n",
                "a,b\r1,2\r",
                "a,b\n1,x\"y\n",
                "a,b\n1,\"x\"y\n",
                "\uFEFFa,b\n1,2\n",
                "\uFEFF",
                "",
                "\n",
                "列,値\n見本,ｱ\n",
                "a,b\n1,\"見本\"\n");
        for (String table : tables) {
            assertCountedAsTheParserCounts(table.getBytes(StandardCharsets.UTF_8));
        }
        for (byte[] bytes : List.of(
                new byte[] {'a', ',', 'b', '\n', (byte) 0xFF, ',', '1', '\n'},
                new byte[] {'a', ',', 'b', '\n', (byte) 0xE3, (byte) 0x81, ',', '1', '\n'},
                new byte[] {'a', ',', 'b', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80, ',', '1', '\n'},
                new byte[] {'a', ',', 'b', '\n', (byte) 0xC0, (byte) 0x80, ',', '1', '\n'},
                new byte[] {'a', ',', 'b', '\n', '1', ',', (byte) 0xE3})) {
            assertCountedAsTheParserCounts(bytes);
        }
    }

    @Test
    void tablesOfEveryShapeAtRandom() throws Exception {
        var random = new SplittableRandom(20261207);
        List<byte[]> pieces = new ArrayList<>();
        for (String s : List.of("a", "1", ",", ",", "\n", "\n", "\"", "\"\"", "\r", "見", "x y")) {
            pieces.add(s.getBytes(StandardCharsets.UTF_8));
        }
        pieces.add(new byte[] {(byte) 0xE3});
        pieces.add(new byte[] {(byte) 0x81});
        for (int i = 0; i < 3000; i++) {
            var table = new ByteArrayOutputStream();
            table.writeBytes("a,b\n".getBytes(StandardCharsets.UTF_8));
            int length = random.nextInt(30);
            for (int j = 0; j < length; j++) {
                table.writeBytes(pieces.get(random.nextInt(pieces.size())));
            }
            assertCountedAsTheParserCounts(table.toByteArray());
        }
    }

    @Test
    void aLargeTableIsCountedAcrossTheReadingsOfItsBytes() throws Exception {
        var sb = new StringBuilder("person,sex,note\n");
        for (int i = 0; i < 100_000; i++) {
            sb.append(String.format("%032x", i)).append(",").append(i % 2).append(",");
            sb.append(i % 1000 == 0 ? "\"見本,\n二行\"" : "見本").append('\n');
        }
        byte[] table = sb.toString().getBytes(StandardCharsets.UTF_8);
        assertCountedAsTheParserCounts(table);
        assertThat(StagingFolder.read(dir.resolve("t.csv"), "t.csv").rows()).isEqualTo(100_000);
    }
}
