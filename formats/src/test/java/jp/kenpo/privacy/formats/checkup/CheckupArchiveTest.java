package jp.kenpo.privacy.formats.checkup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.FormatException;
import jp.kenpo.privacy.formats.MemberKey;
import jp.kenpo.privacy.formats.ReadMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckupArchiveTest {

    @TempDir
    Path dir;

    private Checkup example;

    @BeforeEach
    void load() throws IOException {
        example = new CheckupReader().read(new ByteArrayInputStream(
                CheckupReaderTest.example().getBytes(StandardCharsets.UTF_8)), "example.xml");
    }

    private Checkup person(int i) {
        return new Checkup("", example.reportCategory(), example.createdOn(),
                new MemberKey("06130017", "１２３", String.valueOf(1000 + i), "00"), "", i % 2 == 0 ? "1" : "2",
                example.birthDate(), example.checkupDate(), example.programType(), example.facilityCode(),
                example.facilityName(), example.observations().subList(0, 1 + i % example.observations().size()));
    }

    private record Read(List<Checkup> checkups, List<String> names, List<FormatError> errors) {
    }

    private static Read read(Path zip, ReadMode mode) throws IOException {
        List<FormatError> errors = new ArrayList<>();
        List<Checkup> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (CheckupSource s = CheckupSource.open(zip, mode, errors::add)) {
            for (Checkup c; (c = s.next()) != null; ) {
                out.add(c);
                names.add(s.currentName());
            }
        }
        return new Read(out, names, errors);
    }

    @Test
    void writtenArchiveReadsBackTheSameCheckups() throws IOException {
        Path zip = dir.resolve("a.zip");
        List<Checkup> written = new ArrayList<>();
        try (CheckupArchiveWriter w = new CheckupArchiveWriter(Files.newOutputStream(zip), "1312345678", "06130017",
                LocalDate.of(2024, 7, 1), 1)) {
            for (int i = 0; i < 25; i++) {
                written.add(person(i));
                w.add(person(i));
            }
        }
        Read r = read(zip, ReadMode.STRICT);
        assertThat(r.errors()).isEmpty();
        assertThat(r.checkups()).isEqualTo(written);
        assertThat(r.names().get(0)).isEqualTo(zip + "!/1312345678_06130017_20240701_1/DATA/h13123456782024070100000001.xml");
    }

    @Test
    void aSingleXmlFileIsReadAsOneCheckup() throws IOException {
        Path xml = dir.resolve("one.xml");
        Files.writeString(xml, CheckupReaderTest.example());
        Read r = read(xml, ReadMode.STRICT);
        assertThat(r.checkups()).containsExactly(example);
    }

    private Path handMadeZip(String name, Entry... entries) throws IOException {
        Path zip = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Entry e : entries) {
                z.putNextEntry(new ZipEntry(e.name));
                e.body.write(z);
                z.closeEntry();
            }
        }
        return zip;
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private record Entry(String name, Body body) {
    }

    private static Entry text(String name, String content) {
        return new Entry(name, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static Entry index(int count) {
        return text("B/ix08_V08.xml", "<index xmlns=\"urn:hl7-org:v3\"><totalRecordCount value=\"" + count + "\"/></index>");
    }

    @Test
    void indexCountingOtherThanTheDocuments() throws IOException {
        Path zip = handMadeZip("count.zip", index(3), text("B/DATA/h1.xml", CheckupReaderTest.example()));
        Read r = read(zip, ReadMode.LENIENT);
        assertThat(r.checkups()).hasSize(1);
        assertThat(r.errors()).extracting(FormatError::toString)
                .containsExactly(zip + ":0: index/totalRecordCount value: says 3 documents but the archive holds 1");
    }

    @Test
    void missingIndex() throws IOException {
        Path zip = handMadeZip("noindex.zip", text("B/DATA/h1.xml", CheckupReaderTest.example()));
        assertThatThrownBy(() -> read(zip, ReadMode.STRICT)).isInstanceOf(FormatException.class)
                .hasMessageContaining("no index document");
    }

    @Test
    void badDocumentIsSkippedInLenientModeAndStopsStrictMode() throws IOException {
        Path zip = handMadeZip("bad.zip", index(3), text("B/DATA/h1.xml", CheckupReaderTest.example()),
                text("B/DATA/h2.xml", CheckupReaderTest.example().replace("value=\"171.2\"", "value=\"abc\"")),
                text("B/DATA/h3.xml", CheckupReaderTest.example()));
        Read r = read(zip, ReadMode.LENIENT);
        assertThat(r.checkups()).hasSize(2);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(zip + "!/B/DATA/h2.xml");
            assertThat(e.reason()).contains("PQ value \"abc\" is not a number");
        });
        assertThatThrownBy(() -> read(zip, ReadMode.STRICT)).hasMessageContaining("h2.xml");
    }

    @Test
    void entryNamesThatClimbOutAreRefused() throws IOException {
        Path zip = handMadeZip("slip.zip", index(1), text("B/DATA/h1.xml", CheckupReaderTest.example()),
                text("../../DATA/evil.xml", CheckupReaderTest.example()),
                text("/abs/DATA/evil.xml", CheckupReaderTest.example()));
        Read r = read(zip, ReadMode.LENIENT);
        assertThat(r.checkups()).hasSize(1);
        assertThat(r.errors()).extracting(FormatError::reason).containsOnly("entry name leaves the archive; the entry is ignored")
                .hasSize(2);
    }

    @Test
    void zipBombIsStoppedAtTheDocumentLimit() throws IOException {
        // 64 MiB of spaces inflate from a few kilobytes; the reader must stop at 8 MiB
        Path zip = handMadeZip("bomb.zip", index(1), new Entry("B/DATA/h1.xml", out -> {
            out.write("<ClinicalDocument xmlns=\"urn:hl7-org:v3\">".getBytes(StandardCharsets.US_ASCII));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                out.write(spaces);
            }
            out.write("</ClinicalDocument>".getBytes(StandardCharsets.US_ASCII));
        }));
        assertThat(Files.size(zip)).isLessThan(1 << 20);
        Read r = read(zip, ReadMode.LENIENT);
        assertThat(r.checkups()).isEmpty();
        assertThat(r.errors()).extracting(FormatError::reason)
                .contains("document larger than the limit of 8388608 bytes");
    }

    @Test
    void tooManyEntries() throws IOException {
        Entry[] many = new Entry[12];
        for (int i = 0; i < many.length; i++) {
            many[i] = text("B/DATA/h" + i + ".xml", "<x/>");
        }
        Path zip = handMadeZip("many.zip", many);
        assertThatThrownBy(() -> CheckupSource.open(zip, ReadMode.LENIENT, e -> { },
                new XmlLimits(1 << 20, 48, 100, 1000, 10)))
                .isInstanceOf(FormatException.class).hasMessageContaining("more than 10 entries");
    }

    @Test
    void brokenZip() throws IOException {
        Path zip = dir.resolve("broken.zip");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertThatThrownBy(() -> CheckupSource.open(zip, ReadMode.LENIENT, e -> { }))
                .isInstanceOf(FormatException.class).hasMessageContaining("not a readable zip archive");
    }
}
