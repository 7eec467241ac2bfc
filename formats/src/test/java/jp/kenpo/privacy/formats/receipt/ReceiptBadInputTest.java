package jp.kenpo.privacy.formats.receipt;

import static jp.kenpo.privacy.formats.receipt.ReceiptFiles.sjis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.FormatException;
import jp.kenpo.privacy.formats.ReadMode;
import org.junit.jupiter.api.Test;

/**
 * One test per class of bad input. Each bad receipt sits between two good ones: lenient mode
 * must report it with file, line, record and field, leave it out, and still return both good
 * ones; strict mode must stop with the same error.
 */
class ReceiptBadInputTest {

    static final String IR = "IR,1,13,1,1312345,,テスト医院,202405,00,";
    static final String HO = "HO,06130017,１,２,1,100,,,,,,,,,";

    static String re(int n) {
        return "RE," + n + ",1112,202404,テスト　患者,1,19800101,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,";
    }

    private static String si(String code, int points) {
        return "SI,11,1," + code + ",," + points + ",1,,,,,,,1" + ",".repeat(30);
    }

    /** good receipt 1, the bad lines as receipt 2, good receipt 3; GO counts 3 receipts. */
    static byte[] sandwich(String... bad) {
        List<String> lines = new ArrayList<>();
        lines.add(IR);
        lines.addAll(List.of(re(1), HO, "SY,2500013,20240401,1,,,01,", si("111000110", 100)));
        lines.addAll(Arrays.asList(bad));
        lines.addAll(List.of(re(3), HO, "SY,2500013,20240401,1,,,01,", si("111000110", 100)));
        lines.add("GO,3,300,99");
        return sjis(lines.toArray(String[]::new));
    }

    private static FormatError onlyError(byte[] file) {
        ReceiptFiles.Result lenient = ReceiptFiles.read(file, ReadMode.LENIENT);
        assertThat(lenient.receipts()).extracting(Receipt::receiptNumber).containsExactly(1, 3);
        assertThat(lenient.errors()).hasSize(1);
        FormatError e = lenient.errors().get(0);
        assertThatThrownBy(() -> ReceiptFiles.read(file, ReadMode.STRICT))
                .isInstanceOf(FormatException.class)
                .satisfies(t -> assertThat(((FormatException) t).error()).isEqualTo(e));
        return e;
    }

    @Test
    void unknownRecordType() {
        FormatError e = onlyError(sandwich(re(2), HO, "ZZ,1,2,3"));
        assertThat(e).isEqualTo(new FormatError("test.UKE", 8, "ZZ", "", "unknown record type \"ZZ\""));
        assertThat(e.toString()).isEqualTo("test.UKE:8: ZZ: unknown record type \"ZZ\"");
    }

    @Test
    void emptyLineInsideAReceipt() {
        FormatError e = onlyError(sandwich(re(2), HO, ""));
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.reason()).isEqualTo("empty line");
    }

    @Test
    void wrongFieldCount() {
        FormatError e = onlyError(sandwich(re(2), HO, "SY,2500013,20240401"));
        assertThat(e.toString()).isEqualTo("test.UKE:8: SY: wrong field count 3 (expected 8, record type counted)");
        FormatError tooMany = onlyError(sandwich(re(2), HO, "SY,2500013,20240401,1,,,01,,,"));
        assertThat(tooMany.reason()).startsWith("wrong field count 10");
    }

    @Test
    void truncatedReceiptCommonRecordIsRefusedNotReadWithAnEmptyKanaName() {
        FormatError cut = onlyError(sandwich("RE,2,1112,202404,テスト　患者,1,19800101", HO));
        assertThat(cut.toString())
                .isEqualTo("test.UKE:6: RE: wrong field count 7 (expected 27–42, record type counted)");
        // one field short of the 医科 layout: the カタカナ氏名 would be missing
        String short37 = re(2).substring(0, re(2).length() - 1);
        FormatError e = onlyError(sandwich(short37, HO));
        assertThat(e.toString())
                .isEqualTo("test.UKE:6: RE: wrong field count 37 (expected 38 in the 医科 layout or 40 in"
                        + " the DPC layout of the 令和 edition (Western dates), record type counted)");
    }

    @Test
    void theEditionOfTheReceiptFixesItsCounts() {
        // 和暦 dates: the 医科 RE has 35 fields, or 38 from the 平成30年4月 edition on (カタカナ氏名, 患者の状態);
        // a count between is neither
        String heisei36 = "RE,2,1112,43104,テスト　患者,1,3550101" + ",".repeat(29);
        FormatError e = onlyError(sandwich(heisei36, HO));
        assertThat(e.reason())
                .isEqualTo("wrong field count 36 (expected 35 or 38 in the 医科 layout or 37 or 40 in the"
                        + " DPC layout of the 和暦 edition (GYYMMDD dates), record type counted)");
    }

    @Test
    void heiseiEditionsFromApril2018CarryTheKanaNameInTheReceiptCommonRecord() {
        String heisei38 = "RE,2,1112,43104,テスト　患者,1,3550101" + ",".repeat(30) + "テスト　カンジャ,";
        String heisei35 = "RE,4,1112,43104,テスト　患者,1,3550101" + ",".repeat(28);
        byte[] file = sjis(IR, heisei38, HO, heisei35, HO, "GO,2,200,99");
        ReceiptFiles.Result r = ReceiptFiles.read(file, ReadMode.STRICT);
        assertThat(r.receipts()).extracting(Receipt::kanaName).containsExactly("テスト　カンジャ", "");
    }

    @Test
    void truncatedProcedureRecord() {
        FormatError e = onlyError(sandwich(re(2), HO, "SI,11,1,111000110,,100,1"));
        // before the receipt's kind is looked at, a record is held to the counts of every layout of its type
        assertThat(e.toString()).isEqualTo("test.UKE:8: SI: wrong field count 7 (expected 38–44, record type counted)");
    }

    @Test
    void recordTypesOfAnotherKindAreRefused() {
        String ss = "SS,11,1,301000110" + ",".repeat(73) + "267,1" + ",".repeat(31);
        FormatError dental = onlyError(sandwich(re(2), HO, ss));
        assertThat(dental.toString()).isEqualTo("test.UKE:8: SS: record type SS does not belong to a 医科 receipt");
        FormatError bu = onlyError(sandwich(re(2), HO, "BU,040080xx99x0xx,20240401,,,"));
        assertThat(bu.reason()).isEqualTo("record type BU does not belong to a 医科 receipt");

        byte[] pharmacy = sjis(
                "YK,1,13,4,1398765,テスト薬局,202405,00,",
                "RE,1,4112,202404,テスト　患者,1,19800101" + ",".repeat(35),
                "HO,06130017,１,２,1,100,,,,,,,,",
                "BU,040080xx99x0xx,20240401,,,",
                "GO,1,100,99");
        ReceiptFiles.Result r = ReceiptFiles.read(pharmacy, ReadMode.LENIENT);
        assertThat(r.receipts()).isEmpty();
        assertThat(r.errors())
                .containsExactly(
                        new FormatError("test.UKE", 4, "BU", "", "record type BU does not belong to a 調剤 receipt"));
        // a 医科 HO of 15 fields is one too many for the 調剤 layout
        byte[] medicalHo = sjis(
                "YK,1,13,4,1398765,テスト薬局,202405,00,",
                "RE,1,4112,202404,テスト　患者,1,19800101" + ",".repeat(35),
                HO,
                "GO,1,100,99");
        assertThat(ReceiptFiles.read(medicalHo, ReadMode.LENIENT).errors())
                .extracting(FormatError::reason)
                .containsExactly("wrong field count 15 (expected 14 for a 調剤 receipt of the 令和 edition (Western dates),"
                        + " record type counted)");
    }

    @Test
    void heiseiDpcReceiptsComeInBothLengthsToo() {
        // 37 fields before 平成30年4月, 40 after: the 医科 RE's two appended fields, after 総括区分 and 明細情報数
        String dpc37 = "RE,1,1111,43104,テスト　患者,1,3550101,,4310401" + ",".repeat(28);
        String dpc40 = "RE,2,1111,43104,テスト　患者,1,3550101,,4310401" + ",".repeat(30) + "テスト　カンジャ,";
        String bu = "BU,040080xx99x0xx,4310401,,,";
        byte[] file = sjis(IR, dpc37, HO_DPC, bu, dpc40, HO_DPC, bu, "GO,2,200,99");
        ReceiptFiles.Result r = ReceiptFiles.read(file, ReadMode.STRICT);
        assertThat(r.receipts()).extracting(Receipt::dpc).containsExactly(true, true);
        assertThat(r.receipts()).extracting(Receipt::kanaName).containsExactly("", "テスト　カンジャ");
    }

    static final String UK = "UK,1,13,3,1398765,,テスト歯科医院,202405,,00";
    static final String IR_DENTAL = "IR,1,13,3,1398765,,202405,03-0000-0000,";
    static final String RE_DENTAL = "RE,1,3112,202404,テスト　患者,1,19800101" + ",".repeat(20);
    static final String HO_DENTAL = "HO,06130017,１,２,1,100,,,,,,,,";

    @Test
    void aDentalFileOpensWithItsUkRecord() {
        // an IR with 点数表 3 and a name, as the generator used to write, is no 歯科 header
        byte[] asIr = sjis("IR,1,13,3,1398765,,テスト歯科医院,202405,00,", RE_DENTAL, HO_DENTAL, "GO,1,100,99");
        assertThat(ReceiptFiles.read(asIr, ReadMode.LENIENT).errors())
                .extracting(FormatError::toString)
                .containsExactly(
                        "test.UKE:1: IR 点数表: a 歯科 file opens with its UK record; an IR with 点数表 3 must follow a UK",
                        "test.UKE:2: RE: left out with its facility header on line 1, which could not be read");
        ReceiptFiles.Result good =
                ReceiptFiles.read(sjis(UK, IR_DENTAL, RE_DENTAL, HO_DENTAL, "GO,1,100,99"), ReadMode.STRICT);
        assertThat(good.receipts())
                .singleElement()
                .extracting(r -> r.facility().phone())
                .isEqualTo("03-0000-0000");
    }

    @Test
    void dentalRecordsHaveTheirOwnCounts() {
        ReceiptFiles.Result medicalHo =
                ReceiptFiles.read(sjis(UK, IR_DENTAL, RE_DENTAL, HO, "GO,1,100,99"), ReadMode.LENIENT);
        assertThat(medicalHo.errors())
                .extracting(FormatError::reason)
                .containsExactly(
                        "wrong field count 15 (expected 14 for a 歯科 receipt of the 令和 edition (Western dates), record type counted)");
        ReceiptFiles.Result medicalIr = ReceiptFiles.read(
                sjis(UK, "IR,1,13,3,1398765,,202405,03-0000-0000,,", RE_DENTAL, HO_DENTAL, "GO,1,100,99"),
                ReadMode.LENIENT);
        assertThat(medicalIr.errors())
                .extracting(FormatError::reason)
                .first()
                .asString()
                .startsWith("wrong field count 10 (expected 9 for a 歯科 facility header");
        ReceiptFiles.Result otherFacility = ReceiptFiles.read(
                sjis(UK, "IR,1,13,3,1398766,,202405,03-0000-0000,", RE_DENTAL, HO_DENTAL, "GO,1,100,99"),
                ReadMode.LENIENT);
        assertThat(otherFacility.errors())
                .extracting(FormatError::toString)
                .first()
                .asString()
                .isEqualTo("test.UKE:2: IR 医療機関コード: differs from the UK record on line 1");
        ReceiptFiles.Result otherMonth = ReceiptFiles.read(
                sjis(UK, "IR,1,13,3,1398765,,202406,03-0000-0000,", RE_DENTAL, HO_DENTAL, "GO,1,100,99"),
                ReadMode.LENIENT);
        assertThat(otherMonth.errors()).extracting(FormatError::field).first().isEqualTo("請求年月");
    }

    static String reDpc(int n) {
        return "RE," + n + ",1111,202404,テスト　患者,1,19800101,,20240401" + ",".repeat(31);
    }

    static final String HO_DPC = HO + ",";

    @Test
    void badDpcRecords() {
        FormatError code = onlyError(sandwich(reDpc(2), HO_DPC, "BU,04008Axx99x0xx,20240401,,,"));
        assertThat(code)
                .isEqualTo(new FormatError(
                        "test.UKE",
                        8,
                        "BU",
                        "診断群分類番号",
                        "診断群分類番号 must be 14 characters, 6 digits then digits or x, got \"04008Axx99x0xx\""));
        FormatError out = onlyError(sandwich(reDpc(2), HO_DPC, "BU,040080xx99x0xx,20240401,20240331,,"));
        assertThat(out.field()).isEqualTo("今回退院年月日");
        FormatError icd =
                onlyError(sandwich(reDpc(2), HO_DPC, "BU,040080xx99x0xx,20240401,,,", "SB,2500013,,,e11,01,,"));
        assertThat(icd.field()).isEqualTo("ICD10コード");
        FormatError uncoded =
                onlyError(sandwich(reDpc(2), HO_DPC, "BU,040080xx99x0xx,20240401,,,", "SB,0000999,,,J189,01,,"));
        assertThat(uncoded.toString()).isEqualTo("test.UKE:9: SB 傷病名称: an uncoded disease (0000999) needs its 傷病名称");
        FormatError category =
                onlyError(sandwich(reDpc(2), HO_DPC, "BU,040080xx99x0xx,20240401,,,", "SB,2500013,,,E119,1,,"));
        assertThat(category.field()).isEqualTo("傷病名区分");
        FormatError second =
                onlyError(sandwich(reDpc(2), HO_DPC, "BU,040080xx99x0xx,20240401,,,", "BU,040080xx99x0xx,20240401,,,"));
        assertThat(second.reason()).isEqualTo("a second BU record in one receipt");
        // the DPC layout's HO has 16 fields: the 出来高 one of 15 is refused in a DPC receipt
        FormatError ho = onlyError(sandwich(reDpc(2), HO));
        assertThat(ho.reason()).startsWith("wrong field count 15 (expected 16 for a DPC receipt");
        FormatError noBu = onlyError(sandwich(reDpc(2), HO_DPC));
        assertThat(noBu)
                .isEqualTo(new FormatError(
                        "test.UKE", 6, "RE", "", "a receipt in the DPC layout without its BU (診断群分類) record"));
    }

    @Test
    void badPharmacyRecords() {
        String yk = "YK,1,13,4,1398765,テスト薬局,202405,00,";
        String re = "RE,1,4112,202404,テスト　患者,1,19800101" + ",".repeat(35);
        String ho = "HO,06130017,１,２,1,100,,,,,,,,";
        String cz = "CZ,1,20240410,20240409,1,14,1,1,01,190000210,50,,,602" + ",".repeat(40);
        ReceiptFiles.Result before =
                ReceiptFiles.read(sjis(yk, re, ho, "SH,1,1,,,43,,,,", cz, "GO,1,100,99"), ReadMode.LENIENT);
        assertThat(before.errors())
                .containsExactly(new FormatError(
                        "test.UKE", 5, "CZ", "調剤月日", "dispensed 2024-04-09, before the prescription 2024-04-10"));
        ReceiptFiles.Result form =
                ReceiptFiles.read(sjis(yk, re, ho, "SH,1,12,,,43,,,,", "GO,1,100,99"), ReadMode.LENIENT);
        assertThat(form.errors())
                .extracting(FormatError::field, FormatError::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("剤形コード", "must be 1 digits, got \"12\""));
        ReceiptFiles.Result fee = ReceiptFiles.read(
                sjis(
                        yk,
                        re,
                        ho,
                        "SH,1,1,,,43,,,,",
                        "CZ,1,20240410,20240410,1,14,1,1,01,19000021,50,,,602" + ",".repeat(40),
                        "GO,1,100,99"),
                ReadMode.LENIENT);
        assertThat(fee.errors()).extracting(FormatError::field).containsExactly("コード 調剤料");
    }

    @Test
    void childRecordBeforeAnyReceipt() {
        byte[] file = sjis(IR, HO, re(1), HO, "GO,1,100,99");
        ReceiptFiles.Result r = ReceiptFiles.read(file, ReadMode.LENIENT);
        assertThat(r.errors()).containsExactly(new FormatError("test.UKE", 2, "HO", "", "child record before any RE"));
        assertThat(r.receipts()).hasSize(1);
        assertThatThrownBy(() -> ReceiptFiles.read(file, ReadMode.STRICT))
                .hasMessage("test.UKE:2: HO: child record before any RE");
    }

    @Test
    void receiptBeforeFacilityHeader() {
        byte[] file = sjis(re(1), HO, IR, re(2), HO, "GO,1,100,99");
        ReceiptFiles.Result r = ReceiptFiles.read(file, ReadMode.LENIENT);
        assertThat(r.errors())
                .extracting(FormatError::toString)
                .containsExactly("test.UKE:1: RE: RE before any IR/YK facility header");
        assertThat(r.receipts()).extracting(Receipt::receiptNumber).containsExactly(2);
    }

    @Test
    void impossibleDate() {
        FormatError e = onlyError(sandwich(re(2), HO, "SY,2500013,4310501,1,,,01,"));
        assertThat(e.toString())
                .isEqualTo("test.UKE:8: SY 診療開始日: impossible date 4310501: 平成31年 does not include 2019-05-01");
        FormatError feb = onlyError(sandwich("RE,2,1112,202404,テスト,1,19790229,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,", HO));
        assertThat(feb.toString()).isEqualTo("test.UKE:6: RE 生年月日: impossible date 19790229");
        FormatError month = onlyError(sandwich("RE,2,1112,202413,テスト,1,19790228,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,", HO));
        assertThat(month.field()).isEqualTo("診療年月");
    }

    @Test
    void invalidCodeShape() {
        assertThat(onlyError(sandwich(re(2), HO, "SY,250001,20240401,1,,,01,")).toString())
                .isEqualTo("test.UKE:8: SY 傷病名コード: must be 7 digits, got \"250001\"");
        assertThat(onlyError(sandwich(re(2), HO, si("11100011X", 1))).field()).isEqualTo("診療行為コード");
        assertThat(onlyError(sandwich(re(2), "HO,06130018,１,２,1,100,,,,,,,,,")).reason())
                .isEqualTo("check digit of 保険者番号 is wrong");
        assertThat(onlyError(sandwich(re(2), HO, "SY,2500013,20240401,5,,,01,")).field())
                .isEqualTo("転帰区分");
        assertThat(onlyError(sandwich(re(2), HO, "SY,2500013,20240401,1,800,,01,"))
                        .field())
                .isEqualTo("修飾語コード");
        assertThat(onlyError(sandwich("RE,2,3112,202404,テスト,1,19790228,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,", HO))
                        .reason())
                .isEqualTo("レセプト種別 3112 does not belong under 点数表 1 of the facility header");
        assertThat(onlyError(sandwich("RE,2,1112,202404,テスト,3,19790228,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,", HO))
                        .field())
                .isEqualTo("男女区分");
        assertThat(onlyError(sandwich(re(2), HO, "SY,0000999,20240401,1,,,01,")).reason())
                .isEqualTo("an uncoded disease (0000999) needs its 傷病名称");
        assertThat(onlyError(sandwich(re(2), HO, "SI,11,1,111000110,,100,2,,,,,,,1" + ",".repeat(30)))
                        .reason())
                .isEqualTo("回数 2 differs from the sum 1 of the 算定日情報");
        assertThat(onlyError(sandwich(re(2), HO, "SI,11,1,111000110,,1x0,1,,,,,,,1" + ",".repeat(30)))
                        .toString())
                .isEqualTo("test.UKE:8: SI 点数: not an unsigned integer: \"1x0\"");
    }

    @Test
    void undecodableBytes() {
        byte[] good = sandwich(re(2), HO, "CO,,1,810000001,XX");
        byte[] bad = good.clone();
        // replace "XX" on line 8 with 0x81 0x20: a lead byte followed by a byte no second byte can be
        String text = new String(good, ReceiptFiles.SJIS);
        int at = text.indexOf("810000001,XX") + "810000001,".length();
        int byteAt = text.substring(0, at).getBytes(ReceiptFiles.SJIS).length;
        bad[byteAt] = (byte) 0x81;
        bad[byteAt + 1] = (byte) 0x20;
        FormatError e = onlyError(bad);
        assertThat(e.toString())
                .isEqualTo("test.UKE:8: CO 文字データ: undecodable bytes for Shift_JIS (Windows-31J): 81 20");
    }

    @Test
    void controlCharacterInsideAField() {
        FormatError e = onlyError(sandwich(re(2), HO, "CO,,1,810000001,A\tB"));
        assertThat(e.reason()).isEqualTo("control character 0x09 at column 18");
    }

    @Test
    void fileWithoutGoLeavesTheLastReceiptOut() {
        byte[] file = sjis(IR, re(1), HO, re(2), HO);
        ReceiptFiles.Result r = ReceiptFiles.read(file, ReadMode.LENIENT);
        assertThat(r.receipts()).extracting(Receipt::receiptNumber).containsExactly(1);
        assertThat(r.errors())
                .extracting(FormatError::toString)
                .containsExactly(
                        "test.UKE:5: GO: file ends without the GO record; the last receipt may be cut short and is left out");
    }

    @Test
    void goCountingOtherThanTheClaims() {
        byte[] file = sjis(IR, re(1), HO, "GO,2,100,99");
        ReceiptFiles.Result r = ReceiptFiles.read(file, ReadMode.LENIENT);
        assertThat(r.receipts()).hasSize(1);
        assertThat(r.errors())
                .extracting(FormatError::toString)
                .containsExactly("test.UKE:4: GO 総件数: says 2 but the"
                        + " facility header on line 1 is followed by 1 HO and 0 KO records (1 receipts)");
    }

    @Test
    void goTotalCountsEveryHoAndKoRecordNotTheReceipts() {
        // 作成手引き: a receipt with 医療保険 and a 公費 is two claims; a 公費単独 receipt one per KO
        String ko = "KO,54136015,1234566,,1,100,,,,,,";
        String koOnly = "RE,2,1122,202404,テスト　患者,1,19800101,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,";
        byte[] file = sjis(IR, re(1), HO, ko, koOnly.replace("1122", "1212"), ko, "GO,3,200,99");
        assertThat(ReceiptFiles.read(file, ReadMode.STRICT).receipts()).hasSize(2);
        byte[] byReceipts = sjis(IR, re(1), HO, ko, koOnly.replace("1122", "1212"), ko, "GO,2,200,99");
        assertThatThrownBy(() -> ReceiptFiles.read(byReceipts, ReadMode.STRICT))
                .hasMessageContaining("GO 総件数: says 2 but the facility header on line 1 is followed by 1 HO and 2 KO");
    }

    @Test
    void badFacilityHeaderSkipsItsReceiptsUntilTheNextHeader() {
        byte[] file =
                sjis("IR,1,48,1,1312345,,テスト医院,202405,00,", re(1), HO, "GO,1,100,99", IR, re(1), HO, "GO,1,100,99");
        ReceiptFiles.Result r = ReceiptFiles.read(file, ReadMode.LENIENT);
        assertThat(r.errors())
                .extracting(FormatError::toString)
                .containsExactly(
                        "test.UKE:1: IR 都道府県: no prefecture 48 (01–47)",
                        "test.UKE:2: RE: left out with its facility header on line 1, which could not be read");
        assertThat(r.receipts()).hasSize(1);
        assertThat(r.lines()).containsExactly(6L);
    }

    @Test
    void overlongLine() {
        String longComment = "CO,,1,810000001," + "A".repeat(ReceiptReader.MAX_LINE_BYTES);
        FormatError e = onlyError(sandwich(re(2), HO, longComment));
        assertThat(e.toString()).isEqualTo("test.UKE:8: : line longer than 65536 bytes");
    }

    @Test
    void lineLongerThanTheReadBufferIsStillReportedOnItsLine() {
        String huge = "CO,,1,810000001," + "A".repeat(3 << 20);
        FormatError e = onlyError(sandwich(re(2), HO, huge));
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.reason()).isEqualTo("line longer than 65536 bytes");
    }

    @Test
    void emptyFile() {
        ReceiptFiles.Result r = ReceiptFiles.read(new byte[0], ReadMode.LENIENT);
        assertThat(r.errors()).extracting(FormatError::reason).containsExactly("empty file");
    }

    @Test
    void endOfFileMarkAndMissingFinalLineBreakAreAccepted() throws Exception {
        byte[] base = sjis(IR, re(1), HO, "GO,1,100,99");
        ByteArrayOutputStream marked = new ByteArrayOutputStream();
        marked.write(base);
        marked.write(0x1A);
        assertThat(ReceiptFiles.read(marked.toByteArray(), ReadMode.STRICT).receipts())
                .hasSize(1);
        byte[] noBreak = Arrays.copyOf(base, base.length - 2);
        assertThat(ReceiptFiles.read(noBreak, ReadMode.STRICT).receipts()).hasSize(1);
        byte[] noBreakMarked = Arrays.copyOf(noBreak, noBreak.length + 1);
        noBreakMarked[noBreak.length] = 0x1A;
        assertThat(ReceiptFiles.read(noBreakMarked, ReadMode.STRICT).receipts()).hasSize(1);
    }

    @Test
    void endOfFileMarkInTheMiddleIsAnError() {
        FormatError e = onlyError(sandwich(re(2), HO, "CO,,1,810000001,A\u001AB"));
        assertThat(e.reason()).isEqualTo("control character 0x1A at column 18");
    }

    @Test
    void aLineOutsideTheInsurerSideLayoutOfTheFile() {
        byte[] file = sjis(
                "2,1,0,MN,940000030,東京都,1,,,",
                "1,2,0,IR,1,13,1,1312345,,テスト医院,202405,00,",
                "1,3,0,RE,1,1112,202404,テスト,1,19800101,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
                "1,4,0,HO,06130017,1,2,1,100,,,,,,,,,",
                "HO,06130017,1,3,1,100,,,,,,,,,",
                "2,1,0,MN,940000031,東京都,1,,,",
                "1,2,0,IR,1,13,1,1312345,,テスト医院,202405,00,",
                "1,3,0,RE,2,1112,202404,テスト,1,19800101,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
                "1,4,0,HO,06130017,1,4,1,100,,,,,,,,,");
        ReceiptFiles.Result r = ReceiptFiles.read(file, ReadMode.LENIENT);
        assertThat(r.errors())
                .extracting(FormatError::toString)
                .containsExactly("test.UKE:5: HO: not in the "
                        + "insurer-side layout of the rest of the file (three numeric columns before the record type)");
        assertThat(r.receipts()).extracting(Receipt::receiptNumber).containsExactly(2);
        assertThat(r.receipts().get(0).others()).extracting(OtherRecord::type).containsExactly("MN");
    }

    @Test
    void managementRecordBelongsToTheReceiptAfterIt() {
        byte[] file = sjis(
                IR,
                "MN,1234567890123,東京都",
                re(1),
                HO,
                "MN,9999999999,大阪府",
                "KO,54136015,1234566,,1,100,,,,,,",
                re(2),
                HO,
                "GO,3,200,99");
        ReceiptFiles.Result r = ReceiptFiles.read(file, ReadMode.STRICT);
        assertThat(r.receipts().get(0).others())
                .containsExactly(
                        new OtherRecord(0, "MN", List.of("1234567890123", "東京都")),
                        new OtherRecord(1, "MN", List.of("9999999999", "大阪府")));
        assertThat(r.receipts().get(1).others()).isEmpty();
    }
}
