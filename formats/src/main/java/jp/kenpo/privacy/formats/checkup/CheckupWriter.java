package jp.kenpo.privacy.formats.checkup;

import static jp.kenpo.privacy.formats.checkup.CheckupCodes.HL7_NAMESPACE;
import static jp.kenpo.privacy.formats.checkup.CheckupCodes.XSI_NAMESPACE;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import jp.kenpo.privacy.formats.MemberKey;

/**
 * Writes a {@link Checkup} as a 特定健診情報ファイル: an HL7 CDA R2 ClinicalDocument in UTF-8 with
 * the header elements {@link CheckupReader} reads and one section of flat observation entries.
 * Thread-safe.
 */
public final class CheckupWriter {

    private static final DateTimeFormatter HL7_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();

    /** Writes the document to {@code out} (not closed). */
    public void write(Checkup c, OutputStream out) {
        try {
            XMLStreamWriter w = factory.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("", "ClinicalDocument", HL7_NAMESPACE);
            w.writeDefaultNamespace(HL7_NAMESPACE);
            w.writeNamespace("xsi", XSI_NAMESPACE);
            empty(w, "typeId", "root", "2.16.840.1.113883.1.3", "extension", "POCD_HD000040");
            if (c.documentId().isEmpty()) {
                empty(w, "id", "nullFlavor", "NI");
            } else {
                empty(w, "id", "root", CheckupCodes.FACILITY_NUMBER, "extension", c.documentId());
            }
            empty(w, "code", "code", c.reportCategory(), "codeSystem", CheckupCodes.REPORT_CATEGORY);
            if (c.createdOn() != null) {
                empty(w, "effectiveTime", "value", date(c.createdOn()));
            }
            empty(w, "confidentialityCode", "code", "N", "codeSystem", "2.16.840.1.113883.5.25");

            w.writeStartElement("recordTarget");
            w.writeStartElement("patientRole");
            MemberKey m = c.member();
            empty(w, "id", "root", CheckupCodes.INSURER_NUMBER, "extension", m.insurerNumber());
            empty(w, "id", "root", CheckupCodes.SYMBOL, "extension", m.symbol());
            empty(w, "id", "root", CheckupCodes.NUMBER, "extension", m.number());
            if (!m.branch().isEmpty()) {
                empty(w, "id", "root", CheckupCodes.BRANCH, "extension", m.branch());
            }
            w.writeStartElement("patient");
            if (!c.name().isEmpty()) {
                w.writeStartElement("name");
                w.writeCharacters(c.name());
                w.writeEndElement();
            }
            empty(w, "administrativeGenderCode", "code", c.sex(), "codeSystem", CheckupCodes.SEX);
            empty(w, "birthTime", "value", date(c.birthDate()));
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();

            w.writeStartElement("author");
            empty(w, "time", "value", date(c.createdOn() != null ? c.createdOn() : c.checkupDate()));
            w.writeStartElement("assignedAuthor");
            empty(w, "id", "nullFlavor", "NI");
            organization(w, c);
            w.writeEndElement();
            w.writeEndElement();

            w.writeStartElement("custodian");
            w.writeStartElement("assignedCustodian");
            w.writeStartElement("representedCustodianOrganization");
            empty(w, "id", "nullFlavor", "NI");
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();

            w.writeStartElement("documentationOf");
            w.writeStartElement("serviceEvent");
            empty(w, "code", "code", c.programType(), "codeSystem", CheckupCodes.PROGRAM_TYPE);
            empty(w, "effectiveTime", "value", date(c.checkupDate()));
            w.writeEndElement();
            w.writeEndElement();

            w.writeStartElement("component");
            w.writeStartElement("structuredBody");
            w.writeStartElement("component");
            w.writeStartElement("section");
            empty(w, "code", "code", "01010", "codeSystem", CheckupCodes.SECTION);
            w.writeStartElement("title");
            w.writeCharacters("検査・問診結果");
            w.writeEndElement();
            for (Observation o : c.observations()) {
                observation(w, o);
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();

            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write checkup document: " + e.getMessage(), e);
        }
    }

    private static void organization(XMLStreamWriter w, Checkup c) throws XMLStreamException {
        w.writeStartElement("representedOrganization");
        empty(w, "id", "root", CheckupCodes.FACILITY_NUMBER, "extension", c.facilityCode());
        if (!c.facilityName().isEmpty()) {
            w.writeStartElement("name");
            w.writeCharacters(c.facilityName());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void observation(XMLStreamWriter w, Observation o) throws XMLStreamException {
        w.writeStartElement("entry");
        w.writeStartElement("observation");
        w.writeAttribute("classCode", "OBS");
        w.writeAttribute("moodCode", "EVN");
        empty(w, "code", "code", o.code(), "codeSystem", o.codeSystem());
        if (!o.valueType().isEmpty()) {
            boolean text = o.valueType().equals("ST");
            if (text) {
                w.writeStartElement("value");
            } else {
                w.writeEmptyElement("value");
            }
            w.writeAttribute("xsi", XSI_NAMESPACE, "type", o.valueType());
            if (!o.nullFlavor().isEmpty()) {
                w.writeAttribute("nullFlavor", o.nullFlavor());
            }
            switch (o.valueType()) {
                case "PQ" -> {
                    attribute(w, "value", o.value());
                    attribute(w, "unit", o.unit());
                }
                case "ST" -> {
                    w.writeCharacters(o.value());
                    w.writeEndElement();
                }
                default -> {
                    attribute(w, "code", o.value());
                    attribute(w, "codeSystem", o.valueCodeSystem());
                }
            }
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void attribute(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (!value.isEmpty()) {
            w.writeAttribute(name, value);
        }
    }

    private static void empty(XMLStreamWriter w, String element, String... attributes) throws XMLStreamException {
        w.writeEmptyElement(element);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null && !attributes[i + 1].isEmpty()) {
                w.writeAttribute(attributes[i], attributes[i + 1]);
            }
        }
    }

    private static String date(LocalDate d) {
        return d.format(HL7_DATE);
    }
}
