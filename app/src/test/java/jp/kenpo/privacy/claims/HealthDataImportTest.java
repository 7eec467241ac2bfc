package jp.kenpo.privacy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.synthetic.SyntheticYear;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;

/** Receipts and checkups written by the synthetic generator in the real formats, imported and linked. */
class HealthDataImportTest extends DatabaseTest {

    private static final Charset SJIS = Charset.forName("Windows-31J");

    @Autowired
    HealthDataImport importer;
    @Autowired
    MemberRegistry registry;
    @Autowired
    JdbcTemplate jdbc;
    /**
     * One synthetic population for the whole class, registered once: populations of other seeds
     * would share member keys with it (the generator draws small household numbers).
     */
    @TempDir
    static Path generated;
    private static SyntheticYear.Summary base;

    @TempDir
    Path dir;

    private static final long SEED = 101;

    private Path base() throws Exception {
        Path baseDir = generated.resolve("base");
        if (base == null) {
            base = SyntheticYear.write(new SyntheticYear.Options(25, 2024, SEED, 0), baseDir, (d, t) -> { });
            try (InputStream in = Files.newInputStream(baseDir.resolve("members.csv"))) {
                registry.importCsv(in, "members.csv", StandardCharsets.UTF_8, false);
            }
        }
        return baseDir;
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static int sum(List<ImportedFile> files, java.util.function.ToIntFunction<ImportedFile> f) {
        return files.stream().mapToInt(f).sum();
    }

    @Test
    void aYearIsLinkedToItsMembersAndStoredOnlyOnce() throws Exception {
        Path year = base();
        SyntheticYear.Summary s = base;

        List<ImportedFile> receipts = importer.importReceipts(year.resolve("claims"), ReadMode.STRICT, "test", ImportProgress.NONE);
        assertThat(receipts).allMatch(f -> f.outcome() == ImportedFile.Outcome.IMPORTED);
        assertThat(sum(receipts, ImportedFile::records)).isEqualTo(s.totalReceipts());
        assertThat(sum(receipts, ImportedFile::linked)).isEqualTo(s.totalReceipts());
        long fileId = receipts.get(0).fileId();
        assertThat(count("select count(*) from receipt where file_id = ?", fileId)).isEqualTo(receipts.get(0).records());
        assertThat(count("select count(*) from receipt_diagnosis d join receipt r on r.file_id = d.file_id "
                + "and r.seq = d.receipt_seq where r.file_id = ?", fileId)).isPositive();

        List<ImportedFile> checkups = importer.importCheckups(year.resolve("checkups"), ReadMode.STRICT, "test", ImportProgress.NONE);
        assertThat(sum(checkups, ImportedFile::linked)).isEqualTo(s.checkups());
        assertThat(count("select count(*) from checkup_observation o join checkup c on c.file_id = o.file_id "
                + "and c.seq = o.checkup_seq where c.file_id = ? and o.code = '9N001000000000001'", checkups.get(0).fileId()))
                .as("a height for every checkup").isEqualTo(checkups.get(0).records());

        assertThat(count("select count(*) from audit_entry where action = 'HEALTH_DATA_IMPORTED' and detail like ?",
                "receipt file #" + fileId + " %")).as("audited").isEqualTo(1);

        List<ImportedFile> again = importer.importReceipts(year.resolve("claims"), ReadMode.STRICT, "test", ImportProgress.NONE);
        assertThat(again).allMatch(f -> f.outcome() == ImportedFile.Outcome.ALREADY_IMPORTED);
        assertThat(again.get(0).fileId()).isEqualTo(fileId);
        assertThat(count("select count(*) from receipt where file_id = ?", fileId)).isEqualTo(receipts.get(0).records());
    }

    @Test
    void unlinkableRecordsAreKeptInQuarantineWithTheReason() throws Exception {
        Path year = base();
        // the same population (same seed, same members), a third of whose records name no member
        SyntheticYear.write(new SyntheticYear.Options(25, 2024, SEED, 0.3), dir, (d, t) -> { });
        assertThat(Files.readString(dir.resolve("members.csv"))).isEqualTo(Files.readString(year.resolve("members.csv")));

        List<ImportedFile> files = importer.importReceipts(dir.resolve("claims"), ReadMode.STRICT, "test", ImportProgress.NONE);

        int quarantined = sum(files, ImportedFile::quarantined);
        assertThat(quarantined).isPositive();
        assertThat(sum(files, ImportedFile::linked) + quarantined).isEqualTo(sum(files, ImportedFile::records));
        long fileId = files.stream().filter(f -> f.quarantined() > 0).findFirst().orElseThrow().fileId();
        var rows = jdbc.queryForList("select location, reason, detail, record from health_data_quarantine where file_id = ?", fileId);
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("reason")).isEqualTo("UNKNOWN_MEMBER");
            assertThat((String) r.get("location")).startsWith("line ");
            assertThat((String) r.get("record")).contains("\"receiptNumber\"").contains("\"diagnoses\"");
        });
    }

    @Test
    void aFileBrokenHalfWayStoresNothingAndLenientModeQuarantinesTheBadReceipt() throws Exception {
        Path source;
        try (Stream<Path> files = Files.list(base().resolve("claims"))) {
            source = files.filter(p -> p.getFileName().toString().startsWith("medical")).sorted().findFirst().orElseThrow();
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(source, SJIS));
        int bad = -1;
        for (int i = lines.size() / 2; i < lines.size(); i++) {
            if (lines.get(i).startsWith("SY,")) {
                String[] f = lines.get(i).split(",", -1);
                f[2] = "20241399";
                lines.set(i, String.join(",", f));
                bad = i + 1;
                break;
            }
        }
        assertThat(bad).isPositive();
        Path broken = dir.resolve("broken.UKE");
        boolean endMark = lines.get(lines.size() - 1).equals("\u001A");
        if (endMark) {
            lines.remove(lines.size() - 1);
        }
        Files.write(broken, (String.join("\r\n", lines) + "\r\n" + (endMark ? "\u001A" : "")).getBytes(SJIS));
        long filesBefore = count("select count(*) from health_data_file");
        long receiptsBefore = count("select count(*) from receipt");

        ImportedFile strict = importer.importReceipts(broken, ReadMode.STRICT, "test", ImportProgress.NONE).get(0);

        assertThat(strict.outcome()).isEqualTo(ImportedFile.Outcome.FAILED);
        assertThat(strict.problem()).contains("broken.UKE:" + bad + ": SY");
        assertThat(count("select count(*) from health_data_file")).isEqualTo(filesBefore);
        assertThat(count("select count(*) from receipt")).isEqualTo(receiptsBefore);

        ImportedFile lenient = importer.importReceipts(broken, ReadMode.LENIENT, "test", ImportProgress.NONE).get(0);
        assertThat(lenient.outcome()).isEqualTo(ImportedFile.Outcome.IMPORTED);
        assertThat(lenient.quarantined()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select detail from health_data_quarantine where file_id = ? and reason = 'UNREADABLE'",
                String.class, lenient.fileId())).contains("broken.UKE:" + bad + ": SY");
    }

    @Test
    void fullWidthDigitsAndAMissingBranchStillLinkUnlessTheHouseholdIsAmbiguous() throws Exception {
        // a household registered by the test: twins born the same day
        String s = TestMembers.freshSymbol().substring(1);
        String insurer = TestMembers.INSURER;
        TestMembers.importRows(registry, List.of(TestMembers.insured("K" + s, "5", "2020-04-01", null),
                TestMembers.dependent("K" + s, "5", "01", "2020-04-01"),
                TestMembers.dependent("K" + s, "5", "02", "2020-04-01")));
        String fullWidthSymbol = "Ｋ" + s.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０'))).reduce("", String::concat);
        String insuredPerson = receipt(insurer, fullWidthSymbol, "５", "1", "19800401");
        String twin = receipt(insurer, fullWidthSymbol, "５", "2", "20120615");
        Path file = dir.resolve("hand-made.UKE");
        Files.write(file, ("IR,1,13,1,0006286,,テスト医院,202405,00,\r\n" + insuredPerson + twin + "GO,2,140,99\r\n").getBytes(SJIS));

        ImportedFile imported = importer.importReceipts(file, ReadMode.STRICT, "test", ImportProgress.NONE).get(0);

        assertThat(imported.linked()).as("full-width 記号・番号, no 枝番, one member of that sex and birth date").isEqualTo(1);
        assertThat(imported.quarantined()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select reason from health_data_quarantine where file_id = ?", String.class,
                imported.fileId())).isEqualTo("AMBIGUOUS_MEMBER");
    }

    /** One 医科 outpatient receipt without an SN record, so without 枝番. */
    private static String receipt(String insurer, String symbol, String number, String sex, String born) {
        return "RE,1,1112,202404,試験　患者," + sex + "," + born + ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,シケン　カンジャ,\r\n"
                + "HO," + insurer + "," + symbol + "," + number + ",1,70,,,,,,,,,\r\n"
                + "SY,0797868,20240401,1,,,01,\r\n"
                + "SI,12,1,115786693,,70,1,,,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n";
    }
}
