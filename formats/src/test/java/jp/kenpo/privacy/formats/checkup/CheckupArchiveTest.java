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
        example = new CheckupReader()
                .read(
                        new ByteArrayInputStream(CheckupReaderTest.example().getBytes(StandardCharsets.UTF_8)),
                        "example.xml");
    }

    private Checkup person(int i) {
        return new Checkup(
                "",
                example.reportCategory(),
                example.createdOn(),
                new MemberKey("06130017", "１２３", String.valueOf(1000 + i), "00"),
                "",
                i % 2 == 0 ? "1" : "2",
                example.birthDate(),
                example.checkupDate(),
                example.programType(),
                example.facilityCode(),
                example.facilityName(),
                example.observations().subList(0, 1 + i % example.observations().size()));
    }

    private record Read(List<Checkup> checkups, List<String> names, List<FormatError> errors) {}

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
        try (CheckupArchiveWriter w = new CheckupArchiveWriter(
                Files.newOutputStream(zip), "1312345678", "06130017", LocalDate.of(2024, 7, 1), 0)) {
            for (int i = 0; i < 25; i++) {
                written.add(person(i));
                w.add(person(i));
            }
        }
        Read r = read(zip, ReadMode.STRICT);
        assertThat(r.errors()).isEmpty();
        assertThat(r.checkups()).isEqualTo(written);
        assertThat(r.names().get(0))
                .isEqualTo(zip + "!/1312345678_06130017_202407010_1/DATA/h13123456782024070101000001.xml");
    }

    @Test
    void aDocumentHasTheSameDigestLooseOrInAnArchive() throws IOException {
        byte[] document = new CheckupWriter().toBytes(person(3));
        Path loose = dir.resolve("h.xml");
        Files.write(loose, document);
        Path zip = dir.resolve("wrapped.zip");
        try (CheckupArchiveWriter w = new CheckupArchiveWriter(
                Files.newOutputStream(zip), "1312345678", "06130017", LocalDate.of(2024, 7, 1), 0)) {
            w.add(person(1));
            w.addDocument(document);
        }
        String expected = java.util.HexFormat.of().formatHex(sha256(document));
        try (CheckupSource s = CheckupSource.open(loose, ReadMode.STRICT, e -> {})) {
            assertThat(s.next()).isNotNull();
            assertThat(s.currentDigest()).isEqualTo(expected);
        }
        List<String> digests = new ArrayList<>();
        try (CheckupSource s = CheckupSource.open(zip, ReadMode.STRICT, e -> {})) {
            while (s.next() != null) {
                digests.add(s.currentDigest());
            }
        }
        assertThat(digests).hasSize(2).element(1).isEqualTo(expected);
        assertThat(digests.get(0)).isNotEqualTo(expected);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    private record Entry(String name, Body body) {}

    private static Entry text(String name, String content) {
        return new Entry(name, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static Entry index(int count) {
        return text(
                "B/ix08_V08.xml",
                "<index xmlns=\"urn:hl7-org:v3\"><totalRecordCount value=\"" + count + "\"/></index>");
    }

    @Test
    void indexCountingOtherThanTheDocuments() throws IOException {
        Path zip = handMadeZip("count.zip", index(3), text("B/DATA/h1.xml", CheckupReaderTest.example()));
        Read r = read(zip, ReadMode.LENIENT);
        assertThat(r.checkups()).hasSize(1);
        assertThat(r.errors())
                .extracting(FormatError::toString)
                .containsExactly(zip + ":0: index/totalRecordCount value: says 3 documents but the archive holds 1");
    }

    @Test
    void missingIndex() throws IOException {
        Path zip = handMadeZip("noindex.zip", text("B/DATA/h1.xml", CheckupReaderTest.example()));
        assertThatThrownBy(() -> read(zip, ReadMode.STRICT))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("no index document");
    }

    @Test
    void badDocumentIsSkippedInLenientModeAndStopsStrictMode() throws IOException {
        Path zip = handMadeZip(
                "bad.zip",
                index(3),
                text("B/DATA/h1.xml", CheckupReaderTest.example()),
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
        Path zip = handMadeZip(
                "slip.zip",
                index(1),
                text("B/DATA/h1.xml", CheckupReaderTest.example()),
                text("../../DATA/evil.xml", CheckupReaderTest.example()),
                text("/abs/DATA/evil.xml", CheckupReaderTest.example()));
        Read r = read(zip, ReadMode.LENIENT);
        assertThat(r.checkups()).hasSize(1);
        assertThat(r.errors())
                .extracting(FormatError::reason)
                .containsOnly("entry name leaves the archive; the entry is ignored")
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
        assertThat(r.errors())
                .extracting(FormatError::reason)
                .contains("document larger than the limit of 8388608 bytes");
    }

    @Test
    void tooManyEntries() throws IOException {
        Entry[] many = new Entry[12];
        for (int i = 0; i < many.length; i++) {
            many[i] = text("B/DATA/h" + i + ".xml", "<x/>");
        }
        Path zip = handMadeZip("many.zip", many);
        assertThatThrownBy(() -> readAll(zip, ReadMode.LENIENT, new XmlLimits(1 << 20, 48, 100, 1000, 10, 1L << 30)))
                .as("not stepped over in lenient mode either")
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("more than 10 entries");
    }

    private static void readAll(Path zip, ReadMode mode, XmlLimits limits) throws IOException {
        try (CheckupSource s = CheckupSource.open(zip, mode, e -> {}, limits)) {
            while (s.next() != null) {
                // read to the end
            }
        }
    }

    @Test
    void manyEntriesTogetherInflatingBeyondTheArchiveBoundStopTheArchive() throws IOException {
        // each entry is well under the document bound; together they pass the archive's
        Entry[] entries = new Entry[8];
        entries[0] = index(1);
        entries[1] = text("B/DATA/h1.xml", CheckupReaderTest.example());
        for (int i = 2; i < entries.length; i++) {
            entries[i] = new Entry("B/DATA/h" + i + ".xml", out -> {
                out.write("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><!--".getBytes(StandardCharsets.US_ASCII));
                out.write(" ".repeat(900_000).getBytes(StandardCharsets.US_ASCII));
                out.write("--></ClinicalDocument>".getBytes(StandardCharsets.US_ASCII));
            });
        }
        Path zip = handMadeZip("many-small-bombs.zip", entries);
        XmlLimits limits = new XmlLimits(1 << 20, 48, 2_000, 65_536, 100, 4 << 20);

        assertThatThrownBy(() -> readAll(zip, ReadMode.LENIENT, limits))
                .isInstanceOf(FormatException.class)
                .hasMessage(zip + ":0: zip: the entries inflate to more than 4194304 bytes in all");
        assertThat(Files.size(zip)).isLessThan(1 << 20);
    }

    @Test
    void backslashesAndDriveLettersInEntryNamesAreRefused() throws IOException {
        Path zip = handMadeZip(
                "windows.zip",
                index(1),
                text("B/DATA/h1.xml", CheckupReaderTest.example()),
                text("B\\DATA\\evil.xml", CheckupReaderTest.example()),
                text("C:/DATA/evil.xml", CheckupReaderTest.example()),
                text("c:DATA/evil.xml", CheckupReaderTest.example()));
        Read r = read(zip, ReadMode.LENIENT);
        assertThat(r.checkups()).hasSize(1);
        assertThat(r.errors())
                .extracting(FormatError::toString)
                .containsExactly(
                        zip + "!/B\\DATA\\evil.xml:0: zip: entry name leaves the archive; the entry is ignored",
                        zip + "!/C:/DATA/evil.xml:0: zip: entry name leaves the archive; the entry is ignored",
                        zip + "!/c:DATA/evil.xml:0: zip: entry name leaves the archive; the entry is ignored");
        assertThatThrownBy(() -> read(zip, ReadMode.STRICT)).hasMessageContaining("B\\DATA\\evil.xml");
    }

    /** A hostile index: refused with the same checks as a person's document; the documents are still read. */
    private void hostileIndex(String indexXml, String reason) throws IOException {
        hostileIndex(indexXml.getBytes(StandardCharsets.UTF_8), reason);
    }

    private void hostileIndex(byte[] indexXml, String reason) throws IOException {
        Path zip = handMadeZip(
                "hostile-index.zip",
                new Entry("B/ix08_V08.xml", out -> out.write(indexXml)),
                text("B/DATA/h1.xml", CheckupReaderTest.example()));
        Read r = read(zip, ReadMode.LENIENT);
        assertThat(r.checkups()).hasSize(1);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(zip + "!/B/ix08_V08.xml");
            assertThat(e.reason()).contains(reason);
        });
        assertThatThrownBy(() -> read(zip, ReadMode.STRICT))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void anIndexWithAnEntityReferenceIsRefused() throws IOException {
        hostileIndex("<index xmlns=\"urn:hl7-org:v3\"><totalRecordCount value=\"1\"/>&x;</index>", "entity");
    }

    @Test
    void anIndexWithADoctypeIsRefused() throws IOException {
        hostileIndex(
                "<?xml version=\"1.0\"?><!DOCTYPE index [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<index xmlns=\"urn:hl7-org:v3\"><totalRecordCount value=\"1\"/>&x;</index>",
                "DOCTYPE is not allowed in the index document");
    }

    @Test
    void aDeeplyNestedIndexIsRefused() throws IOException {
        hostileIndex(
                "<index xmlns=\"urn:hl7-org:v3\">" + "<a>".repeat(10_000) + "</a>".repeat(10_000)
                        + "<totalRecordCount value=\"1\"/></index>",
                "elements nested deeper than 48");
    }

    @Test
    void anIndexThatIsNotUtf8IsRefused() throws IOException {
        byte[] bad = "<index xmlns=\"urn:hl7-org:v3\">\n<totalRecordCount value=\"1\"/>\n<x>XX</x></index>"
                .getBytes(StandardCharsets.UTF_8);
        int at = new String(bad, StandardCharsets.UTF_8).indexOf("XX");
        bad[at] = (byte) 0xC3;
        bad[at + 1] = (byte) 0x28;
        hostileIndex(bad, "undecodable bytes for UTF-8");
        hostileIndex("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><index/>", "is not UTF-8");
    }

    @Test
    void aDocumentLeftOutIsHandedOverWithItsTextAndTheIndexCountIsTheArchives() throws IOException {
        String bad = CheckupReaderTest.example().replace("value=\"171.2\"", "value=\"abc\"");
        Path zip = handMadeZip(
                "leftout.zip",
                index(3),
                text("B/DATA/h1.xml", CheckupReaderTest.example()),
                text("B/DATA/h2.xml", bad));
        var leftOut = new ArrayList<jp.kenpo.privacy.formats.UnreadableRecord>();
        var ofFile = new ArrayList<FormatError>();
        var problems = new jp.kenpo.privacy.formats.ReadProblems() {
            @Override
            public void ofFile(FormatError problem) {
                ofFile.add(problem);
            }

            @Override
            public void unreadable(jp.kenpo.privacy.formats.UnreadableRecord record) {
                leftOut.add(record);
            }
        };
        int read = 0;
        try (CheckupSource s = CheckupSource.open(
                Files.newInputStream(zip), zip.toString(), ReadMode.LENIENT, problems, XmlLimits.DEFAULT)) {
            while (s.next() != null) {
                read++;
            }
        }
        assertThat(read).isEqualTo(1);
        assertThat(leftOut).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo(zip + "!/B/DATA/h2.xml");
            assertThat(u.problem().reason()).contains("PQ value \"abc\" is not a number");
            assertThat(u.text()).isEqualTo(bad);
            assertThat(u.omittedBytes()).isZero();
        });
        assertThat(ofFile).extracting(FormatError::reason).containsExactly("says 3 documents but the archive holds 2");
    }

    @Test
    void brokenZip() throws IOException {
        Path zip = dir.resolve("broken.zip");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertThatThrownBy(() -> CheckupSource.open(zip, ReadMode.LENIENT, e -> {}))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("not a readable zip archive");
    }
}
