package jp.kenpo.privacy.formats.checkup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import jp.kenpo.privacy.formats.MemberKey;

/**
 * Writes a {@link Checkup} as a 特定健診情報ファイル: an HL7 CDA R2 ClinicalDocument in UTF-8 with
 * the header elements {@link CheckupReader} reads and one 検査・問診結果 section of flat
 * observation entries. The document has a fixed shape, so it is written as text (every value
 * escaped) rather than through a general XML writer, which the generator would wait on.
 * Thread-safe.
 */
public final class CheckupWriter {

    /** Writes the document to {@code out} (not closed). */
    public void write(Checkup c, OutputStream out) {
        try {
            out.write(toBytes(c));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as UTF-8 bytes. */
    public byte[] toBytes(Checkup c) {
        Utf8Builder b = new Utf8Builder(4096 + 200 * c.observations().size());
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<ClinicalDocument xmlns=\"")
                .append(CheckupCodes.HL7_NAMESPACE)
                .append("\" xmlns:xsi=\"")
                .append(CheckupCodes.XSI_NAMESPACE)
                .append("\">\n");
        empty(b, 1, "typeId", "root", "2.16.840.1.113883.1.3", "extension", "POCD_HD000040");
        if (c.documentId().isEmpty()) {
            empty(b, 1, "id", "nullFlavor", "NI");
        } else {
            empty(b, 1, "id", "root", CheckupCodes.FACILITY_NUMBER, "extension", c.documentId());
        }
        empty(b, 1, "code", "code", c.reportCategory(), "codeSystem", CheckupCodes.REPORT_CATEGORY);
        if (c.createdOn() != null) {
            empty(b, 1, "effectiveTime", "value", date(c.createdOn()));
        }
        empty(b, 1, "confidentialityCode", "code", "N", "codeSystem", "2.16.840.1.113883.5.25");

        open(b, 1, "recordTarget");
        open(b, 2, "patientRole");
        MemberKey m = c.member();
        empty(b, 3, "id", "root", CheckupCodes.INSURER_NUMBER, "extension", m.insurerNumber());
        empty(b, 3, "id", "root", CheckupCodes.SYMBOL, "extension", m.symbol());
        empty(b, 3, "id", "root", CheckupCodes.NUMBER, "extension", m.number());
        if (!m.branch().isEmpty()) {
            empty(b, 3, "id", "root", CheckupCodes.BRANCH, "extension", m.branch());
        }
        open(b, 3, "patient");
        if (!c.name().isEmpty()) {
            textElement(b, 4, "name", c.name());
        }
        empty(b, 4, "administrativeGenderCode", "code", c.sex(), "codeSystem", CheckupCodes.SEX);
        empty(b, 4, "birthTime", "value", date(c.birthDate()));
        close(b, 3, "patient");
        close(b, 2, "patientRole");
        close(b, 1, "recordTarget");

        open(b, 1, "author");
        empty(b, 2, "time", "value", date(c.createdOn() != null ? c.createdOn() : c.checkupDate()));
        open(b, 2, "assignedAuthor");
        empty(b, 3, "id", "nullFlavor", "NI");
        open(b, 3, "representedOrganization");
        empty(b, 4, "id", "root", CheckupCodes.FACILITY_NUMBER, "extension", c.facilityCode());
        if (!c.facilityName().isEmpty()) {
            textElement(b, 4, "name", c.facilityName());
        }
        close(b, 3, "representedOrganization");
        close(b, 2, "assignedAuthor");
        close(b, 1, "author");

        b.append("  <custodian><assignedCustodian><representedCustodianOrganization><id nullFlavor=\"NI\"/>"
                + "</representedCustodianOrganization></assignedCustodian></custodian>\n");

        open(b, 1, "documentationOf");
        open(b, 2, "serviceEvent");
        empty(b, 3, "code", "code", c.programType(), "codeSystem", CheckupCodes.PROGRAM_TYPE);
        empty(b, 3, "effectiveTime", "value", date(c.checkupDate()));
        close(b, 2, "serviceEvent");
        close(b, 1, "documentationOf");

        open(b, 1, "component");
        open(b, 2, "structuredBody");
        open(b, 3, "component");
        open(b, 4, "section");
        empty(b, 5, "code", "code", "01010", "codeSystem", CheckupCodes.SECTION);
        textElement(b, 5, "title", "検査・問診結果");
        for (Observation o : c.observations()) {
            observation(b, o);
        }
        close(b, 4, "section");
        close(b, 3, "component");
        close(b, 2, "structuredBody");
        close(b, 1, "component");
        b.append("</ClinicalDocument>\n");
        return b.toBytes();
    }

    private static void observation(Utf8Builder b, Observation o) {
        indent(b, 5).append("<entry><observation classCode=\"OBS\" moodCode=\"EVN\">");
        b.append("<code");
        attribute(b, "code", o.code());
        attribute(b, "codeSystem", o.codeSystem());
        b.append("/>");
        if (!o.valueType().isEmpty()) {
            b.append("<value");
            attribute(b, "xsi:type", o.valueType());
            attribute(b, "nullFlavor", o.nullFlavor());
            switch (o.valueType()) {
                case "PQ" -> {
                    attribute(b, "value", o.value());
                    attribute(b, "unit", o.unit());
                    b.append("/>");
                }
                case "ST" -> {
                    b.append('>');
                    escape(b, o.value());
                    b.append("</value>");
                }
                default -> {
                    attribute(b, "code", o.value());
                    attribute(b, "codeSystem", o.valueCodeSystem());
                    b.append("/>");
                }
            }
        }
        b.append("</observation></entry>\n");
    }

    private static Utf8Builder indent(Utf8Builder b, int level) {
        for (int i = 0; i < level; i++) {
            b.append("  ");
        }
        return b;
    }

    private static void open(Utf8Builder b, int level, String element) {
        indent(b, level).append('<').append(element).append(">\n");
    }

    private static void close(Utf8Builder b, int level, String element) {
        indent(b, level).append("</").append(element).append(">\n");
    }

    private static void textElement(Utf8Builder b, int level, String element, String text) {
        indent(b, level).append('<').append(element).append('>');
        escape(b, text);
        b.append("</").append(element).append(">\n");
    }

    private static void empty(Utf8Builder b, int level, String element, String... attributes) {
        indent(b, level).append('<').append(element);
        for (int i = 0; i < attributes.length; i += 2) {
            attribute(b, attributes[i], attributes[i + 1]);
        }
        b.append("/>\n");
    }

    /** Writes {@code name="value"} unless the value is empty. */
    private static void attribute(Utf8Builder b, String name, String value) {
        if (value != null && !value.isEmpty()) {
            b.append(' ').append(name).append("=\"");
            escape(b, value);
            b.append('"');
        }
    }

    /** XML 1.0 escaping for text and attribute values; characters XML 1.0 cannot hold are refused. */
    private static void escape(Utf8Builder b, String s) {
        int n = s.length();
        int i = 0;
        while (i < n && isPlain(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            b.append(s);
            return;
        }
        StringBuilder e = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> e.append("&lt;");
                case '>' -> e.append("&gt;");
                case '&' -> e.append("&amp;");
                case '"' -> e.append("&quot;");
                case '\t', '\n', '\r' -> e.append("&#").append((int) ch).append(';');
                default -> {
                    if (ch < 0x20 || ch == 0xFFFE || ch == 0xFFFF) {
                        throw new IllegalArgumentException(
                                String.format("U+%04X cannot be written in XML 1.0", (int) ch));
                    }
                    e.append(ch);
                }
            }
        }
        b.append(e.toString());
    }

    private static boolean isPlain(char ch) {
        return ch >= 0x20 && ch != '<' && ch != '>' && ch != '&' && ch != '"' && ch != 0xFFFE && ch != 0xFFFF;
    }

    private static String date(LocalDate d) {
        int y = d.getYear();
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        return String.valueOf(y * 10000 + m * 100 + day);
    }
}
