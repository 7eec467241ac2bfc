package jp.kenpo.privacy.formats.checkup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.kenpo.privacy.formats.synthetic.SyntheticYear;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the generator writes passes the official MHLW schemas (kept under test resources, see
 * {@link OfficialSchemas}) and follows the file-name rules of the 送付用ファイルアーカイブ仕様説明書.
 */
class OfficialSchemaTest {

    /**
     * {@code <提出元機関番号 10>_<提出先機関番号 8>_<提出年月日 YYYYMMDD><同日分割送信回数 N>_<実施区分コード X>};
     * the root folder inside the zip has the same name.
     */
    private static final Pattern ARCHIVE = Pattern.compile("([0-9]{10})_([0-9]{8})_([0-9]{8})([0-9])_([1-9])");

    @TempDir
    static Path dir;

    static List<Path> archives;

    @BeforeAll
    static void generate() throws IOException {
        SyntheticYear.write(new SyntheticYear.Options(1_500, 2024, 11, 0), dir, (d, t) -> {});
        try (Stream<Path> files = Files.list(dir.resolve("checkups"))) {
            archives = files.sorted().toList();
        }
    }

    private record Entry(String name, byte[] bytes) {}

    private static List<Entry> entries(Path zip) throws IOException {
        List<Entry> all = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                all.add(new Entry(e.getName(), in.readAllBytes()));
            }
        }
        return all;
    }

    @Test
    void everyGeneratedDocumentIndexAndSummaryPassesTheOfficialSchemas() throws IOException {
        assertThat(archives).isNotEmpty();
        int documents = 0;
        int indexes = 0;
        for (Path zip : archives) {
            for (Entry e : entries(zip)) {
                OfficialSchemas schema = e.name().contains("/DATA/")
                        ? OfficialSchemas.CHECKUP
                        : e.name().endsWith("/ix08_V08.xml")
                                ? OfficialSchemas.INDEX
                                : e.name().endsWith("/su08_V08.xml") ? OfficialSchemas.SUMMARY : null;
                assertThat(schema)
                        .as("%s!/%s is a file the archive specification names", zip.getFileName(), e.name())
                        .isNotNull();
                assertThat(schema.violations(e.bytes()))
                        .as("%s!/%s against %s", zip.getFileName(), e.name(), schema)
                        .isEmpty();
                documents += schema == OfficialSchemas.CHECKUP ? 1 : 0;
                indexes += schema == OfficialSchemas.INDEX ? 1 : 0;
            }
        }
        assertThat(indexes).isEqualTo(archives.size());
        assertThat(documents).isGreaterThan(100);
    }

    @Test
    void archiveFolderAndDocumentNamesFollowTheArchiveSpecification() throws IOException {
        for (Path zip : archives) {
            String file = zip.getFileName().toString();
            assertThat(file).endsWith(".zip");
            String base = file.substring(0, file.length() - 4);
            Matcher m = ARCHIVE.matcher(base);
            assertThat(m.matches()).as(file).isTrue();
            assertThat(m.group(5)).as("実施区分コード of %s: 1 特定健診情報", file).isEqualTo("1");
            // h + 健診機関番号 + 作成年月日 + 同日分割送信回数 + 種別 (実施区分コード) + 6-digit serial
            Pattern document =
                    Pattern.compile(Pattern.quote(base + "/DATA/h" + m.group(1) + m.group(3) + m.group(4) + m.group(5))
                            + "[0-9]{6}\\.xml");
            for (Entry e : entries(zip)) {
                assertThat(e.name())
                        .as("every entry of %s is under its root folder", file)
                        .startsWith(base + "/");
                if (e.name().contains("/DATA/")) {
                    assertThat(e.name()).matches(document);
                }
            }
        }
        assertThat(archives)
                .extracting(p -> p.getFileName().toString())
                .as("the first archive of a centre on a day is N = 0")
                .anyMatch(n -> n.endsWith("0_1.zip"));
    }

    @Test
    void aWrittenDocumentWithEveryValueTypePassesTheCheckupSchema() throws IOException {
        Checkup example;
        try (InputStream in =
                new java.io.ByteArrayInputStream(CheckupReaderTest.example().getBytes(StandardCharsets.UTF_8))) {
            example = new CheckupReader().read(in, "example.xml");
        }
        assertThat(example.observations()).extracting(Observation::valueType).contains("PQ", "CO", "ST");
        assertThat(OfficialSchemas.CHECKUP.violations(new CheckupWriter().toBytes(example)))
                .isEmpty();
    }

    @Test
    void anArchiveThatSettlesCarriesASummaryWithTheTotalsTheSchemaRequires() throws IOException {
        Path zip = dir.resolve("settles.zip");
        try (CheckupArchiveWriter w = new CheckupArchiveWriter(
                Files.newOutputStream(zip), "1312345678", "06130017", java.time.LocalDate.of(2025, 4, 30), 0)) {
            for (Path archive : archives.subList(0, 1)) {
                for (Entry e : entries(archive)) {
                    if (e.name().contains("/DATA/")) {
                        w.addDocument(e.bytes());
                    }
                }
            }
            w.summarize(new SettlementTotals(9_310_000, 0, null, 9_310_000));
        }
        List<Entry> entries = entries(zip);
        Entry summary = entries.stream()
                .filter(e -> e.name().endsWith("/su08_V08.xml"))
                .findFirst()
                .orElseThrow();
        assertThat(OfficialSchemas.SUMMARY.violations(summary.bytes())).isEmpty();
        assertThat(new String(summary.bytes(), StandardCharsets.UTF_8))
                .contains(
                        "totalCostAmount value=\"9310000\"",
                        "totalPaymentAmount value=\"0\"",
                        "totalClaimAmount value=\"9310000\"");
        Entry index = entries.stream()
                .filter(e -> e.name().endsWith("/ix08_V08.xml"))
                .findFirst()
                .orElseThrow();
        assertThat(OfficialSchemas.INDEX.violations(index.bytes())).isEmpty();
    }

    @Test
    void anArchiveWithoutSettlementsHasNoSummary() throws IOException {
        for (Path zip : archives) {
            assertThat(entries(zip)).extracting(Entry::name).noneMatch(n -> n.endsWith("su08_V08.xml"));
        }
    }
}
