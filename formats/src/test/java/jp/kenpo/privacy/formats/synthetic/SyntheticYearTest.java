package jp.kenpo.privacy.formats.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.InsurerNumber;
import jp.kenpo.privacy.formats.MemberKey;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.checkup.Checkup;
import jp.kenpo.privacy.formats.checkup.CheckupCodes;
import jp.kenpo.privacy.formats.checkup.CheckupSource;
import jp.kenpo.privacy.formats.receipt.Diagnosis;
import jp.kenpo.privacy.formats.receipt.Receipt;
import jp.kenpo.privacy.formats.receipt.ReceiptKind;
import jp.kenpo.privacy.formats.receipt.ReceiptReader;
import jp.kenpo.privacy.formats.receipt.ReceiptWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One generated year of 4,000 persons, read back with the module's own readers. */
class SyntheticYearTest {

    static final int PERSONS = 4_000;
    static final int YEAR = 2024;
    static final LocalDate FY_START = LocalDate.of(YEAR, 4, 1);
    static final LocalDate FY_END = LocalDate.of(YEAR + 1, 3, 31);

    @TempDir
    static Path dir;

    static SyntheticYear.Summary summary;
    static List<String[]> memberRows = new ArrayList<>();
    static Map<MemberKey, List<String[]>> byKey = new HashMap<>();
    static List<Receipt> receipts = new ArrayList<>();
    static List<Checkup> checkups = new ArrayList<>();
    static List<FormatError> errors = new ArrayList<>();

    @BeforeAll
    static void generate() throws IOException {
        summary = SyntheticYear.write(new SyntheticYear.Options(PERSONS, YEAR, 42, 0), dir.resolve("a"), (d, t) -> {});
        List<String> lines = Files.readAllLines(dir.resolve("a/members.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0))
                .isEqualTo(
                        "insurer_number,symbol,number,branch,kind,insured_branch,name_kanji,name_kana,sex,birth_date,acquired_on,lost_on");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            memberRows.add(f);
            byKey.computeIfAbsent(new MemberKey(f[0], f[1], f[2], f[3]), k -> new ArrayList<>())
                    .add(f);
        }
        try (Stream<Path> files = Files.list(dir.resolve("a/claims"))) {
            for (Path p : files.sorted().toList()) {
                try (ReceiptReader r = ReceiptReader.open(p, ReadMode.LENIENT, errors::add)) {
                    for (Receipt x; (x = r.next()) != null; ) {
                        receipts.add(x);
                    }
                }
            }
        }
        try (Stream<Path> files = Files.list(dir.resolve("a/checkups"))) {
            for (Path p : files.sorted().toList()) {
                try (CheckupSource s = CheckupSource.open(p, ReadMode.LENIENT, errors::add)) {
                    for (Checkup c; (c = s.next()) != null; ) {
                        checkups.add(c);
                    }
                }
            }
        }
    }

    static boolean eligible(MemberKey key, LocalDate d) {
        for (String[] row : byKey.getOrDefault(key, List.of())) {
            LocalDate acquired = LocalDate.parse(row[10]);
            boolean before = row[11].isEmpty() || d.isBefore(LocalDate.parse(row[11]));
            if (!d.isBefore(acquired) && before) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everythingWrittenReadsBackWithoutError() {
        assertThat(errors).isEmpty();
        assertThat(receipts).hasSize((int) summary.totalReceipts());
        assertThat(checkups).hasSize((int) summary.checkups());
    }

    @Test
    void memberRowsFollowTheMemberImportContract() {
        assertThat(summary.persons()).isEqualTo(PERSONS);
        assertThat(memberRows).hasSizeGreaterThanOrEqualTo(PERSONS);
        Set<String> persons = new HashSet<>();
        for (String[] f : memberRows) {
            assertThat(f).hasSize(12);
            assertThat(InsurerNumber.isHealthInsuranceSociety(f[0])).as(f[0]).isTrue();
            assertThat(f[4]).isIn("insured", "dependent");
            assertThat(f[3]).matches("[0-9]{2}");
            if (f[4].equals("insured")) {
                assertThat(f[3]).isEqualTo("00");
                assertThat(f[5]).isEmpty();
            } else {
                assertThat(f[5]).isEqualTo("00");
                assertThat(byKey).containsKey(new MemberKey(f[0], f[1], f[2], "00"));
            }
            assertThat(f[6]).contains("　");
            assertThat(f[8]).isIn("1", "2");
            LocalDate birth = LocalDate.parse(f[9]);
            LocalDate acquired = LocalDate.parse(f[10]);
            assertThat(acquired).isAfterOrEqualTo(birth);
            if (!f[11].isEmpty()) {
                assertThat(LocalDate.parse(f[11])).isAfter(acquired);
            }
            persons.add(f[0] + f[1] + f[2] + f[3]);
        }
        assertThat(persons).hasSize(PERSONS);
        long insured = memberRows.stream()
                .filter(f -> f[4].equals("insured"))
                .map(f -> f[2] + "/" + f[1])
                .distinct()
                .count();
        assertThat((double) insured / PERSONS).isBetween(0.45, 0.75);
        long rejoined = byKey.values().stream().filter(rows -> rows.size() > 1).count();
        assertThat(rejoined).isPositive();
        long joinedThisYear = memberRows.stream()
                .filter(f -> !LocalDate.parse(f[10]).isBefore(FY_START))
                .count();
        long leftThisYear = memberRows.stream()
                .filter(f -> !f[11].isEmpty() && !LocalDate.parse(f[11]).isBefore(FY_START))
                .count();
        assertThat(joinedThisYear).isBetween((long) (PERSONS * 0.03), (long) (PERSONS * 0.2));
        assertThat(leftThisYear).isBetween((long) (PERSONS * 0.02), (long) (PERSONS * 0.15));
    }

    @Test
    void everyReceiptLinksToAMemberEligibleThatMonth() {
        for (Receipt r : receipts) {
            MemberKey key = r.memberKey();
            assertThat(byKey).as("receipt member %s", key).containsKey(key);
            boolean any = false;
            for (int d = 1; d <= r.treatmentMonth().lengthOfMonth() && !any; d++) {
                any = eligible(key, r.treatmentMonth().atDay(d));
            }
            assertThat(any).as("%s eligible in %s", key, r.treatmentMonth()).isTrue();
            String[] row = byKey.get(key).get(0);
            assertThat(r.sex()).isEqualTo(row[8]);
            assertThat(r.birthDate()).isEqualTo(LocalDate.parse(row[9]));
        }
    }

    @Test
    void receiptVolumesAndMixLookLikeAYearOfClaims() {
        double perMember = (double) receipts.size() / PERSONS;
        assertThat(perMember).isBetween(8.0, 12.0);
        Map<ReceiptKind, Long> kinds = summary.receipts();
        double total = receipts.size();
        assertThat(kinds.get(ReceiptKind.MEDICAL) / total).isBetween(0.4, 0.65);
        assertThat(kinds.get(ReceiptKind.PHARMACY) / total).isBetween(0.25, 0.45);
        assertThat(kinds.get(ReceiptKind.DENTAL) / total).isBetween(0.06, 0.2);
        long inpatient = receipts.stream().filter(Receipt::inpatient).count();
        assertThat(inpatient / total).isBetween(0.002, 0.04);
    }

    @Test
    void pharmacyReceiptsCarryTheirPrescriptionsAndSomeAdmissionsAreDpc() {
        List<Receipt> pharmacy =
                receipts.stream().filter(r -> r.kind() == ReceiptKind.PHARMACY).toList();
        assertThat(pharmacy).isNotEmpty().allSatisfy(r -> {
            assertThat(r.prescriptions()).isNotEmpty();
            assertThat(r.dispensings()).hasSameSizeAs(r.prescriptions());
            // every drug and every dispensing follows the SH it belongs to
            assertThat(r.drugs())
                    .allSatisfy(d -> assertThat(r.prescriptionOf(d)).isNotNull());
            assertThat(r.dispensings())
                    .allSatisfy(z -> assertThat(z.drugPoints())
                            .isEqualTo(r.prescriptionOf(z).unitDrugPoints() * z.quantity()));
        });
        List<Receipt> inpatient = receipts.stream().filter(Receipt::inpatient).toList();
        long dpc = inpatient.stream().filter(Receipt::dpc).count();
        assertThat((double) dpc / inpatient.size()).isBetween(0.1, 0.5);
        assertThat(receipts).filteredOn(r -> !r.inpatient()).noneMatch(Receipt::dpc);
        assertThat(inpatient).filteredOn(Receipt::dpc).allSatisfy(r -> {
            assertThat(r.dpcDiagnoses()).filteredOn(d -> d.main()).hasSize(1);
            assertThat(r.diagnosisGroup().admissionDate()).isEqualTo(r.admissionDate());
        });
    }

    @Test
    void diagnosesHaveCommonCodesAndALongRareTail() {
        Map<String, Integer> counts = new HashMap<>();
        for (Receipt r : receipts) {
            for (Diagnosis d : r.diagnoses()) {
                counts.merge(d.code(), 1, Integer::sum);
            }
        }
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long once = counts.values().stream().filter(c -> c == 1).count();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        assertThat((double) max / total).as("the commonest code").isGreaterThan(0.03);
        assertThat(once).as("codes seen once").isGreaterThan(300);
        assertThat(counts.keySet()).allMatch(c -> c.matches("[0-9]{7}"));
        double perReceipt = (double) total
                / receipts.stream()
                        .filter(r -> r.kind() != ReceiptKind.PHARMACY)
                        .count();
        assertThat(perReceipt).isBetween(1.2, 4.0);
    }

    @Test
    void checkupsAreForMembersAged40To74WithPlausibleCorrelatedValues() {
        assertThat(checkups.size()).isGreaterThan(PERSONS / 10);
        double[] bmi = new double[checkups.size()];
        double[] sbp = new double[checkups.size()];
        double[] hdl = new double[checkups.size()];
        int i = 0;
        for (Checkup c : checkups) {
            assertThat(byKey).containsKey(c.member());
            assertThat(eligible(c.member(), c.checkupDate())).isTrue();
            int age = java.time.Period.between(c.birthDate(), FY_END).getYears();
            assertThat(age).isBetween(40, 74);
            assertThat(c.checkupDate()).isBetween(FY_START, FY_END);
            bmi[i] = c.find(CheckupCodes.BMI).number().doubleValue();
            sbp[i] = c.find(CheckupCodes.SYSTOLIC).number().doubleValue();
            hdl[i] = c.find(CheckupCodes.HDL).number().doubleValue();
            assertThat(c.find(CheckupCodes.HBA1C)).isNotNull();
            assertThat(c.find(CheckupCodes.SMOKING).value()).isIn("1", "2");
            i++;
        }
        assertThat(mean(bmi)).isBetween(21.5, 25.0);
        assertThat(mean(sbp)).isBetween(115.0, 135.0);
        assertThat(correlation(bmi, sbp)).isGreaterThan(0.2);
        assertThat(correlation(bmi, hdl)).isLessThan(-0.2);
    }

    @Test
    void aGeneratedFileSurvivesARoundTrip() throws IOException {
        Path file = dir.resolve("a/claims/medical-202406.UKE");
        List<Receipt> first = new ArrayList<>();
        try (ReceiptReader r = ReceiptReader.open(file, ReadMode.STRICT, e -> {})) {
            for (Receipt x; (x = r.next()) != null; ) {
                first.add(x);
            }
        }
        Path again = dir.resolve("again.UKE");
        try (ReceiptWriter w = new ReceiptWriter(Files.newOutputStream(again), true)) {
            w.writeAll(first);
        }
        List<Receipt> second = new ArrayList<>();
        try (ReceiptReader r = ReceiptReader.open(again, ReadMode.STRICT, e -> {})) {
            for (Receipt x; (x = r.next()) != null; ) {
                second.add(x);
            }
        }
        assertThat(second).isEqualTo(first);
        assertThat(Files.mismatch(file, again))
                .as("the writer reproduces its own file byte for byte")
                .isEqualTo(-1L);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws Exception {
        SyntheticYear.write(new SyntheticYear.Options(600, YEAR, 7, 0), dir.resolve("b1"), (d, t) -> {});
        SyntheticYear.write(new SyntheticYear.Options(600, YEAR, 7, 0), dir.resolve("b2"), (d, t) -> {});
        SyntheticYear.write(new SyntheticYear.Options(600, YEAR, 8, 0), dir.resolve("b3"), (d, t) -> {});
        assertThat(digest(dir.resolve("b1"))).isEqualTo(digest(dir.resolve("b2")));
        assertThat(digest(dir.resolve("b1"))).isNotEqualTo(digest(dir.resolve("b3")));
    }

    @Test
    void theInsurerLayoutCarriesTheSameReceiptsWithAnMnRecordEach() throws IOException {
        SyntheticYear.write(new SyntheticYear.Options(500, YEAR, 11, 0), dir.resolve("c"), (d, t) -> {});
        SyntheticYear.write(
                new SyntheticYear.Options(500, YEAR, 11, 0, jp.kenpo.privacy.formats.receipt.Layout.INSURER),
                dir.resolve("i"),
                (d, t) -> {});
        List<Receipt> claim = readAll(dir.resolve("c/claims"));
        List<Receipt> insurer = readAll(dir.resolve("i/claims"));
        assertThat(insurer).hasSameSizeAs(claim).isNotEmpty();
        for (int k = 0; k < claim.size(); k++) {
            Receipt c = claim.get(k);
            Receipt i = insurer.get(k);
            assertThat(i.others().get(0).type()).isEqualTo("MN");
            assertThat(i.memberKey()).isEqualTo(c.memberKey());
            assertThat(i.receiptType()).isEqualTo(c.receiptType());
            assertThat(i.treatmentMonth()).isEqualTo(c.treatmentMonth());
            assertThat(i.diagnoses())
                    .extracting(Diagnosis::code)
                    .containsExactlyElementsOf(
                            c.diagnoses().stream().map(Diagnosis::code).toList());
            assertThat(i.drugs().size() + i.procedures().size())
                    .isEqualTo(c.drugs().size() + c.procedures().size());
        }
        try (Stream<Path> files = Files.list(dir.resolve("i/claims"))) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".CSV"));
        }
    }

    private static List<Receipt> readAll(Path claims) throws IOException {
        List<Receipt> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(claims)) {
            for (Path p : files.sorted(java.util.Comparator.comparing(
                            x -> x.getFileName().toString().replaceAll("\\..*", "")))
                    .toList()) {
                try (ReceiptReader r = ReceiptReader.open(p, ReadMode.STRICT, e -> {})) {
                    for (Receipt x; (x = r.next()) != null; ) {
                        out.add(x);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void unlinkableRecordsOnlyWhenAsked() throws IOException {
        SyntheticYear.Summary s =
                SyntheticYear.write(new SyntheticYear.Options(1_000, YEAR, 9, 0.05), dir.resolve("u"), (d, t) -> {});
        Set<MemberKey> keys = new HashSet<>();
        for (String line : Files.readAllLines(dir.resolve("u/members.csv")).subList(1, (int) s.memberRows() + 1)) {
            String[] f = line.split(",", -1);
            keys.add(new MemberKey(f[0], f[1], f[2], f[3]));
        }
        long unlinked = 0;
        long all = 0;
        try (Stream<Path> files = Files.list(dir.resolve("u/claims"))) {
            for (Path p : files.toList()) {
                try (ReceiptReader r = ReceiptReader.open(p, ReadMode.STRICT, e -> {})) {
                    for (Receipt x; (x = r.next()) != null; ) {
                        all++;
                        if (!keys.contains(x.memberKey())) {
                            unlinked++;
                        }
                    }
                }
            }
        }
        assertThat((double) unlinked / all).isBetween(0.01, 0.12);
    }

    private static String digest(Path root) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(root.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(p)) {
                    md.update(in.readAllBytes());
                }
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double correlation(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
