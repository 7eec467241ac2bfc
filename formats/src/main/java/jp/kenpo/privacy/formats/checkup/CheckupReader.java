package jp.kenpo.privacy.formats.checkup;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import jp.kenpo.privacy.formats.FormatException;
import jp.kenpo.privacy.formats.InsurerNumber;
import jp.kenpo.privacy.formats.MemberKey;

/**
 * Reads one 特定健診情報ファイル (HL7 CDA R2, namespace {@code urn:hl7-org:v3}) with StAX, in one
 * pass, keeping only what {@link Checkup} holds.
 *
 * <p>Hostile input is refused, not survived ({@link XmlPass}: any DOCTYPE, so no DTD, no entity
 * expansion and no external entity is ever processed; entity references; documents over the byte,
 * depth or text bounds of {@link XmlLimits}; malformed UTF-8), and so are documents over the
 * observation bound and documents that are not a ClinicalDocument. Every problem is a
 * {@link FormatException} naming the document, line, element and attribute. Thread-safe: the
 * factory is configured once and each call makes its own stream reader.
 */
public final class CheckupReader {

    private final XMLInputFactory factory;
    private final XmlLimits limits;

    public CheckupReader() {
        this(XmlLimits.DEFAULT);
    }

    public CheckupReader(XmlLimits limits) {
        this.limits = limits;
        this.factory = XmlPass.secureFactory();
    }

    /** Reads the document in {@code in} (not closed); {@code name} is used in error messages. */
    public Checkup read(InputStream in, String name) {
        Parse p = new Parse(name, limits);
        p.read(factory, in);
        return p.build();
    }

    /** The state of one parse. */
    private static final class Parse extends XmlPass {
        String documentId;
        String reportCategory;
        LocalDate createdOn;
        String insurer;
        String symbol;
        String number;
        String branch;
        String personName;
        String sex;
        LocalDate birth;
        LocalDate checkupDate;
        String programType;
        String facilityCode;
        String facilityName;
        final List<Observation> observations = new ArrayList<>();
        final Deque<ObservationBuilder> open = new ArrayDeque<>();
        StringBuilder text;

        Parse(String name, XmlLimits limits) {
            super(name, limits, "a checkup document");
        }

        @Override
        protected String refusedRoot(XMLStreamReader x) {
            return "ClinicalDocument".equals(x.getLocalName()) && CheckupCodes.HL7_NAMESPACE.equals(x.getNamespaceURI())
                    ? null
                    : "root element is not an HL7 CDA ClinicalDocument (urn:hl7-org:v3)";
        }

        @Override
        protected void characters(XMLStreamReader x) {
            if (text != null) {
                text.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
                if (text.length() > limits.maxTextChars()) {
                    throw fail("", "text longer than " + limits.maxTextChars() + " characters");
                }
            }
        }

        private String attr(XMLStreamReader x, String local) {
            return x.getAttributeValue(null, local);
        }

        @Override
        protected void start(XMLStreamReader x) {
            String el = x.getLocalName();
            String parent = stack.size() > 1 ? secondFromTop() : "";
            int depth = stack.size();
            if (!open.isEmpty()) {
                ObservationBuilder o = open.peek();
                if (el.equals("observation")) {
                    open.push(new ObservationBuilder(line));
                    checkObservationCount();
                } else if (el.equals("code") && parent.equals("observation")) {
                    o.code = attr(x, "code");
                    o.codeSystem = attr(x, "codeSystem");
                    o.codeNullFlavor = attr(x, "nullFlavor");
                    o.codeLine = line;
                } else if (el.equals("value") && parent.equals("observation")) {
                    if (o.valueType != null) {
                        throw fail("", "a second value in one observation");
                    }
                    String type = x.getAttributeValue(CheckupCodes.XSI_NAMESPACE, "type");
                    o.valueType = type == null ? "" : type.contains(":") ? type.substring(type.indexOf(':') + 1) : type;
                    o.valueLine = line;
                    o.nullFlavor = attr(x, "nullFlavor");
                    switch (o.valueType) {
                        case "PQ" -> {
                            o.value = attr(x, "value");
                            o.unit = attr(x, "unit");
                        }
                        case "CD", "CO", "CE" -> {
                            o.value = attr(x, "code");
                            o.valueCodeSystem = attr(x, "codeSystem");
                        }
                        case "ST" -> text = new StringBuilder();
                        default ->
                            throw fail(
                                    "xsi:type",
                                    "unsupported value type \"" + o.valueType + "\" (PQ, CD, CO, CE or ST)");
                    }
                }
                return;
            }
            switch (el) {
                case "observation" -> {
                    if (!pathContains("structuredBody")) {
                        return;
                    }
                    open.push(new ObservationBuilder(line));
                    checkObservationCount();
                }
                case "id" -> {
                    if (depth == 2) {
                        documentId = attr(x, "extension");
                    } else if (parent.equals("patientRole")) {
                        patientId(attr(x, "root"), attr(x, "extension"));
                    } else if (parent.equals("representedOrganization") && pathContains("author")) {
                        facilityCode = attr(x, "extension");
                    }
                }
                case "code" -> {
                    if (depth == 2) {
                        reportCategory = attr(x, "code");
                    } else if (parent.equals("serviceEvent")) {
                        programType = attr(x, "code");
                    }
                }
                case "effectiveTime" -> {
                    if (depth == 2) {
                        createdOn = date(attr(x, "value"), "value", false);
                    } else if (parent.equals("serviceEvent")) {
                        checkupDate = date(attr(x, "value"), "value", true);
                    }
                }
                case "administrativeGenderCode" -> sex = attr(x, "code");
                case "birthTime" -> birth = date(attr(x, "value"), "value", true);
                case "name" -> {
                    if (parent.equals("patient")
                            || (parent.equals("representedOrganization") && pathContains("author"))) {
                        text = new StringBuilder();
                    }
                }
                default -> {
                    // other header elements are not kept
                }
            }
        }

        @Override
        protected void end(String el) {
            if (!open.isEmpty()) {
                ObservationBuilder o = open.peek();
                if (el.equals("observation")) {
                    open.pop();
                    Observation done = o.build();
                    if (done != null) {
                        observations.add(done);
                    }
                } else if (el.equals("value") && text != null) {
                    o.value = text.toString();
                    text = null;
                }
                return;
            }
            if (el.equals("name") && text != null) {
                if (secondFromTop().equals("patient")) {
                    personName = text.toString().strip();
                } else {
                    facilityName = text.toString().strip();
                }
                text = null;
            }
        }

        private void checkObservationCount() {
            if (observations.size() + open.size() > limits.maxObservations()) {
                throw fail("", "more than " + limits.maxObservations() + " observations");
            }
        }

        private String secondFromTop() {
            var it = stack.iterator();
            it.next();
            return it.next();
        }

        private boolean pathContains(String element) {
            return stack.contains(element);
        }

        private void patientId(String root, String extension) {
            if (root == null) {
                throw fail("root", "patient id without a root OID");
            }
            switch (root) {
                case CheckupCodes.INSURER_NUMBER -> insurer = required(extension, "extension");
                case CheckupCodes.SYMBOL -> symbol = extension == null ? "" : extension;
                case CheckupCodes.NUMBER -> number = required(extension, "extension");
                case CheckupCodes.BRANCH -> branch = extension == null ? "" : extension;
                default -> {
                    // other identifiers (受診券整理番号 and the like) are not member keys
                }
            }
        }

        private String required(String v, String attribute) {
            if (v == null || v.isBlank()) {
                throw fail(attribute, "required value is missing");
            }
            return v;
        }

        private LocalDate date(String v, String attribute, boolean required) {
            if (v == null || v.isEmpty()) {
                if (required) {
                    throw fail(attribute, "required date is missing");
                }
                return null;
            }
            if (v.length() < 8
                    || !v.substring(0, 8).chars().allMatch(c -> c >= '0' && c <= '9')
                    || !v.substring(8)
                            .chars()
                            .allMatch(c -> c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
                throw fail(attribute, "not an HL7 date YYYYMMDD[hhmmss]: \"" + v + "\"");
            }
            try {
                return LocalDate.of(
                        Integer.parseInt(v.substring(0, 4)),
                        Integer.parseInt(v.substring(4, 6)),
                        Integer.parseInt(v.substring(6, 8)));
            } catch (DateTimeException e) {
                throw fail(attribute, "impossible date \"" + v + "\"");
            }
        }

        Checkup build() {
            line = 0;
            stack.clear();
            stack.push("ClinicalDocument");
            if (insurer == null) {
                throw fail("", "no 保険者番号 (recordTarget/patientRole/id root " + CheckupCodes.INSURER_NUMBER + ")");
            }
            if (!InsurerNumber.isValid(insurer)) {
                throw fail("", "保険者番号 \"" + insurer + "\" is not 8 digits with a valid check digit");
            }
            if (number == null) {
                throw fail("", "no 被保険者証等の番号 (recordTarget/patientRole/id root " + CheckupCodes.NUMBER + ")");
            }
            if (!"1".equals(sex) && !"2".equals(sex)) {
                throw fail(
                        "",
                        "administrativeGenderCode must be 1 or 2, got "
                                + (sex == null ? "nothing" : "\"" + sex + "\""));
            }
            if (birth == null) {
                throw fail("", "no birthTime");
            }
            if (checkupDate == null) {
                throw fail("", "no 健診実施日 (documentationOf/serviceEvent/effectiveTime)");
            }
            if (birth.isAfter(checkupDate)) {
                throw fail("", "born " + birth + ", after the checkup on " + checkupDate);
            }
            return new Checkup(
                    documentId,
                    reportCategory,
                    createdOn,
                    new MemberKey(insurer, symbol, number, branch),
                    personName,
                    sex,
                    birth,
                    checkupDate,
                    programType,
                    facilityCode,
                    facilityName,
                    observations);
        }

        /** One observation being read. */
        private final class ObservationBuilder {
            final long startLine;
            long codeLine;
            long valueLine;
            String code;
            String codeSystem;
            String codeNullFlavor;
            String valueType;
            String value;
            String unit;
            String valueCodeSystem;
            String nullFlavor;

            ObservationBuilder(long startLine) {
                this.startLine = startLine;
            }

            /** {@code null} for a grouping observation (its code is a nullFlavor and it holds others). */
            Observation build() {
                if (code == null) {
                    if (codeNullFlavor != null) {
                        return null;
                    }
                    line = startLine;
                    throw fail("code", "observation without a code");
                }
                if (code.length() != 17 || !code.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
                    line = codeLine;
                    throw fail("code", "item code \"" + code + "\" is not 17 letters and digits");
                }
                if ("PQ".equals(valueType) && nullFlavor == null) {
                    if (value == null || !value.matches("-?[0-9]+(\\.[0-9]+)?")) {
                        line = valueLine;
                        throw fail("value", "item " + code + ": PQ value \"" + value + "\" is not a number");
                    }
                }
                if (("CD".equals(valueType) || "CO".equals(valueType) || "CE".equals(valueType))
                        && nullFlavor == null
                        && (value == null || value.isEmpty())) {
                    line = valueLine;
                    throw fail("code", "item " + code + ": coded value without a code");
                }
                return new Observation(
                        code,
                        codeSystem,
                        valueType,
                        value,
                        unit,
                        valueCodeSystem,
                        nullFlavor != null ? nullFlavor : codeNullFlavor);
            }
        }
    }
}
