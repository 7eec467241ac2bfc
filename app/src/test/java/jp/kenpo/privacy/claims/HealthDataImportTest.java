package jp.kenpo.privacy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import jp.kenpo.privacy.audit.AuditTrail;
import jp.kenpo.privacy.formats.MemberKey;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.checkup.Checkup;
import jp.kenpo.privacy.formats.checkup.CheckupWriter;
import jp.kenpo.privacy.formats.checkup.Observation;
import jp.kenpo.privacy.formats.receipt.Layout;
import jp.kenpo.privacy.formats.synthetic.SyntheticYear;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Receipts and checkups written by the synthetic generator in the real formats, imported and linked. */
class HealthDataImportTest extends DatabaseTest {

    private static final Charset SJIS = Charset.forName("Windows-31J");

    @Autowired
    HealthDataImport importer;

    @Autowired
    MemberRegistry registry;

    @Autowired
    MemberImport memberImport;

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
            base = SyntheticYear.write(new SyntheticYear.Options(25, 2024, SEED, 0), baseDir, (d, t) -> {});
            try (InputStream in = Files.newInputStream(baseDir.resolve("members.csv"))) {
                memberImport.importCsv(in, "members.csv", StandardCharsets.UTF_8, false);
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

        List<ImportedFile> receipts =
                importer.importReceipts(year.resolve("claims"), ReadMode.STRICT, "test", ImportProgress.NONE);
        assertThat(receipts).allMatch(f -> f.outcome() == ImportedFile.Outcome.IMPORTED);
        assertThat(sum(receipts, ImportedFile::records)).isEqualTo(s.totalReceipts());
        assertThat(sum(receipts, ImportedFile::linked)).isEqualTo(s.totalReceipts());
        long fileId = receipts.get(0).fileId();
        assertThat(count("select count(*) from receipt where file_id = ?", fileId))
                .isEqualTo(receipts.get(0).records());
        assertThat(count(
                        "select count(*) from receipt_diagnosis d join receipt r on r.file_id = d.file_id "
                                + "and r.seq = d.receipt_seq where r.file_id = ?",
                        fileId))
                .isPositive();

        List<ImportedFile> checkups =
                importer.importCheckups(year.resolve("checkups"), ReadMode.STRICT, "test", ImportProgress.NONE);
        assertThat(sum(checkups, ImportedFile::linked)).isEqualTo(s.checkups());
        assertThat(count(
                        "select count(*) from checkup_observation o join checkup c on c.file_id = o.file_id "
                                + "and c.seq = o.checkup_seq where c.file_id = ? and o.code = '9N001000000000001'",
                        checkups.get(0).fileId()))
                .as("a height for every checkup")
                .isEqualTo(checkups.get(0).records());

        assertThat(count(
                        "select count(*) from audit_entry where action = 'HEALTH_DATA_IMPORTED' and detail like ?",
                        "receipt file #" + fileId + " %"))
                .as("audited")
                .isEqualTo(1);

        List<ImportedFile> again =
                importer.importReceipts(year.resolve("claims"), ReadMode.STRICT, "test", ImportProgress.NONE);
        assertThat(again).allMatch(f -> f.outcome() == ImportedFile.Outcome.ALREADY_IMPORTED);
        assertThat(again.get(0).fileId()).isEqualTo(fileId);
        assertThat(count("select count(*) from receipt where file_id = ?", fileId))
                .isEqualTo(receipts.get(0).records());
    }

    @Test
    void unlinkableRecordsAreKeptInQuarantineWithTheReason() throws Exception {
        Path year = base();
        // the same population (same seed, same members), a third of whose records name no member
        SyntheticYear.write(new SyntheticYear.Options(25, 2024, SEED, 0.3), dir, (d, t) -> {});
        assertThat(Files.readString(dir.resolve("members.csv")))
                .isEqualTo(Files.readString(year.resolve("members.csv")));

        List<ImportedFile> files =
                importer.importReceipts(dir.resolve("claims"), ReadMode.STRICT, "test", ImportProgress.NONE);

        int quarantined = sum(files, ImportedFile::quarantined);
        assertThat(quarantined).isPositive();
        assertThat(sum(files, ImportedFile::linked) + quarantined).isEqualTo(sum(files, ImportedFile::records));
        long fileId = files.stream()
                .filter(f -> f.quarantined() > 0)
                .findFirst()
                .orElseThrow()
                .fileId();
        var rows = jdbc.queryForList(
                "select location, reason, detail, record from health_data_quarantine where file_id = ?", fileId);
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
            source = files.filter(p -> p.getFileName().toString().startsWith("medical"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
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

        ImportedFile strict = importer.importReceipts(broken, ReadMode.STRICT, "test", ImportProgress.NONE)
                .get(0);

        assertThat(strict.outcome()).isEqualTo(ImportedFile.Outcome.FAILED);
        assertThat(strict.problem()).contains("broken.UKE:" + bad + ": SY");
        assertThat(count("select count(*) from health_data_file")).isEqualTo(filesBefore);
        assertThat(count("select count(*) from receipt")).isEqualTo(receiptsBefore);

        ImportedFile lenient = importer.importReceipts(broken, ReadMode.LENIENT, "test", ImportProgress.NONE)
                .get(0);
        assertThat(lenient.outcome()).isEqualTo(ImportedFile.Outcome.IMPORTED);
        assertThat(lenient.quarantined()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select detail from health_data_quarantine where file_id = ? and reason = 'UNREADABLE'",
                        String.class,
                        lenient.fileId()))
                .contains("broken.UKE:" + bad + ": SY");
    }

    @Test
    void fullWidthDigitsAndAMissingBranchStillLinkUnlessTheHouseholdIsAmbiguous() throws Exception {
        // a household registered by the test: twins born the same day
        String s = TestMembers.freshSymbol().substring(1);
        String insurer = TestMembers.INSURER;
        TestMembers.importRows(
                memberImport,
                List.of(
                        TestMembers.insured("K" + s, "5", "2020-04-01", null),
                        TestMembers.dependent("K" + s, "5", "01", "2020-04-01"),
                        TestMembers.dependent("K" + s, "5", "02", "2020-04-01")));
        String fullWidthSymbol = "Ｋ"
                + s.chars()
                        .mapToObj(c -> String.valueOf((char) (c - '0' + '０')))
                        .reduce("", String::concat);
        String insuredPerson = receipt(insurer, fullWidthSymbol, "５", "1", "19800401");
        String twin = receipt(insurer, fullWidthSymbol, "５", "2", "20120615");
        Path file = dir.resolve("hand-made.UKE");
        Files.write(
                file,
                ("IR,1,13,1,0006286,,テスト医院,202405,00,\r\n" + insuredPerson + twin + "GO,2,140,99\r\n").getBytes(SJIS));

        ImportedFile imported = importer.importReceipts(file, ReadMode.STRICT, "test", ImportProgress.NONE)
                .get(0);

        assertThat(imported.linked())
                .as("full-width 記号・番号, no 枝番, one member of that sex and birth date")
                .isEqualTo(1);
        assertThat(imported.quarantined()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select reason from health_data_quarantine where file_id = ?", String.class, imported.fileId()))
                .isEqualTo("AMBIGUOUS_MEMBER");
    }

    private static String fields(int count, String... first) {
        String[] all = java.util.Arrays.copyOf(first, count);
        java.util.Arrays.setAll(all, i -> all[i] == null ? "" : all[i]);
        return String.join(",", all) + "\r\n";
    }

    @Test
    void dpcDiagnosesPharmacyPrescriptionsAndTheirDrugsAreStored() throws Exception {
        var key = TestMembers.register(memberImport);
        String insurer = TestMembers.INSURER;
        String ho = insurer + "," + key.symbol() + "," + key.number();
        String sn = fields(9, "SN", "1", "01", "", "", "", "00");
        String dpcRe = "RE,1,1111,202404,試験　太郎,1,19800401,,20240408" + ",".repeat(30) + "シケン　タロウ,\r\n";
        Path dpc = dir.resolve("dpc.UKE");
        Files.write(
                dpc,
                ("IR,1,13,1,0006286,,テスト病院,202405,00,\r\n" + dpcRe
                                + fields(16, "HO", insurer, key.symbol(), key.number(), "7", "2880") + sn
                                + fields(6, "BU", "040080xx99x0xx", "20240408", "20240414", "1")
                                + fields(8, "SB", "4659007", "8002", "", "J069", "11")
                                + fields(8, "SB", "2500013", "", "", "E119", "41")
                                + fields(8, "SY", "4659007", "20240408", "1", "", "", "01")
                                + "GO,1,2880,99\r\n")
                        .getBytes(SJIS));
        String pharmacyRe = "RE,1,4112,202404,試験　太郎,1,19800401" + ",".repeat(35) + "シケンタロウ\r\n";
        Path pharmacy = dir.resolve("pharmacy.UKE");
        Files.write(
                pharmacy,
                ("YK,1,13,4,1398765,テスト薬局,202405,00,\r\n" + pharmacyRe
                                + fields(14, "HO", insurer, key.symbol(), key.number(), "1", "846") + sn
                                + fields(10, "SH", "1", "1", "101", "", "43")
                                + fields(
                                        71,
                                        "CZ",
                                        "1",
                                        "20240410",
                                        "20240410",
                                        "1",
                                        "14",
                                        "1",
                                        "1",
                                        "01",
                                        "190000210",
                                        "50",
                                        "",
                                        "",
                                        "602",
                                        "",
                                        "1",
                                        "190001510",
                                        "6")
                                + fields(10, "IY", "1", "620098801", "3")
                                + fields(10, "IY", "1", "620004422", "1")
                                + fields(7, "TO", "1", "710010000", "2", "", "", "テスト材料")
                                + "GO,1,846,99\r\n")
                        .getBytes(SJIS));

        ImportedFile d = importer.importReceipts(dpc, ReadMode.STRICT, "test", ImportProgress.NONE)
                .get(0);
        ImportedFile p = importer.importReceipts(pharmacy, ReadMode.STRICT, "test", ImportProgress.NONE)
                .get(0);
        assertThat(List.of(d.linked(), p.linked())).containsExactly(1, 1);

        assertThat(jdbc.queryForMap(
                        "select dpc_code, dpc_admission_date, dpc_discharge_date, dpc_outcome from receipt"
                                + " where file_id = ?",
                        d.fileId()))
                .containsEntry("DPC_CODE", "040080xx99x0xx")
                .containsEntry("DPC_ADMISSION_DATE", java.sql.Date.valueOf("2024-04-08"))
                .containsEntry("DPC_DISCHARGE_DATE", java.sql.Date.valueOf("2024-04-14"))
                .containsEntry("DPC_OUTCOME", "1");
        assertThat(jdbc.queryForList(
                        "select record_type, code, icd10, dpc_category, main, start_date from receipt_diagnosis"
                                + " where file_id = ? order by seq",
                        d.fileId()))
                .extracting(m -> List.of(
                        m.get("RECORD_TYPE"),
                        m.get("CODE"),
                        String.valueOf(m.get("ICD10")),
                        String.valueOf(m.get("DPC_CATEGORY")),
                        m.get("MAIN"),
                        String.valueOf(m.get("START_DATE"))))
                .containsExactly(
                        List.of("SB", "4659007", "J069", "11", true, "null"),
                        List.of("SB", "2500013", "E119", "41", false, "null"),
                        List.of("SY", "4659007", "null", "null", true, "2024-04-08"));

        assertThat(jdbc.queryForMap(
                        "select rp_number, dosage_form, usage_code, unit_drug_points from receipt_prescription"
                                + " where file_id = ?",
                        p.fileId()))
                .containsEntry("RP_NUMBER", "1")
                .containsEntry("DOSAGE_FORM", "1")
                .containsEntry("USAGE_CODE", "101")
                .containsEntry("UNIT_DRUG_POINTS", 43);
        assertThat(jdbc.queryForMap(
                        "select prescription_seq, prescribed_on, dispensed_on, quantity, drug_points"
                                + " from receipt_dispensing where file_id = ?",
                        p.fileId()))
                .containsEntry("PRESCRIPTION_SEQ", 0)
                .containsEntry("DISPENSED_ON", java.sql.Date.valueOf("2024-04-10"))
                .containsEntry("QUANTITY", 14)
                .containsEntry("DRUG_POINTS", 602);
        assertThat(jdbc.queryForList(
                        "select fee, code, points from receipt_dispensing_fee where file_id = ? order by seq",
                        p.fileId()))
                .extracting(m -> m.get("FEE") + " " + m.get("CODE") + " " + m.get("POINTS"))
                .containsExactly("PREPARATION 190000210 50", "ADDITION 190001510 6");
        assertThat(jdbc.queryForList(
                        "select code, prescription_seq, points, times from receipt_drug where file_id = ?"
                                + " order by seq",
                        p.fileId()))
                .extracting(m ->
                        m.get("CODE") + " " + m.get("PRESCRIPTION_SEQ") + " " + m.get("POINTS") + " " + m.get("TIMES"))
                .containsExactly("620098801 0 null null", "620004422 0 null null");
        assertThat(count("select count(*) from receipt_material where file_id = ? and times is null", p.fileId()))
                .isEqualTo(1);
    }

    /** One 医科 outpatient receipt without an SN record, so without 枝番. */
    private static String receipt(String insurer, String symbol, String number, String sex, String born) {
        return receipt(
                "HO," + insurer + "," + symbol + "," + number + ",1,70,,,,,,,,,\r\n",
                sex,
                born,
                "SY,0797868,20240401,1,,,01,\r\n");
    }

    /** One 医科 outpatient receipt: its insurance records ({@code HO}, {@code SN}; none at all for no key), a diagnosis, a procedure. */
    private static String receipt(String insurance, String sex, String born, String diagnosis) {
        return "RE,1,1112,202404,試験　患者," + sex + "," + born + ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,シケン　カンジャ,\r\n"
                + insurance + diagnosis
                + "SI,12,1,115786693,,70,1,,,,,,,,,,,1,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n";
    }

    /** HO and SN of the member {@code symbol}-1-00 of {@code insurer}. */
    private static String insurance(String insurer, String symbol) {
        return "HO," + insurer + "," + symbol + ",1,1,70,,,,,,,,,\r\nSN,1,01,,,,00,,\r\n";
    }

    /** A claim-layout file of one facility holding {@code receipts}. */
    private Path receiptFile(String name, List<String> receipts) throws Exception {
        Path file = dir.resolve(name);
        Files.write(
                file,
                ("IR,1,13,1,0006286,,テスト医院,202405,00,\r\n" + String.join("", receipts) + "GO," + receipts.size()
                                + ",70,99\r\n")
                        .getBytes(SJIS));
        return file;
    }

    /** A member of this test's own, registered; the insured person 1-00 of the returned symbol (male, born 1980-04-01). */
    private String registeredSymbol() {
        String symbol = TestMembers.freshSymbol();
        TestMembers.importRows(memberImport, List.of(TestMembers.insured(symbol, "1", "2020-04-01", null)));
        return symbol;
    }

    private long rowsOfFile(String table, String name) {
        return count(
                "select count(*) from " + table + " t join health_data_file f on f.id = t.file_id where f.name = ?",
                name);
    }

    private long audited(String outcome, String fileName) {
        return count(
                "select count(*) from audit_entry where action = 'HEALTH_DATA_IMPORTED' and outcome = ? and detail like ?",
                outcome,
                "% file " + fileName + " %");
    }

    private HealthDataImport importerWith(Runnable beforeRegister, HookedJdbc.BatchHook beforeBatch) {
        return new HealthDataImport(
                new HookedJdbc(context.getBean(DataSource.class), beforeRegister, beforeBatch),
                context.getBean(TransactionTemplate.class),
                registry,
                context.getBean(AuditTrail.class),
                context.getBean(Clock.class));
    }

    private static final List<String> RECEIPT_TABLES =
            List.of("receipt", "receipt_diagnosis", "receipt_procedure", "receipt_comment", "health_data_quarantine");

    private Map<String, Long> rowCounts() {
        var all = new java.util.LinkedHashMap<String, Long>();
        for (String t : RECEIPT_TABLES) {
            all.put(t, count("select count(*) from " + t));
        }
        all.put("health_data_file", count("select count(*) from health_data_file"));
        return all;
    }

    /** A claim-layout file of one facility billed in {@code billingMonth} (YYYYMM), one HO per receipt. */
    private Path billedFile(String name, String billingMonth, List<String> receipts) throws Exception {
        Path file = dir.resolve(name);
        Files.write(
                file,
                ("IR,1,13,1,0006286,,テスト医院," + billingMonth + ",00,\r\n" + String.join("", receipts) + "GO,"
                                + receipts.size() + ",70,99\r\n")
                        .getBytes(SJIS));
        return file;
    }

    private static String numbered(int number, String type, String receipt) {
        return receipt.replaceFirst("^RE,1,1112,", "RE," + number + "," + type + ",");
    }

    /** The versions of the member's receipts of 2024-04 at the test facility: receipt_type, file name, whether current. */
    private List<String> versionsOf(String symbol) {
        return jdbc.queryForList(
                "select r.receipt_type || ' ' || f.name || ' ' || case when r.superseded_by_file is null "
                        + "then 'current' else 'superseded' end from receipt r join health_data_file f on f.id = r.file_id "
                        + "join member m on m.id = r.member_id where m.symbol = ? order by r.receipt_type, f.id",
                String.class,
                symbol);
    }

    @Test
    void aReceiptImportedAgainInAnEditedFileIsStoredOnlyWhereItChangedAndTheEarlierVersionIsKept() throws Exception {
        String symbol = registeredSymbol();
        String outpatient =
                receipt(insurance(TestMembers.INSURER, symbol), "1", "19800401", "SY,0797868,20240401,1,,,01,\r\n");
        String other = numbered(2, "1118", outpatient);
        importer.importReceipts(
                billedFile("month.UKE", "202405", List.of(outpatient, other)),
                ReadMode.STRICT,
                "test",
                ImportProgress.NONE);
        // the same month's file with one line edited: only the receipt it belongs to is new
        String corrected = other.replace("SY,0797868,20240401,1,,,01,", "SY,0797868,20240401,2,,,01,");
        ImportedFile again = importer.importReceipts(
                        billedFile("month-corrected.UKE", "202405", List.of(outpatient, corrected)),
                        ReadMode.STRICT,
                        "test",
                        ImportProgress.NONE)
                .get(0);

        assertThat(again.outcome()).isEqualTo(ImportedFile.Outcome.IMPORTED);
        assertThat(again.linked()).isEqualTo(2);
        assertThat(again.unchanged()).as("the receipt not edited").isEqualTo(1);
        assertThat(count("select count(*) from receipt where file_id = ?", again.fileId()))
                .isEqualTo(1);
        assertThat(count("select unchanged from health_data_file where id = ?", again.fileId()))
                .isEqualTo(1);
        assertThat(versionsOf(symbol))
                .containsExactly(
                        "1112 month.UKE current", "1118 month.UKE superseded", "1118 month-corrected.UKE current");
        assertThat(count(
                        "select count(*) from receipt_diagnosis d join receipt r on r.file_id = d.file_id and r.seq = "
                                + "d.receipt_seq join member m on m.id = r.member_id where m.symbol = ? and r.superseded_by_file is null "
                                + "and d.outcome = '2'",
                        symbol))
                .as("the current version's diagnosis")
                .isEqualTo(1);
    }

    @Test
    void theVersionClaimedLastIsCurrentWhateverTheOrderOfImport() throws Exception {
        String symbol = registeredSymbol();
        String first =
                receipt(insurance(TestMembers.INSURER, symbol), "1", "19800401", "SY,0797868,20240401,1,,,01,\r\n");
        // 返戻 and claimed again two months later with another レセプト番号 and a corrected diagnosis
        String reclaimed = numbered(7, "1112", first.replace("SY,0797868,20240401,1,", "SY,0797868,20240401,3,"));
        importer.importReceipts(
                billedFile("june.UKE", "202406", List.of(reclaimed)), ReadMode.STRICT, "test", ImportProgress.NONE);
        importer.importReceipts(
                billedFile("may.UKE", "202405", List.of(first)), ReadMode.STRICT, "test", ImportProgress.NONE);

        assertThat(versionsOf(symbol)).containsExactly("1112 june.UKE current", "1112 may.UKE superseded");
        assertThat(count("select r.receipt_number from receipt r join health_data_file f on f.id = r.file_id "
                        + "where f.name = 'june.UKE' and r.superseded_by_file is null"))
                .isEqualTo(7);
    }

    @Test
    void aDirectoryTakesInsurerLayoutCsvFilesAndNamesEveryFileItIgnores() throws Exception {
        base();
        SyntheticYear.Summary s =
                SyntheticYear.write(new SyntheticYear.Options(25, 2024, SEED, 0, Layout.INSURER), dir, (d, t) -> {});
        Path claims = dir.resolve("claims");
        Files.writeString(claims.resolve("notes.txt"), "not a receipt file");
        Files.writeString(claims.resolve("list.csv"), "insurer_number,symbol,number\n");
        Files.createDirectories(claims.resolve("older"));

        List<ImportedFile> files = importer.importReceipts(claims, ReadMode.STRICT, "test", ImportProgress.NONE);

        var taken = files.stream()
                .filter(f -> f.outcome() != ImportedFile.Outcome.IGNORED)
                .toList();
        assertThat(taken).isNotEmpty().allSatisfy(f -> {
            assertThat(f.file().getFileName().toString()).endsWith(".CSV");
            assertThat(f.outcome()).as(f.problem()).isEqualTo(ImportedFile.Outcome.IMPORTED);
        });
        assertThat(sum(taken, ImportedFile::linked)).isEqualTo(s.totalReceipts());
        assertThat(files.stream()
                        .filter(f -> f.outcome() == ImportedFile.Outcome.IGNORED)
                        .collect(Collectors.toMap(f -> f.file().getFileName().toString(), ImportedFile::problem)))
                .containsOnly(
                        Map.entry("notes.txt", "not a receipt file (.UKE, or .CSV with receipt records)"),
                        Map.entry(
                                "list.csv",
                                "a .CSV file whose first line is not a receipt record (claim or insurer layout)"),
                        Map.entry("older", "a directory: only the files directly in " + claims + " are imported"));
    }

    @Test
    void aFailureAfterRowsWereFlushedLeavesNothingOfTheFile() throws Exception {
        String symbol = registeredSymbol();
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < HealthDataImport.FLUSH_EVERY + 100; i++) {
            String insurance =
                    i % 7 == 3 ? insurance(TestMembers.INSURER, symbol + "X") : insurance(TestMembers.INSURER, symbol);
            receipts.add(
                    receipt(insurance, "1", "19800401", "SY,0797868,20240401,1,,,01,\r\n") + "CO,,1,810000001,テスト\r\n");
        }
        receipts.add(
                receipt(insurance(TestMembers.INSURER, symbol), "1", "19800401", "SY,0797868,20241399,1,,,01,\r\n"));
        Path file = receiptFile("flushed-then-broken.UKE", receipts);
        Map<String, Long> before = rowCounts();
        var seenInTheTransaction = new java.util.HashMap<String, Long>();
        // told after each flush, on the importing thread: inside the file's transaction
        ImportProgress watch = (f, done, total, unit) -> RECEIPT_TABLES.forEach(
                t -> seenInTheTransaction.merge(t, rowsOfFile(t, "flushed-then-broken.UKE"), Math::max));

        ImportedFile failed =
                importer.importReceipts(file, ReadMode.STRICT, "test", watch).get(0);

        assertThat(failed.outcome()).isEqualTo(ImportedFile.Outcome.FAILED);
        assertThat(failed.problem())
                .contains("flushed-then-broken.UKE:" + (1 + (receipts.size() - 1) * 6 + 4) + ": SY 診療開始日");
        assertThat(seenInTheTransaction)
                .as("rows of every table had reached the database before the failure")
                .containsOnlyKeys(RECEIPT_TABLES)
                .allSatisfy((t, n) -> assertThat(n).as(t).isPositive());
        assertThat(rowCounts()).as("nothing of the file remains").isEqualTo(before);
        assertThat(count("select count(*) from health_data_file where name = 'flushed-then-broken.UKE'"))
                .isZero();
        assertThat(audited("FAILED", "flushed-then-broken.UKE"))
                .as("the failure is audited")
                .isEqualTo(1);
    }

    @Test
    void aValueTheDatabaseRefusesHalfWayFailsTheWholeFile() throws Exception {
        String symbol = registeredSymbol();
        String longName = "テスト病".repeat(60);
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < HealthDataImport.FLUSH_EVERY + 50; i++) {
            receipts.add(receipt(
                    insurance(TestMembers.INSURER, symbol),
                    "1",
                    "19800401",
                    i == HealthDataImport.FLUSH_EVERY + 20
                            ? "SY,0000999,20240401,1,," + longName + ",01,\r\n"
                            : "SY,0797868,20240401,1,,,01,\r\n"));
        }
        Path file = receiptFile("too-long.UKE", receipts);
        Map<String, Long> before = rowCounts();

        ImportedFile failed = importer.importReceipts(file, ReadMode.STRICT, "test", ImportProgress.NONE)
                .get(0);

        assertThat(failed.outcome()).isEqualTo(ImportedFile.Outcome.FAILED);
        assertThat(failed.problem()).startsWith(file + ": database refused it: ");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(audited("FAILED", "too-long.UKE")).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select detail from audit_entry where detail like '% file too-long.UKE %'", String.class))
                .as("the audit entry does not quote the refused value")
                .contains("database refused it (SQLSTATE")
                .doesNotContain("テスト病");
    }

    @Test
    void recordsOfAnotherInsurerOrPersonOrOfNobodyGoToQuarantineWithTheirReason() throws Exception {
        String symbol = registeredSymbol();
        String otherInsurer = "061300" + "1" + jp.kenpo.privacy.formats.InsurerNumber.checkDigit("0613001");
        Path file = receiptFile(
                "reasons.UKE",
                List.of(
                        receipt(
                                insurance(TestMembers.INSURER, symbol),
                                "1",
                                "19800401",
                                "SY,0797868,20240401,1,,,01,\r\n"),
                        receipt(insurance(otherInsurer, symbol), "1", "19800401", "SY,0797868,20240401,1,,,01,\r\n"),
                        receipt(
                                insurance(TestMembers.INSURER, symbol),
                                "1",
                                "19800402",
                                "SY,0797868,20240401,1,,,01,\r\n"),
                        receipt(
                                insurance(TestMembers.INSURER, symbol),
                                "2",
                                "19800401",
                                "SY,0797868,20240401,1,,,01,\r\n"),
                        receipt(
                                "KO,54136015,1234566,,1,70,,,,,,\r\n",
                                "1",
                                "19800401",
                                "SY,0797868,20240401,1,,,01,\r\n")));

        ImportedFile imported = importer.importReceipts(file, ReadMode.STRICT, "test", ImportProgress.NONE)
                .get(0);

        assertThat(imported.outcome()).as(imported.problem()).isEqualTo(ImportedFile.Outcome.IMPORTED);
        assertThat(imported.linked()).isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "select reason from health_data_quarantine where file_id = ? order by id",
                        String.class,
                        imported.fileId()))
                .containsExactly("INSURER_MISMATCH", "PERSON_MISMATCH", "PERSON_MISMATCH", "NO_MEMBER_KEY");
        assertThat(jdbc.queryForObject(
                        "select detail from health_data_quarantine where file_id = ? and reason = 'INSURER_MISMATCH'",
                        String.class,
                        imported.fileId()))
                .contains("belongs to insurer " + TestMembers.INSURER);
    }

    @Test
    void cardFieldsAsReceiptSoftwareWritesThemAreReadAndLeftToTheLinker() throws Exception {
        String symbol = registeredSymbol();
        // as ORCA writes them: a 国保 6-digit 保険者番号 padded with spaces and no 記号, and a HO with no 番号
        Path file = receiptFile(
                "as-written.UKE",
                List.of(
                        receipt(
                                insurance(TestMembers.INSURER, symbol),
                                "1",
                                "19800401",
                                "SY,0797868,20240401,1,,,01,\r\n"),
                        receipt(
                                "HO,  133066,,１２３４,1,70,,,,,,,,,\r\n",
                                "1",
                                "19800401",
                                "SY,0797868,20240401,1,,,01,\r\n"),
                        receipt(
                                "HO,  133066,,,1,70,,,,,,,,,\r\n",
                                "1",
                                "19800401",
                                "SY,0797868,20240401,1,,,01,\r\n")));

        ImportedFile imported = importer.importReceipts(file, ReadMode.STRICT, "test", ImportProgress.NONE)
                .get(0);

        assertThat(imported.outcome()).as(imported.problem()).isEqualTo(ImportedFile.Outcome.IMPORTED);
        assertThat(imported.linked()).isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "select reason from health_data_quarantine where file_id = ? order by id",
                        String.class,
                        imported.fileId()))
                .containsExactly("UNKNOWN_MEMBER", "NO_MEMBER_KEY");
    }

    @Test
    void lenientModeKeepsTheRawLinesOfAnUnreadableReceiptOnceAndTheFilesOwnProblemsApart() throws Exception {
        String symbol = registeredSymbol();
        String bad = receipt(insurance(TestMembers.INSURER, symbol), "1", "19800401", "SY,0797868,20241399,1,,,01,\r\n")
                + "SY,0797868\r\n";
        List<String> receipts = List.of(
                receipt(insurance(TestMembers.INSURER, symbol), "1", "19800401", "SY,0797868,20240401,1,,,01,\r\n"),
                bad);
        Path file = dir.resolve("lenient.UKE");
        // GO counts 3 where there are 2 HO records: a problem of the file, not a record
        Files.write(
                file,
                ("IR,1,13,1,0006286,,テスト医院,202405,00,\r\n" + String.join("", receipts) + "GO,3,70,99\r\n")
                        .getBytes(SJIS));

        ImportedFile imported = importer.importReceipts(file, ReadMode.LENIENT, "test", ImportProgress.NONE)
                .get(0);

        assertThat(imported.outcome()).isEqualTo(ImportedFile.Outcome.IMPORTED);
        assertThat(imported.records()).isEqualTo(2);
        assertThat(imported.linked()).isEqualTo(1);
        assertThat(imported.quarantined())
                .as("one row for one bad receipt with two bad lines")
                .isEqualTo(1);
        var row = jdbc.queryForMap(
                "select location, reason, detail, record from health_data_quarantine where file_id = ?",
                imported.fileId());
        assertThat(row.get("reason")).isEqualTo("UNREADABLE");
        assertThat(row.get("location")).isEqualTo("line 7");
        assertThat((String) row.get("detail")).contains("lenient.UKE:10: SY 診療開始日");
        assertThat(row.get("record")).isEqualTo(bad.replace("\r\n", "\n").strip());
        assertThat(imported.fileProblems())
                .singleElement()
                .asString()
                .contains("lenient.UKE:13: GO 総件数: says 3 but the facility header on line 1 is followed by 2 HO");
        assertThat(jdbc.queryForList(
                        "select problem from health_data_file_problem where file_id = ?",
                        String.class,
                        imported.fileId()))
                .isEqualTo(imported.fileProblems());
        assertThat(count("select file_problems from health_data_file where id = ?", imported.fileId()))
                .isEqualTo(1);
    }

    /** A checkup document of the member {@code symbol}-1-00, with a height of {@code height}. */
    private static byte[] checkupDocument(String symbol, String height) {
        var c = new Checkup(
                "doc-" + symbol,
                "10",
                LocalDate.of(2024, 6, 20),
                new MemberKey(TestMembers.INSURER, symbol, "1", "00"),
                "試験 太郎",
                "1",
                LocalDate.of(1980, 4, 1),
                LocalDate.of(2024, 6, 1),
                "010",
                "1312345678",
                "テスト健診センター",
                List.of(Observation.quantity("9N001000000000001", "170.1", "cm")));
        return new String(new CheckupWriter().toBytes(c), StandardCharsets.UTF_8)
                .replace("value=\"170.1\"", "value=\"" + height + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Path archive(String name, int indexCount, byte[]... documents) throws Exception {
        Path zip = dir.resolve(name);
        try (var z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < documents.length; i++) {
                z.putNextEntry(new ZipEntry("A/DATA/h" + i + ".xml"));
                z.write(documents[i]);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("A/ix08_V08.xml"));
            z.write(("<index xmlns=\"urn:hl7-org:v3\"><totalRecordCount value=\"" + indexCount + "\"/></index>")
                    .getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return zip;
    }

    @Test
    void checkupsAreQuarantinedSkippedRolledBackAndReadLeniently() throws Exception {
        String symbol = registeredSymbol();
        byte[] good = checkupDocument(symbol, "170.1");
        byte[] stranger = checkupDocument(symbol + "X", "165.0");
        byte[] bad = checkupDocument(symbol, "abc");

        Path linkable = archive("checkups-" + symbol + ".zip", 2, good, stranger);
        ImportedFile first = importer.importCheckups(linkable, ReadMode.STRICT, "test", ImportProgress.NONE)
                .get(0);
        assertThat(first.outcome()).as(first.problem()).isEqualTo(ImportedFile.Outcome.IMPORTED);
        assertThat(first.linked()).isEqualTo(1);
        assertThat(jdbc.queryForMap(
                        "select location, reason, record from health_data_quarantine where file_id = ?",
                        first.fileId()))
                .containsEntry("reason", "UNKNOWN_MEMBER")
                .containsEntry("location", linkable + "!/A/DATA/h1.xml")
                .hasEntrySatisfying("record", r -> assertThat((String) r).contains("\"9N001000000000001\""));
        assertThat(count("select count(*) from checkup_observation where file_id = ?", first.fileId()))
                .isEqualTo(1);

        ImportedFile again = importer.importCheckups(linkable, ReadMode.STRICT, "test", ImportProgress.NONE)
                .get(0);
        assertThat(again.outcome()).isEqualTo(ImportedFile.Outcome.ALREADY_IMPORTED);
        assertThat(again.fileId()).isEqualTo(first.fileId());
        assertThat(audited("REFUSED", linkable.getFileName().toString()))
                .as("the skipped import is audited")
                .isEqualTo(1);

        Path broken = archive("broken-" + symbol + ".zip", 3, good, bad, good);
        Map<String, Long> before = Map.of(
                "checkup",
                count("select count(*) from checkup"),
                "checkup_observation",
                count("select count(*) from checkup_observation"),
                "health_data_file",
                count("select count(*) from health_data_file"));
        ImportedFile strict = importer.importCheckups(broken, ReadMode.STRICT, "test", ImportProgress.NONE)
                .get(0);
        assertThat(strict.outcome()).isEqualTo(ImportedFile.Outcome.FAILED);
        assertThat(strict.problem()).contains(broken + "!/A/DATA/h1.xml:").contains("PQ value \"abc\" is not a number");
        assertThat(Map.of(
                        "checkup",
                        count("select count(*) from checkup"),
                        "checkup_observation",
                        count("select count(*) from checkup_observation"),
                        "health_data_file",
                        count("select count(*) from health_data_file")))
                .isEqualTo(before);

        // other checkups than the one stored above: a document stored before is not stored again
        Path miscounted = archive(
                "miscounted-" + symbol + ".zip",
                5,
                checkupDocument(symbol, "170.2"),
                bad,
                checkupDocument(symbol, "170.3"));
        ImportedFile lenient = importer.importCheckups(miscounted, ReadMode.LENIENT, "test", ImportProgress.NONE)
                .get(0);
        assertThat(lenient.outcome()).isEqualTo(ImportedFile.Outcome.IMPORTED);
        assertThat(lenient.records()).isEqualTo(3);
        assertThat(lenient.linked()).isEqualTo(2);
        assertThat(lenient.quarantined())
                .as("the index count is the archive's problem, not a record")
                .isEqualTo(1);
        assertThat(jdbc.queryForMap(
                        "select location, reason, record from health_data_quarantine where file_id = ?",
                        lenient.fileId()))
                .containsEntry("reason", "UNREADABLE")
                .containsEntry("location", miscounted + "!/A/DATA/h1.xml")
                .containsEntry("record", new String(bad, StandardCharsets.UTF_8));
        assertThat(lenient.fileProblems())
                .singleElement()
                .asString()
                .endsWith("says 5 documents but the archive holds 3");
    }

    @Test
    void aCheckupDeliveredLooseAndThenInArchivesIsStoredOnce() throws Exception {
        String symbol = registeredSymbol();
        byte[] checkup = checkupDocument(symbol, "168.2");
        byte[] another = checkupDocument(symbol, "168.9");
        Path loose = dir.resolve("loose-" + symbol + ".xml");
        Files.write(loose, checkup);

        ImportedFile alone = importer.importCheckups(loose, ReadMode.STRICT, "test", ImportProgress.NONE)
                .get(0);
        assertThat(alone.linked()).isEqualTo(1);

        Path zipped = archive("zipped-" + symbol + ".zip", 3, checkup, another, another);
        ImportedFile wrapped = importer.importCheckups(zipped, ReadMode.STRICT, "test", ImportProgress.NONE)
                .get(0);

        assertThat(wrapped.outcome()).as(wrapped.problem()).isEqualTo(ImportedFile.Outcome.IMPORTED);
        assertThat(wrapped.records()).isEqualTo(3);
        assertThat(wrapped.linked()).as("only the checkup not stored before").isEqualTo(1);
        assertThat(wrapped.quarantined()).isZero();
        assertThat(wrapped.unchanged()).as("the checkups stored already").isEqualTo(2);
        assertThat(count("select unchanged from health_data_file where id = ?", wrapped.fileId()))
                .isEqualTo(2);
        assertThat(wrapped.fileProblems())
                .containsExactly(
                        zipped + "!/A/DATA/h0.xml:0: : the same checkup document is stored already (file #"
                                + alone.fileId() + ", " + loose + "); not stored again",
                        zipped + "!/A/DATA/h2.xml:0: : the same checkup document is stored already (this file, "
                                + zipped + "!/A/DATA/h1.xml); not stored again");
        assertThat(count(
                        "select count(*) from checkup c join member m on m.id = c.member_id where m.symbol = ?",
                        symbol))
                .as("two checkups, each stored once")
                .isEqualTo(2);
        assertThat(count("select count(*) from checkup_observation where file_id = ?", wrapped.fileId()))
                .isEqualTo(1);

        Path again = archive("again-" + symbol + ".zip", 1, another);
        ImportedFile rewrapped = importer.importCheckups(again, ReadMode.STRICT, "test", ImportProgress.NONE)
                .get(0);
        assertThat(rewrapped.outcome()).as("another archive: another file").isEqualTo(ImportedFile.Outcome.IMPORTED);
        assertThat(rewrapped.linked()).isZero();
        assertThat(count(
                        "select count(*) from checkup c join member m on m.id = c.member_id where m.symbol = ?",
                        symbol))
                .isEqualTo(2);
    }

    @Test
    void aFileThatChangesBetweenItsDigestAndItsParseIsRefused() throws Exception {
        String symbol = registeredSymbol();
        Path file = receiptFile(
                "changing.UKE",
                List.of(receipt(
                        insurance(TestMembers.INSURER, symbol), "1", "19800401", "SY,0797868,20240401,1,,,01,\r\n")));
        byte[] other = Files.readAllBytes(file);
        other[other.length - 6] = '8'; // GO,1,70,99 becomes GO,1,78,99: still a good file, another content
        HealthDataImport racing = importerWith(
                () -> {
                    try {
                        Files.write(file, other);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                (sql, rows) -> {});

        ImportedFile refused = racing.importReceipts(file, ReadMode.STRICT, "test", ImportProgress.NONE)
                .get(0);

        assertThat(refused.outcome()).isEqualTo(ImportedFile.Outcome.FAILED);
        assertThat(refused.problem()).contains("changing.UKE: changed while it was being imported");
        assertThat(count("select count(*) from health_data_file where name = 'changing.UKE'"))
                .isZero();
        assertThat(audited("FAILED", "changing.UKE")).isEqualTo(1);
    }

    @Test
    void onlyTheContentKeyMeansAlreadyImportedAndAnUnforeseenFailureEndsOnlyItsFile() throws Exception {
        String symbol = registeredSymbol();
        Path claims = Files.createDirectories(dir.resolve("three"));
        for (String marker : List.of("DUPLICATE", "UNFORESEEN", "FINE")) {
            Files.write(
                    claims.resolve(marker.toLowerCase() + ".UKE"),
                    ("IR,1,13,1,0006286,,テスト医院,202405,00,\r\n"
                                    + receipt(
                                            insurance(TestMembers.INSURER, symbol),
                                            "1",
                                            "19800401",
                                            "SY,0797868,20240401,1,,,01,\r\n")
                                    + "CO,,1,810000001," + marker + "\r\nGO,1,70,99\r\n")
                            .getBytes(SJIS));
        }
        HealthDataImport failing = importerWith(() -> {}, (sql, rows) -> {
            if (sql.contains("receipt_comment") && rows.stream().anyMatch(r -> "DUPLICATE".equals(((Object[]) r)[5]))) {
                throw new DuplicateKeyException(
                        "duplicate key value violates unique constraint \"receipt_comment_pkey\"");
            }
            if (sql.contains("receipt_comment")
                    && rows.stream().anyMatch(r -> "UNFORESEEN".equals(((Object[]) r)[5]))) {
                throw new IllegalStateException("something nobody foresaw");
            }
        });

        List<ImportedFile> files = failing.importReceipts(claims, ReadMode.STRICT, "test", ImportProgress.NONE);

        assertThat(files)
                .extracting(f -> f.file().getFileName().toString(), ImportedFile::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("duplicate.UKE", ImportedFile.Outcome.FAILED),
                        org.assertj.core.groups.Tuple.tuple("fine.UKE", ImportedFile.Outcome.IMPORTED),
                        org.assertj.core.groups.Tuple.tuple("unforeseen.UKE", ImportedFile.Outcome.FAILED));
        assertThat(files.get(0).problem()).contains("database refused it").doesNotContain("already imported");
        assertThat(files.get(2).problem()).contains("something nobody foresaw");
        assertThat(audited("FAILED", "duplicate.UKE")).isEqualTo(1);
        assertThat(audited("FAILED", "unforeseen.UKE")).isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where detail like ?",
                        "receipt file #" + files.get(1).fileId() + " fine.UKE %"))
                .isEqualTo(1);
    }

    @Test
    void anImportThatLosesTheRaceToTheSameContentNamesTheFileThatWon() throws Exception {
        String symbol = registeredSymbol();
        Path file = receiptFile(
                "raced.UKE",
                List.of(receipt(
                        insurance(TestMembers.INSURER, symbol), "1", "19800401", "SY,0797868,20240401,1,,,01,\r\n")));
        AtomicLong winner = new AtomicLong();
        HealthDataImport late = importerWith(
                () -> winner.set(CompletableFuture.supplyAsync(
                                () -> importer.importReceipts(file, ReadMode.STRICT, "test", ImportProgress.NONE)
                                        .get(0)
                                        .fileId())
                        .join()),
                (sql, rows) -> {});

        ImportedFile lost = late.importReceipts(file, ReadMode.STRICT, "test", ImportProgress.NONE)
                .get(0);

        assertThat(winner.get()).isPositive();
        assertThat(lost.outcome()).isEqualTo(ImportedFile.Outcome.ALREADY_IMPORTED);
        assertThat(lost.fileId()).isEqualTo(winner.get());
    }
}
