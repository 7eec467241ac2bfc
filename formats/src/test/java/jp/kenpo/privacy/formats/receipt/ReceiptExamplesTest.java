package jp.kenpo.privacy.formats.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import jp.kenpo.privacy.formats.MemberKey;
import jp.kenpo.privacy.formats.ReadMode;
import org.junit.jupiter.api.Test;

/** The hand-made example files (written after the official record examples, not by the generator). */
class ReceiptExamplesTest {

    @Test
    void medicalReiwaLayout() {
        ReceiptFiles.Result result = ReceiptFiles.resource("medical-reiwa.UKE");
        assertThat(result.errors()).isEmpty();
        assertThat(result.receipts()).hasSize(2);
        assertThat(result.lines()).containsExactly(2L, 15L);

        Receipt out = result.receipts().get(0);
        assertThat(out.facility())
                .isEqualTo(new Facility(
                        "IR", "1", "13", "1", "1312345", "テスト内科クリニック", YearMonth.of(2024, 5), "00", "03-1234-5678"));
        assertThat(out.receiptNumber()).isEqualTo(1);
        assertThat(out.receiptType()).isEqualTo("1112");
        assertThat(out.kind()).isEqualTo(ReceiptKind.MEDICAL);
        assertThat(out.inpatient()).isFalse();
        assertThat(out.treatmentMonth()).isEqualTo(YearMonth.of(2024, 4));
        assertThat(out.name()).isEqualTo("基金　太郎");
        assertThat(out.kanaName()).isEqualTo("キキン　タロウ");
        assertThat(out.sex()).isEqualTo("1");
        assertThat(out.birthDate()).isEqualTo(LocalDate.of(1980, 4, 15));
        assertThat(out.admissionDate()).isNull();
        assertThat(out.insurance()).isEqualTo(new Insurance("06130017", "１２３", "４５６７", 2, 1234, null, null, "", 3700));
        assertThat(out.memberKey()).isEqualTo(new MemberKey("06130017", "１２３", "４５６７", "00"));

        assertThat(out.diagnoses()).extracting(Diagnosis::code).containsExactly("2500013", "0000999", "4659007");
        Diagnosis main = out.diagnoses().get(0);
        assertThat(main.main()).isTrue();
        assertThat(main.startDate()).isEqualTo(LocalDate.of(2024, 4, 2));
        Diagnosis uncoded = out.diagnoses().get(1);
        assertThat(uncoded.uncoded()).isTrue();
        assertThat(uncoded.name()).isEqualTo("テスト病");
        Diagnosis cured = out.diagnoses().get(2);
        assertThat(cured.outcome()).isEqualTo("2");
        assertThat(cured.modifiers()).containsExactly("8002");

        assertThat(out.procedures()).extracting(Procedure::code).containsExactly("111000110", "112007410", "160008010");
        Procedure test = out.procedures().get(2);
        assertThat(test.points()).isEqualTo(11);
        assertThat(test.count()).isEqualTo(2);
        assertThat(test.days().on(2)).isEqualTo(1);
        assertThat(test.days().on(15)).isEqualTo(1);
        assertThat(test.comments()).containsExactly(new EmbeddedComment("820100001", "検査理由"));

        Drug drug = out.drugs().get(0);
        assertThat(drug.code()).isEqualTo("620098801");
        assertThat(drug.quantity()).isEqualByComparingTo(new BigDecimal("3"));
        assertThat(drug.count()).isEqualTo(14);
        assertThat(out.materials()).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo("700010000");
            assertThat(m.productName()).isEqualTo("テスト材料　Ｍサイズ");
        });
        assertThat(out.comments()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("810000001");
            assertThat(c.text()).isEqualTo("疼痛時");
        });
        assertThat(out.symptomDetails()).containsExactly(new SymptomDetail(9, "01", "症状の経過を記載する。"));
        // 摘要 order is kept: SI, SI, CO, IY, TO, SI, SJ after the three SY
        assertThat(out.comments().get(0).seq()).isEqualTo(5);
        assertThat(out.drugs().get(0).seq()).isEqualTo(6);

        Receipt in = result.receipts().get(1);
        assertThat(in.inpatient()).isTrue();
        assertThat(in.admissionDate()).isEqualTo(LocalDate.of(2024, 3, 20));
        assertThat(in.insurance().mealCount()).isEqualTo(30);
        assertThat(in.publicExpenses()).containsExactly(new PublicExpense("54136015", "1234566", "", 12, 23456, 10000));
        assertThat(in.memberKey().branch()).isEqualTo("01");
        assertThat(in.drugs().get(0).quantity()).isEqualTo(new BigDecimal("1.5"));
    }

    @Test
    void eraDatesAcrossTheHeiseiReiwaBoundary() {
        ReceiptFiles.Result result = ReceiptFiles.resource("medical-heisei.UKE");
        assertThat(result.errors()).isEmpty();
        List<Receipt> receipts = result.receipts();
        assertThat(receipts).hasSize(2);
        assertThat(receipts.get(0).facility().billingMonth()).isEqualTo(YearMonth.of(2019, 6));
        assertThat(receipts.get(0).treatmentMonth()).isEqualTo(YearMonth.of(2019, 4));
        assertThat(receipts.get(0).birthDate()).isEqualTo(LocalDate.of(1961, 1, 1));
        assertThat(receipts.get(1).treatmentMonth()).isEqualTo(YearMonth.of(2019, 5));
        assertThat(receipts.get(1).diagnoses())
                .extracting(Diagnosis::startDate)
                .containsExactly(LocalDate.of(2019, 4, 15), LocalDate.of(2019, 5, 7));
        // no SN record in the older layout: no 枝番
        assertThat(receipts.get(1).memberKey()).isEqualTo(new MemberKey("06270128", "ＡＢ", "１００１", ""));
    }

    @Test
    void dentalLayout() {
        ReceiptFiles.Result result = ReceiptFiles.resource("dental-reiwa.UKE");
        assertThat(result.errors()).isEmpty();
        Receipt r = result.receipts().get(0);
        assertThat(r.kind()).isEqualTo(ReceiptKind.DENTAL);
        assertThat(r.facility())
                .isEqualTo(new Facility(
                        "UK", "1", "13", "3", "1398765", "テスト歯科医院", YearMonth.of(2024, 5), "00", "03-0000-2222"));
        assertThat(r.kanaName()).isEqualTo("キキン　ジロウ");
        assertThat(r.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.recordType()).isEqualTo("HS");
            assertThat(d.code()).isEqualTo("5210002");
            assertThat(d.teeth()).isEqualTo("101600");
            assertThat(d.startDate()).isNull();
            assertThat(d.main()).isTrue();
        });
        assertThat(r.procedures())
                .extracting(Procedure::recordType, Procedure::code, Procedure::points)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SS", "301000110", 267),
                        org.assertj.core.groups.Tuple.tuple("SS", "309000110", 545));
        assertThat(r.procedures().get(1).days().on(22)).isEqualTo(1);
    }

    /** The 31 算定日情報 fields: empty but for {@code count} on {@code day}. */
    private static String days(int day, int count) {
        var days = new String[31];
        Arrays.fill(days, "");
        days[day - 1] = Integer.toString(count);
        return String.join(",", days);
    }

    /**
     * 歯科 KO (10 fields), SI (38), IY (39) and CO (11), laid out field by field as the 令和8年6月版
     * 記録条件仕様 (歯科用) lists them (source (f) in formats/README.md; (b) gives the same counts for
     * the 和暦 edition): KO without the 医科 fields after its 負担金額, SI and IY without comment
     * fields (IY with 医薬品区分 before its days), CO ending with 歯式 and five 予備 fields.
     */
    @Test
    void dentalKoSiIyAndCoAsTheReiwaSpecListsThem() {
        String re = "RE,1,3122,202404,テスト　患者,1,19800101" + ",".repeat(20);
        String ko = "KO,12131011,1234567,,1,120,500,,,";
        String si = "SI,21,1,120001210,,45,1," + days(3, 1);
        String iy = "IY,21,1,620000001,3,12,2,1," + days(3, 2);
        String co = "CO,,1,810000001,テスト　コメント,101600,,,,,";
        assertThat(List.of(ko, si, iy, co))
                .extracting(line -> line.split(",", -1).length)
                .containsExactly(10, 38, 39, 11);
        ReceiptFiles.Result result = ReceiptFiles.read(
                ReceiptFiles.sjis(
                        ReceiptBadInputTest.UK,
                        ReceiptBadInputTest.IR_DENTAL,
                        re,
                        ReceiptBadInputTest.HO_DENTAL,
                        ko,
                        si,
                        iy,
                        co,
                        "GO,2,100,99"),
                ReadMode.STRICT);
        assertThat(result.errors()).isEmpty();
        Receipt r = result.receipts().get(0);
        assertThat(r.publicExpenses()).singleElement().satisfies(k -> {
            assertThat(k.payerNumber()).isEqualTo("12131011");
            assertThat(k.points()).isEqualTo(120);
            assertThat(k.burdenAmount()).isEqualTo(500);
        });
        assertThat(r.procedures()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("120001210");
            assertThat(p.points()).isEqualTo(45);
            assertThat(p.days().on(3)).isEqualTo(1);
        });
        assertThat(r.drugs()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("620000001");
            assertThat(d.points()).isEqualTo(12);
            assertThat(d.count()).isEqualTo(2);
            assertThat(d.days().on(3)).isEqualTo(2);
        });
        assertThat(r.comments())
                .singleElement()
                .extracting(Comment::code, Comment::text)
                .containsExactly("810000001", "テスト　コメント");
    }

    /**
     * A 和暦 file in the layout ORCA (日医標準レセプトソフト) writes, as its output files of 平成30年–31年
     * show it: a 38-field RE with カタカナ氏名, 国保 HO with a space-padded 6-digit 保険者番号 and no 記号
     * (one with no 番号 either), a HO with a KO, a 公費単独 receipt, and GO counting HO and KO records.
     */
    @Test
    void heiseiFileAsOrcaWritesIt() {
        ReceiptFiles.Result result = ReceiptFiles.resource("medical-heisei-orca.UKE");
        assertThat(result.errors()).isEmpty();
        assertThat(result.receipts()).extracting(Receipt::receiptNumber).containsExactly(1, 2, 3, 4);
        Receipt kokuho = result.receipts().get(0);
        assertThat(kokuho.treatmentMonth()).isEqualTo(YearMonth.of(2018, 12));
        assertThat(kokuho.kanaName()).isEqualTo("テスト　タロウ");
        assertThat(kokuho.memberKey()).isEqualTo(new MemberKey("  138057", "", "１２３４", ""));
        assertThat(kokuho.publicExpenses())
                .extracting(PublicExpense::payerNumber)
                .containsExactly("21116017");
        assertThat(result.receipts().get(2).memberKey()).isEqualTo(new MemberKey("  133066", "", "", ""));
        Receipt publicOnly = result.receipts().get(3);
        assertThat(publicOnly.insurance()).isNull();
        assertThat(publicOnly.publicExpenses())
                .singleElement()
                .extracting(PublicExpense::points)
                .isEqualTo(569);
    }

    /**
     * A 歯科 file of the 和暦 edition: UK (name, 請求年月), the 9-field 歯科 IR before each receipt (as
     * some senders repeat it), RE 27, HO 14, HS 13, SS 109, TO 45, GO.
     */
    @Test
    void dentalHeiseiFileWithItsIrBeforeEachReceipt() {
        ReceiptFiles.Result result = ReceiptFiles.resource("dental-heisei.UKE");
        assertThat(result.errors()).isEmpty();
        assertThat(result.lines()).containsExactly(3L, 10L);
        Receipt r = result.receipts().get(0);
        assertThat(r.facility())
                .isEqualTo(new Facility(
                        "UK", "1", "13", "3", "1399992", "テスト歯科医院", YearMonth.of(2019, 2), "00", "03-0000-0002"));
        assertThat(r.kanaName()).isEqualTo("テスト　イチロウ");
        assertThat(r.insurance()).isEqualTo(new Insurance("01130012", "１３４", "１２", 1, 438, null, null, "", null));
        assertThat(r.procedures()).extracting(Procedure::code).containsExactly("301072810", "302000110");
        assertThat(r.materials()).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo("700720000");
            assertThat(m.points()).isEqualTo(22);
            assertThat(m.count()).isEqualTo(1);
            assertThat(m.days().on(14)).isEqualTo(1);
        });
        assertThat(result.receipts().get(1).procedures().get(1).days().on(30)).isEqualTo(2);
    }

    @Test
    void pharmacyInTheInsurerSideLayout() {
        ReceiptFiles.Result result = ReceiptFiles.resource("pharmacy-insurer.CSV");
        assertThat(result.errors()).isEmpty();
        assertThat(result.receipts()).hasSize(2);
        assertThat(result.lines()).containsExactly(3L, 12L);
        Receipt r = result.receipts().get(0);
        assertThat(r.facility())
                .isEqualTo(new Facility(
                        "YK", "1", "13", "4", "1398765", "テスト調剤薬局", YearMonth.of(2024, 7), "00", "03-0000-0000"));
        assertThat(r.kind()).isEqualTo(ReceiptKind.PHARMACY);
        assertThat(r.inpatient()).isFalse();
        assertThat(r.treatmentMonth()).isEqualTo(YearMonth.of(2024, 6));
        assertThat(r.birthDate()).isEqualTo(LocalDate.of(1949, 10, 10));
        assertThat(r.admissionDate()).isNull();
        assertThat(r.kanaName()).isEqualTo("キキンサブロウ");
        assertThat(r.memberKey()).isEqualTo(new MemberKey("06130017", "１２３", "４５６９", "00"));
        assertThat(r.drugs())
                .extracting(Drug::code, Drug::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("620124201", new BigDecimal("4")),
                        org.assertj.core.groups.Tuple.tuple("620000002", new BigDecimal("2.5")));
        assertThat(r.drugs().get(0).points()).isNull();
        assertThat(r.drugs().get(0).count()).isNull();
        // the organisation's records: MN before the header belongs to this receipt, EX and RC after it
        assertThat(r.others()).extracting(OtherRecord::type).containsExactly("MN", "EX", "RC");
        assertThat(r.others().get(0).fields().get(0)).isEqualTo("940000030");
        assertThat(result.receipts().get(1).memberKey().branch()).isEqualTo("01");
        assertThat(result.receipts().get(1).others())
                .extracting(OtherRecord::type)
                .containsExactly("MN", "RC");
    }

    @Test
    void dpcLayout() {
        ReceiptFiles.Result result = ReceiptFiles.resource("dpc-reiwa.UKE");
        assertThat(result.errors()).isEmpty();
        assertThat(result.receipts()).hasSize(1);
        Receipt r = result.receipts().get(0);
        assertThat(r.kind()).isEqualTo(ReceiptKind.MEDICAL);
        assertThat(r.dpc()).isTrue();
        assertThat(r.inpatient()).isTrue();
        assertThat(r.admissionDate()).isEqualTo(LocalDate.of(2024, 4, 8));
        // the DPC layout's RE has two more fields before the カタカナ氏名, its HO one more at the end
        assertThat(r.kanaName()).isEqualTo("キキン　ゴロウ");
        assertThat(r.insurance()).isEqualTo(new Insurance("06130017", "１２３", "４５７０", 7, 28450, 21, 10290, "", 86400));
        assertThat(r.diagnosisGroup())
                .isEqualTo(new DiagnosisGroup(
                        0, "040080xx99x0xx", LocalDate.of(2024, 4, 8), LocalDate.of(2024, 4, 14), "1", ""));
        assertThat(r.dpcDiagnoses())
                .containsExactly(
                        new DpcDiagnosis(1, "0000999", List.of(), "テスト肺炎", "J189", "01", "", ""),
                        new DpcDiagnosis(2, "4659007", List.of("8002"), "", "J069", "11", "", "主たる傷病"),
                        new DpcDiagnosis(3, "4659007", List.of(), "", "J069", "21", "", ""),
                        new DpcDiagnosis(4, "2500013", List.of(), "", "E119", "41", "", ""));
        assertThat(r.dpcDiagnoses())
                .filteredOn(DpcDiagnosis::main)
                .extracting(DpcDiagnosis::code)
                .containsExactly("4659007");
        // KK, HH, GT and CD are known and counted, kept as recorded
        assertThat(r.others()).extracting(OtherRecord::type).containsExactly("KK", "HH", "GT", "CD");
        assertThat(r.others().get(1).fields()).containsExactly("202404", "2", "1", "1", "1", "2880", "7", "20160");
        assertThat(r.diagnoses())
                .extracting(Diagnosis::seq, Diagnosis::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(9, "4659007"));
        assertThat(r.procedures())
                .extracting(Procedure::code, Procedure::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("160008010", 1));
    }

    @Test
    void pharmacyClaimLayoutWithPrescriptionsAndDispensings() {
        ReceiptFiles.Result result = ReceiptFiles.resource("pharmacy-reiwa.UKE");
        assertThat(result.errors()).isEmpty();
        Receipt r = result.receipts().get(0);
        assertThat(r.kind()).isEqualTo(ReceiptKind.PHARMACY);
        assertThat(r.kanaName()).isEqualTo("キキンロクロウ");
        // 調剤 HO: 処方箋受付回数 where 医科 has 診療実日数, no 食事療養, 一部負担金 at 9
        assertThat(r.insurance()).isEqualTo(new Insurance("06130017", "１２３", "４５７１", 1, 846, null, null, "", 2540));
        List<Integer> none = java.util.Arrays.asList(null, null, null, null);
        assertThat(r.prescriptions())
                .containsExactly(
                        new Prescription(0, "1", "1", "101", "", 43, none),
                        new Prescription(4, "2", "5", "", "1日2回患部に塗布", 12, none));
        Dispensing first = r.dispensings().get(0);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.doctorNumber()).isEqualTo("1");
        assertThat(first.prescribedOn()).isEqualTo(LocalDate.of(2024, 4, 10));
        assertThat(first.dispensedOn()).isEqualTo(LocalDate.of(2024, 4, 10));
        assertThat(first.reception()).isEqualTo(1);
        assertThat(first.quantity()).isEqualTo(14);
        assertThat(first.preparationFee()).isEqualTo(new DispensingFee("1", "1", "01", "190000210", 50));
        assertThat(first.drugPoints()).isEqualTo(602);
        assertThat(first.additions()).containsExactly(new DispensingFee("1", "", "", "190001510", 6));
        assertThat(first.packagingDays()).isEqualTo(14);
        assertThat(first.managementFee()).isEqualTo(new DispensingFee("1", "1", "01", "190020010", 4));
        assertThat(first.outpatientSupport()).isNull();
        assertThat(first.drugReductionPoints()).containsExactly(null, null, null, null, null);
        // the older 54-field CZ: the fields the 2022 revisions appended are simply not recorded
        Dispensing second = r.dispensings().get(1);
        assertThat(second.dispensedOn()).isEqualTo(LocalDate.of(2024, 4, 11));
        assertThat(second.preparationFee()).isEqualTo(new DispensingFee("1", "1", "02", "190000310", 8));
        assertThat(second.managementFee()).isNull();
        assertThat(second.additions()).isEmpty();
        // drugs belong to the SH before them
        assertThat(r.drugs())
                .extracting(Drug::code, d -> r.prescriptionOf(d).number())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("620098801", "1"),
                        org.assertj.core.groups.Tuple.tuple("620004422", "1"),
                        org.assertj.core.groups.Tuple.tuple("660000001", "2"));
        assertThat(r.drugs().get(0).points()).isNull();
        assertThat(r.prescriptionOf(second).number()).isEqualTo("2");
        // 調剤 TO and CO in their own layouts
        assertThat(r.materials())
                .containsExactly(new Material(
                        7,
                        "",
                        "1",
                        "710010000",
                        new BigDecimal("2"),
                        null,
                        null,
                        "",
                        null,
                        "テスト材料",
                        List.of(),
                        ServiceDays.NONE));
        assertThat(r.comments()).containsExactly(new Comment(8, "", "", "830000001", "テスト調剤コメント"));
        assertThat(r.others()).isEmpty();
    }

    @Test
    void examplesSurviveARoundTrip() {
        for (String name : List.of(
                "medical-reiwa.UKE",
                "medical-heisei.UKE",
                "dental-reiwa.UKE",
                "pharmacy-insurer.CSV",
                "dpc-reiwa.UKE",
                "pharmacy-reiwa.UKE",
                "medical-heisei-orca.UKE",
                "dental-heisei.UKE")) {
            List<Receipt> first = ReceiptFiles.resource(name).receipts();
            for (Layout layout : Layout.values()) {
                ReceiptFiles.Result again =
                        ReceiptFiles.read(ReceiptFiles.write(first, layout), jp.kenpo.privacy.formats.ReadMode.STRICT);
                assertThat(again.errors()).isEmpty();
                assertThat(again.receipts()).as(name + " in " + layout).isEqualTo(first);
            }
        }
    }

    @Test
    void theInsurerLayoutIsWrittenAsTheOrganisationWritesIt() {
        List<Receipt> receipts = ReceiptFiles.resource("pharmacy-insurer.CSV").receipts();
        String text = new String(ReceiptFiles.write(receipts, Layout.INSURER), ReceiptFiles.SJIS);
        assertThat(text)
                .startsWith("2,1,0,MN,940000030,東京都港区テスト町,13450607940000030,,,\r\n"
                        + "1,2,0,YK,1,13,4,1398765,テスト調剤薬局,202407,00,03-0000-0000\r\n1,3,0,RE,1,4118,202406,基金　三郎,");
        assertThat(text).contains("\r\n1,6,0,IY,1,620124201,4,,,,,,\r\n").doesNotContain("GO,");
    }
}
