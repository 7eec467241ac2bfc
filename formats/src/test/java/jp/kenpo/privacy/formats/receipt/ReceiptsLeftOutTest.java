package jp.kenpo.privacy.formats.receipt;

import static jp.kenpo.privacy.formats.receipt.ReceiptBadInputTest.HO;
import static jp.kenpo.privacy.formats.receipt.ReceiptBadInputTest.IR;
import static jp.kenpo.privacy.formats.receipt.ReceiptBadInputTest.re;
import static jp.kenpo.privacy.formats.receipt.ReceiptBadInputTest.sandwich;
import static jp.kenpo.privacy.formats.receipt.ReceiptFiles.sjis;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.ReadMode;
import jp.kenpo.privacy.formats.ReadProblems;
import jp.kenpo.privacy.formats.UnreadableRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What lenient mode tells through {@link ReadProblems}: each receipt left out once, with its raw
 * lines, and the problems of the file itself apart from them.
 */
class ReceiptsLeftOutTest {

    @TempDir
    Path dir;

    private record Told(List<Receipt> receipts, List<UnreadableRecord> leftOut, List<FormatError> ofFile) {}

    private static Told read(byte[] file) throws IOException {
        var receipts = new ArrayList<Receipt>();
        var leftOut = new ArrayList<UnreadableRecord>();
        var ofFile = new ArrayList<FormatError>();
        ReadProblems problems = new ReadProblems() {
            @Override
            public void ofFile(FormatError problem) {
                ofFile.add(problem);
            }

            @Override
            public void unreadable(UnreadableRecord record) {
                leftOut.add(record);
            }
        };
        try (ReceiptReader r =
                new ReceiptReader(new ByteArrayInputStream(file), "test.UKE", ReadMode.LENIENT, problems)) {
            for (Receipt x; (x = r.next()) != null; ) {
                receipts.add(x);
            }
            assertThat(r.errorCount()).isEqualTo(leftOut.size() + ofFile.size());
        }
        return new Told(receipts, leftOut, ofFile);
    }

    @Test
    void aReceiptWithSeveralBadLinesIsLeftOutOnceWithItsLines() throws IOException {
        // a bad date (found by the record's parser) and then a wrong field count (found by the line check)
        Told t = read(sandwich(re(2), HO, "SY,2500013,20241301,1,,,01,", "SY,2500013", "CO,,1,810000001,A\u0001B"));

        assertThat(t.receipts()).extracting(Receipt::receiptNumber).containsExactly(1, 3);
        assertThat(t.ofFile()).isEmpty();
        assertThat(t.leftOut()).singleElement().satisfies(u -> {
            assertThat(u.line()).isEqualTo(6);
            assertThat(u.problem().toString()).startsWith("test.UKE:8: SY 診療開始日: ");
            assertThat(u.text())
                    .isEqualTo(String.join(
                            "\n", re(2), HO, "SY,2500013,20241301,1,,,01,", "SY,2500013", "CO,,1,810000001,A\\x01B"));
            assertThat(u.omittedBytes()).isZero();
        });
        assertThat(ReceiptFiles.read(sandwich(re(2), HO, "SY,2500013,20241301,1,,,01,", "SY,2500013"), ReadMode.LENIENT)
                        .errors())
                .as("one report per receipt left out, for inspect too")
                .hasSize(1);
    }

    @Test
    void undecodableBytesStayVisibleInTheText() throws IOException {
        byte[] file = sandwich(re(2), HO, "CO,,1,810000001,XX");
        String text = new String(file, ReceiptFiles.SJIS);
        int at = text.substring(0, text.indexOf("810000001,XX") + "810000001,".length())
                .getBytes(ReceiptFiles.SJIS)
                .length;
        file[at] = (byte) 0x81;
        file[at + 1] = (byte) 0x20;

        assertThat(read(file).leftOut())
                .singleElement()
                .extracting(UnreadableRecord::text)
                .asString()
                .endsWith("CO,,1,810000001,\\x81 ");
    }

    @Test
    void problemsOfTheFileAreNotRecords() throws IOException {
        Told t = read(sjis(IR, re(1), HO, "GO,2,100,99", HO, IR, re(1), HO, "GO,1,100,99"));

        assertThat(t.receipts()).hasSize(2);
        assertThat(t.leftOut()).isEmpty();
        assertThat(t.ofFile())
                .extracting(FormatError::toString)
                .containsExactly(
                        "test.UKE:4: GO 総件数: says 2 but the facility header on line 1 is followed by 1 HO and 0 KO records"
                                + " (1 receipts)",
                        "test.UKE:5: HO: child record before any RE");
    }

    @Test
    void eachReceiptUnderABadFacilityHeaderIsLeftOutWithTheHeader() throws IOException {
        String badIr = "IR,1,48,1,1312345,,テスト医院,202405,00,";
        Told t = read(sjis(badIr, re(1), HO, re(2), HO, "GO,2,200,99", IR, re(3), HO, "GO,1,100,99"));

        assertThat(t.receipts()).extracting(Receipt::receiptNumber).containsExactly(3);
        assertThat(t.ofFile())
                .extracting(FormatError::toString)
                .containsExactly("test.UKE:1: IR 都道府県: no prefecture 48 (01–47)");
        assertThat(t.leftOut()).extracting(UnreadableRecord::line).containsExactly(2L, 4L);
        assertThat(t.leftOut())
                .extracting(UnreadableRecord::text)
                .containsExactly(String.join("\n", badIr, re(1), HO), String.join("\n", re(2), HO));
    }

    @Test
    void aFileCutShortLeavesItsLastReceiptOutWithItsLines() throws IOException {
        Told t = read(sjis(IR, re(1), HO, re(2), HO));

        assertThat(t.ofFile()).isEmpty();
        assertThat(t.leftOut()).singleElement().satisfies(u -> {
            assertThat(u.problem().reason()).contains("file ends without the GO record");
            assertThat(u.text()).isEqualTo(re(2) + "\n" + HO);
        });
    }

    @Test
    void aDentalReceiptLeftOutKeepsItsUkAndIrLines() throws IOException {
        String uk = "UK,1,13,3,1398765,,テスト歯科医院,202405,,00";
        String ir = "IR,1,13,3,1398765,,202405,03-0000-0000,";
        String badRe = "RE,1,3112,202413,テスト　患者,1,19800101" + ",".repeat(20);
        String ho = "HO,06130017,１,２,1,100,,,,,,,,";
        Told t = read(sjis(uk, ir, badRe, ho, ir, badRe.replace("RE,1,", "RE,2,"), ho, "GO,2,200,99"));

        assertThat(t.leftOut())
                .extracting(UnreadableRecord::text)
                .containsExactly(
                        String.join("\n", uk, ir, badRe, ho),
                        String.join("\n", ir, badRe.replace("RE,1,", "RE,2,"), ho));
    }

    @Test
    void inTheInsurerLayoutAReceiptLeftOutKeepsItsManagementRecordAndHeader() throws IOException {
        String mn1 = "2,1,0,MN,940000030,東京都,1,,,";
        String ir = "1,2,0,IR,1,13,1,1312345,,テスト医院,202405,00,";
        String mn2 = "2,1,0,MN,940000031,東京都,1,,,";
        String badRe = "1,3,0,RE,2,1112,202413,テスト,1,19800101,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,";
        Told t = read(sjis(
                mn1,
                ir,
                "1,3,0,RE,1,1112,202404,テスト,1,19800101,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
                "1,4,0,HO,06130017,1,2,1,100,,,,,,,,,",
                mn2,
                ir,
                badRe,
                "1,4,0,HO,06130017,1,4,1,100,,,,,,,,,"));

        assertThat(t.receipts()).extracting(Receipt::receiptNumber).containsExactly(1);
        assertThat(t.leftOut()).singleElement().satisfies(u -> {
            assertThat(u.line()).isEqualTo(7);
            assertThat(u.problem().field()).isEqualTo("診療年月");
            assertThat(u.text()).isEqualTo(String.join("\n", mn2, ir, badRe, "1,4,0,HO,06130017,1,4,1,100,,,,,,,,,"));
        });
    }

    @Test
    void theTextKeptOfAHugeReceiptIsBounded() throws IOException {
        String comment = "CO,,1,810000001," + "A".repeat(60_000);
        List<String> bad = new ArrayList<>(List.of(re(2), HO, "SY,2500013,20241301,1,,,01,"));
        for (int i = 0; i < 6; i++) {
            bad.add(comment);
        }
        UnreadableRecord u =
                read(sandwich(bad.toArray(String[]::new))).leftOut().get(0);

        assertThat(u.text().length()).isLessThanOrEqualTo(UnreadableRecord.MAX_TEXT_BYTES);
        assertThat(u.omittedBytes()).isPositive();
        assertThat(u.text().length() + u.omittedBytes())
                .isEqualTo(String.join("\n", bad).length());
    }

    @Test
    void theLayoutOfAFileIsToldByItsFirstRecord() throws IOException {
        Path claim = Files.write(dir.resolve("RECEIPTC.UKE"), sjis(IR, re(1), HO, "GO,1,100,99"));
        Path insurer = Files.write(dir.resolve("14_RECODEINFO_MED.CSV"), sjis("2,1,0,MN,940000030,東京都,1,,,"));
        Path members = Files.writeString(dir.resolve("members.csv"), "insurer_number,symbol,number\n06130017,1,2\n");
        Path empty = Files.write(dir.resolve("empty.csv"), new byte[0]);

        assertThat(ReceiptReader.layoutOf(claim)).isEqualTo(Layout.CLAIM);
        assertThat(ReceiptReader.layoutOf(insurer)).isEqualTo(Layout.INSURER);
        assertThat(ReceiptReader.layoutOf(members)).isNull();
        assertThat(ReceiptReader.layoutOf(empty)).isNull();
    }
}
