package jp.kenpo.privacy.formats.checkup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.FormatException;
import jp.kenpo.privacy.formats.MemberKey;
import org.junit.jupiter.api.Test;

class CheckupReaderTest {

    static String example() throws IOException {
        try (InputStream in = CheckupReaderTest.class.getResourceAsStream("/examples/checkup-example.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Checkup read(String xml) {
        return new CheckupReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "doc.xml");
    }

    static FormatError error(String xml) {
        try {
            read(xml);
        } catch (FormatException e) {
            return e.error();
        }
        throw new AssertionError("no error for the document");
    }

    @Test
    void handMadeExampleReadsToTheExpectedValues() throws IOException {
        Checkup c = read(example());
        assertThat(c.member()).isEqualTo(new MemberKey("06130017", "１２３", "４５６７", "00"));
        assertThat(c.documentId()).isEqualTo("1312345678202406150001");
        assertThat(c.reportCategory()).isEqualTo("10");
        assertThat(c.createdOn()).isEqualTo(LocalDate.of(2024, 6, 20));
        assertThat(c.name()).isEqualTo("キキン　タロウ");
        assertThat(c.sex()).isEqualTo("1");
        assertThat(c.birthDate()).isEqualTo(LocalDate.of(1980, 4, 15));
        assertThat(c.checkupDate()).isEqualTo(LocalDate.of(2024, 6, 15));
        assertThat(c.programType()).isEqualTo("010");
        assertThat(c.facilityCode()).isEqualTo("1312345678");
        assertThat(c.facilityName()).isEqualTo("テスト健診センター");
        assertThat(c.observations()).hasSize(20);
        assertThat(c.find(CheckupCodes.HEIGHT)).isEqualTo(Observation.quantity(CheckupCodes.HEIGHT, "171.2", "cm"));
        assertThat(c.find(CheckupCodes.HBA1C).number()).isEqualByComparingTo(new BigDecimal("5.8"));
        // the grouped blood-pressure observations come out flat, in document order
        assertThat(c.find(CheckupCodes.SYSTOLIC).value()).isEqualTo("132");
        assertThat(c.find(CheckupCodes.DIASTOLIC).unit()).isEqualTo("mmHg");
        assertThat(c.observations().get(4).code()).isEqualTo(CheckupCodes.SYSTOLIC);
        assertThat(c.find(CheckupCodes.URINE_PROTEIN))
                .isEqualTo(Observation.coded(CheckupCodes.URINE_PROTEIN, "2", "1.2.392.200119.6.2102"));
        assertThat(c.find(CheckupCodes.SMOKING).value()).isEqualTo("1");
        assertThat(c.find("9N511000000000049").value()).isEqualTo("生活習慣の改善を要する");
        Observation missing = c.find(CheckupCodes.CASUAL_GLUCOSE);
        assertThat(missing.nullFlavor()).isEqualTo("NI");
        assertThat(missing.number()).isNull();
    }

    @Test
    void roundTrip() throws IOException {
        Checkup c = read(example());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CheckupWriter().write(c, out);
        assertThat(read(out.toString(StandardCharsets.UTF_8))).isEqualTo(c);
    }

    @Test
    void textThatNeedsEscapingSurvivesTheWriter() throws IOException {
        Checkup c = read(example());
        Checkup odd = new Checkup(
                c.documentId(),
                c.reportCategory(),
                c.createdOn(),
                c.member(),
                "𠮷野　<&>\"太郎\"",
                c.sex(),
                c.birthDate(),
                c.checkupDate(),
                c.programType(),
                c.facilityCode(),
                "A&B\tクリニック",
                java.util.List.of(Observation.text("9N511000000000049", "要 <再検査> & 受診\n次回")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CheckupWriter().write(odd, out);
        assertThat(read(out.toString(StandardCharsets.UTF_8))).isEqualTo(odd);
        Checkup bad = new Checkup(
                "",
                "10",
                null,
                c.member(),
                "x\u0001",
                c.sex(),
                c.birthDate(),
                c.checkupDate(),
                "",
                "",
                "",
                java.util.List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new CheckupWriter().write(bad, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+0001");
    }

    @Test
    void missingMemberNumber() throws IOException {
        String xml = example().replace("<id root=\"1.2.392.200119.6.205\" extension=\"４５６７\"/>", "");
        assertThat(error(xml).reason()).startsWith("no 被保険者証等の番号");
    }

    @Test
    void insurerNumberWithAWrongCheckDigit() throws IOException {
        String xml = example().replace("extension=\"06130017\"", "extension=\"06130018\"");
        assertThat(error(xml).reason()).isEqualTo("保険者番号 \"06130018\" is not 8 digits with a valid check digit");
    }

    @Test
    void impossibleCheckupDate() throws IOException {
        String xml = example().replace("<effectiveTime value=\"20240615\"/>", "<effectiveTime value=\"20240631\"/>");
        FormatError e = error(xml);
        assertThat(e.toString())
                .isEqualTo(
                        "doc.xml:40: ClinicalDocument/documentationOf/serviceEvent/effectiveTime value: impossible date \"20240631\"");
    }

    @Test
    void quantityThatIsNotANumber() throws IOException {
        String xml = example().replace("value=\"72.4\"", "value=\"72,4\"");
        FormatError e = error(xml);
        assertThat(e.field()).isEqualTo("value");
        assertThat(e.reason()).isEqualTo("item 9N006000000000001: PQ value \"72,4\" is not a number");
        assertThat(e.line()).isEqualTo(56);
    }

    @Test
    void itemCodeOfTheWrongShape() throws IOException {
        String xml = example().replace("code=\"9N001000000000001\"", "code=\"9N0010000\"");
        assertThat(error(xml).reason()).isEqualTo("item code \"9N0010000\" is not 17 letters and digits");
    }

    @Test
    void unknownValueType() throws IOException {
        String xml = example().replace("xsi:type=\"ST\"", "xsi:type=\"ED\"");
        assertThat(error(xml).reason()).startsWith("unsupported value type \"ED\"");
    }

    @Test
    void sexOutsideTheCodeList() throws IOException {
        String xml = example().replace("<administrativeGenderCode code=\"1\"", "<administrativeGenderCode code=\"9\"");
        assertThat(error(xml).reason()).isEqualTo("administrativeGenderCode must be 1 or 2, got \"9\"");
    }

    @Test
    void notWellFormed() throws IOException {
        String xml = example().replace("</recordTarget>", "");
        FormatError e = error(xml);
        assertThat(e.reason()).startsWith("not well-formed XML");
        assertThat(e.line()).isGreaterThan(20);
    }

    @Test
    void notAClinicalDocument() {
        FormatError e = error("<?xml version=\"1.0\"?><html xmlns=\"urn:hl7-org:v3\"/>");
        assertThat(e.toString())
                .isEqualTo("doc.xml:1: html: root element is not an HL7 CDA ClinicalDocument (urn:hl7-org:v3)");
        assertThat(error("<ClinicalDocument/>").reason()).startsWith("root element is not");
    }

    @Test
    void undecodableBytes() throws IOException {
        byte[] bytes = example().getBytes(StandardCharsets.UTF_8);
        String s = example();
        int at = s.substring(0, s.indexOf("テスト健診センター")).getBytes(StandardCharsets.UTF_8).length;
        bytes[at] = (byte) 0xFF;
        FormatException e = org.junit.jupiter.api.Assertions.assertThrows(
                FormatException.class, () -> new CheckupReader().read(new ByteArrayInputStream(bytes), "doc.xml"));
        assertThat(e.error().reason()).isEqualTo("undecodable bytes for UTF-8");
        assertThat(e.error().line()).isEqualTo(32);
    }

    @Test
    void anEncodingOtherThanUtf8IsRefused() throws IOException {
        String xml = example().replace("encoding=\"UTF-8\"", "encoding=\"Shift_JIS\"");
        assertThat(error(xml).toString())
                .isEqualTo("doc.xml:1: ?xml encoding: encoding \"Shift_JIS\" is not UTF-8, the encoding of 特定健診 files");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        byte[] body = example().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(new CheckupReader()
                        .read(new ByteArrayInputStream(withBom), "bom.xml")
                        .member()
                        .number())
                .isEqualTo("４５６７");
    }

    @Test
    void emptyDocument() {
        assertThatThrownBy(() -> read("")).isInstanceOf(FormatException.class);
    }
}
