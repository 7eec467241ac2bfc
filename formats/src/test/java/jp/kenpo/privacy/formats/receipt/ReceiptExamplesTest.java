package jp.kenpo.privacy.formats.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jp.kenpo.privacy.formats.MemberKey;
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
        assertThat(out.facility()).isEqualTo(new Facility("IR", "1", "13", "1", "1312345", "テスト内科クリニック",
                YearMonth.of(2024, 5), "00", "03-1234-5678"));
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

        assertThat(out.procedures()).extracting(Procedure::code)
                .containsExactly("111000110", "112007410", "160008010");
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
        assertThat(receipts.get(1).diagnoses()).extracting(Diagnosis::startDate)
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
        assertThat(r.kanaName()).isEqualTo("キキン　ジロウ");
        assertThat(r.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.recordType()).isEqualTo("HS");
            assertThat(d.code()).isEqualTo("5210002");
            assertThat(d.teeth()).isEqualTo("101600");
            assertThat(d.startDate()).isNull();
            assertThat(d.main()).isTrue();
        });
        assertThat(r.procedures()).extracting(Procedure::recordType, Procedure::code, Procedure::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SS", "301000110", 267),
                        org.assertj.core.groups.Tuple.tuple("SS", "309000110", 545));
        assertThat(r.procedures().get(1).days().on(22)).isEqualTo(1);
    }

    @Test
    void pharmacyInTheInsurerSideLayout() {
        ReceiptFiles.Result result = ReceiptFiles.resource("pharmacy-insurer.CSV");
        assertThat(result.errors()).isEmpty();
        assertThat(result.receipts()).hasSize(2);
        assertThat(result.lines()).containsExactly(3L, 12L);
        Receipt r = result.receipts().get(0);
        assertThat(r.facility()).isEqualTo(new Facility("YK", "1", "13", "4", "1398765", "テスト調剤薬局",
                YearMonth.of(2024, 7), "00", "03-0000-0000"));
        assertThat(r.kind()).isEqualTo(ReceiptKind.PHARMACY);
        assertThat(r.inpatient()).isFalse();
        assertThat(r.treatmentMonth()).isEqualTo(YearMonth.of(2024, 6));
        assertThat(r.birthDate()).isEqualTo(LocalDate.of(1949, 10, 10));
        assertThat(r.admissionDate()).isNull();
        assertThat(r.kanaName()).isEqualTo("キキンサブロウ");
        assertThat(r.memberKey()).isEqualTo(new MemberKey("06130017", "１２３", "４５６９", "00"));
        assertThat(r.drugs()).extracting(Drug::code, Drug::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("620124201", new BigDecimal("4")),
                org.assertj.core.groups.Tuple.tuple("620000002", new BigDecimal("2.5")));
        assertThat(r.drugs().get(0).points()).isNull();
        assertThat(r.drugs().get(0).count()).isNull();
        // the organisation's records: MN before the header belongs to this receipt, EX and RC after it
        assertThat(r.others()).extracting(OtherRecord::type).containsExactly("MN", "EX", "RC");
        assertThat(r.others().get(0).fields().get(0)).isEqualTo("940000030");
        assertThat(result.receipts().get(1).memberKey().branch()).isEqualTo("01");
        assertThat(result.receipts().get(1).others()).extracting(OtherRecord::type).containsExactly("MN", "RC");
    }

    @Test
    void examplesSurviveARoundTrip() {
        for (String name : List.of("medical-reiwa.UKE", "medical-heisei.UKE", "dental-reiwa.UKE", "pharmacy-insurer.CSV")) {
            List<Receipt> first = ReceiptFiles.resource(name).receipts();
            for (Layout layout : Layout.values()) {
                ReceiptFiles.Result again = ReceiptFiles.read(ReceiptFiles.write(first, layout),
                        jp.kenpo.privacy.formats.ReadMode.STRICT);
                assertThat(again.errors()).isEmpty();
                assertThat(again.receipts()).as(name + " in " + layout).isEqualTo(first);
            }
        }
    }

    @Test
    void theInsurerLayoutIsWrittenAsTheOrganisationWritesIt() {
        List<Receipt> receipts = ReceiptFiles.resource("pharmacy-insurer.CSV").receipts();
        String text = new String(ReceiptFiles.write(receipts, Layout.INSURER), ReceiptFiles.SJIS);
        assertThat(text).startsWith("2,1,0,MN,940000030,東京都港区テスト町,13450607940000030,,,\r\n"
                + "1,2,0,YK,1,13,4,1398765,テスト調剤薬局,202407,00,03-0000-0000\r\n1,3,0,RE,1,4118,202406,基金　三郎,");
        assertThat(text).contains("\r\n1,6,0,IY,1,620124201,4,,,,,,\r\n").doesNotContain("GO,");
    }
}
