package jp.kenpo.privacy.formats.checkup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.kenpo.privacy.formats.FormatError;
import jp.kenpo.privacy.formats.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents built to hurt a parser. Each must be refused with a reason, quickly, without reading
 * a local file, without reaching the network and without expanding anything.
 */
class HostileXmlTest {

    @TempDir
    Path dir;

    private static FormatError refused(String xml) {
        return refused(xml.getBytes(StandardCharsets.UTF_8), XmlLimits.DEFAULT);
    }

    private static FormatError refused(byte[] xml, XmlLimits limits) {
        try {
            new CheckupReader(limits).read(new ByteArrayInputStream(xml), "evil.xml");
        } catch (FormatException e) {
            return e.error();
        }
        throw new AssertionError("hostile document was accepted");
    }

    @Test
    void externalEntityPointingAtALocalFile() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE ClinicalDocument [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]><ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>&x;</title></ClinicalDocument>";
        FormatError e = refused(xml);
        assertThat(e.toString()).doesNotContain("TOP-SECRET");
        assertThat(e.reason()).isEqualTo("DOCTYPE is not allowed in a checkup document");
    }

    @Test
    void externalDtdOverTheNetwork() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE ClinicalDocument SYSTEM \"http://127.0.0.1:9/evil.dtd\">"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>";
        assertThat(refused(xml).reason()).isEqualTo("DOCTYPE is not allowed in a checkup document");
    }

    @Test
    void billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE ClinicalDocument [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l")
                    .append(i)
                    .append(" \"")
                    .append(("&l" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        String xml = "<?xml version=\"1.0\"?>" + dtd
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>&l10;</title></ClinicalDocument>";
        long t0 = System.nanoTime();
        assertThat(refused(xml).reason()).isEqualTo("DOCTYPE is not allowed in a checkup document");
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
    }

    @Test
    void parameterEntityAndExternalSubset() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>";
        assertThat(refused(xml).reason()).isEqualTo("DOCTYPE is not allowed in a checkup document");
    }

    @Test
    void undeclaredEntityReference() {
        String xml =
                "<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>&x;</title></ClinicalDocument>";
        FormatError e = refused(xml);
        assertThat(e.reason()).containsAnyOf("entity", "Entity");
    }

    @Test
    void deepNesting() {
        String xml = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">" + "<a>".repeat(10_000) + "</a>".repeat(10_000)
                + "</ClinicalDocument>";
        assertThat(refused(xml).reason()).isEqualTo("elements nested deeper than 48");
    }

    @Test
    void oversizedDocument() {
        byte[] big = ("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><!--" + "x".repeat(2 << 20)
                        + "--></ClinicalDocument>")
                .getBytes(StandardCharsets.US_ASCII);
        FormatError e = refused(big, new XmlLimits(1 << 20, 48, 2_000, 65_536, 10, 1L << 30));
        assertThat(e.reason()).isEqualTo("document larger than the limit of 1048576 bytes");
    }

    @Test
    void hugeAttributeValue() {
        String xml = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><id extension=\"" + "9".repeat(100_000)
                + "\"/></ClinicalDocument>";
        assertThat(refused(xml).reason()).isEqualTo("attribute longer than 65536 characters");
    }

    @Test
    void hugeTextNode() {
        String xml = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><recordTarget><patientRole><patient><name>"
                + "ア".repeat(100_000) + "</name></patient></patientRole></recordTarget></ClinicalDocument>";
        assertThat(refused(xml).reason()).isEqualTo("text longer than 65536 characters");
    }

    @Test
    void tooManyObservations() throws IOException {
        String one = "<entry><observation><code code=\"9N001000000000001\" codeSystem=\"1.2.392.200119.6.1005\"/>"
                + "<value xsi:type=\"PQ\" value=\"170\" unit=\"cm\"/></observation></entry>";
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/examples/checkup-example.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("<title>検査・問診結果</title>", "<title>x</title>" + one.repeat(2_001));
        }
        assertThat(refused(xml).reason()).isEqualTo("more than 2000 observations");
    }

    @Test
    void processingInstructionsAndCommentsAreHarmless() throws IOException {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/examples/checkup-example.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(
                            "<recordTarget>",
                            "<?xml-stylesheet href=\"http://127.0.0.1:9/x.xsl\"?><!-- & --><recordTarget>");
        }
        Checkup c = new CheckupReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "ok.xml");
        assertThat(c.member().number()).isEqualTo("４５６７");
    }

    @Test
    void garbageBytes() {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        assertThat(refused(noise, XmlLimits.DEFAULT).reason())
                .isIn("undecodable bytes for UTF-8")
                .as("random bytes are not UTF-8 text long before they could be XML");
    }
}
