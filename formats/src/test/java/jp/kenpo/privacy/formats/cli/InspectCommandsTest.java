package jp.kenpo.privacy.formats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

class InspectCommandsTest {

    @TempDir
    Path dir;

    record Run(int exit, List<String> lines, String err) {}

    private Path example(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/examples/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static Run claims(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new ClaimsInspectCommand(out, new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute(args);
        return new Run(
                exit, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
    }

    private static Run checkups(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new CheckupsInspectCommand(out, new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute(args);
        return new Run(
                exit, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
    }

    /** The scalar properties of a JSON object by dotted path, arrays indexed: "diagnoses.0.code". */
    static Map<String, Object> flatten(String json) {
        Map<String, Object> out = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
            List<String> path = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            String name = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case PROPERTY_NAME -> name = p.currentName();
                    case START_OBJECT, START_ARRAY -> {
                        path.add(key(name, index));
                        index.add(t == JsonToken.START_ARRAY ? 0 : -1);
                        name = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.remove(path.size() - 1);
                        index.remove(index.size() - 1);
                        bump(index);
                        name = null;
                    }
                    default -> {
                        String k = String.join(".", path.subList(1, path.size()));
                        String leaf = key(name, index);
                        out.put(
                                k.isEmpty() ? leaf : k + "." + leaf,
                                switch (t) {
                                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDecimalValue();
                                    case VALUE_TRUE -> true;
                                    case VALUE_FALSE -> false;
                                    case VALUE_NULL -> "null";
                                    default -> p.getString();
                                });
                        bump(index);
                        name = null;
                    }
                }
            }
        }
        return out;
    }

    private static String key(String name, List<Integer> index) {
        if (name != null || index.isEmpty()) {
            return name == null ? "" : name;
        }
        return String.valueOf(index.get(index.size() - 1));
    }

    private static void bump(List<Integer> index) {
        if (!index.isEmpty() && index.get(index.size() - 1) >= 0) {
            index.set(index.size() - 1, index.get(index.size() - 1) + 1);
        }
    }

    @Test
    void claimsInspectPrintsOneObjectPerReceipt() throws IOException {
        Run run = claims(example("medical-reiwa.UKE").toString());
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.lines()).hasSize(2);
        Map<String, Object> first = flatten(run.lines().get(0));
        assertThat(first)
                .containsEntry("line", new java.math.BigDecimal("2"))
                .containsEntry("receiptType", "1112")
                .containsEntry("treatmentMonth", "2024-04")
                .containsEntry("birthDate", "1980-04-15")
                .containsEntry("member.insurerNumber", "06130017")
                .containsEntry("member.branch", "00")
                .containsEntry("diagnoses.0.code", "2500013")
                .containsEntry("diagnoses.0.main", true)
                .containsEntry("diagnoses.0.startDate", "2024-04-02")
                .containsEntry("drugs.0.quantity", new java.math.BigDecimal("3"))
                .containsEntry("procedures.2.days.15", new java.math.BigDecimal("1"))
                .containsEntry("insurance.points", new java.math.BigDecimal("1234"));
        Map<String, Object> second = flatten(run.lines().get(1));
        assertThat(second)
                .containsEntry("admissionDate", "2024-03-20")
                .containsEntry("inpatient", true)
                .containsEntry("drugs.0.quantity", new java.math.BigDecimal("1.5"));
    }

    @Test
    void dpcAndPharmacyRecordsComeOutTyped() throws IOException {
        Run dpc = claims(example("dpc-reiwa.UKE").toString());
        assertThat(dpc.exit()).isZero();
        assertThat(flatten(dpc.lines().get(0)))
                .containsEntry("diagnosisGroup.code", "040080xx99x0xx")
                .containsEntry("diagnosisGroup.dischargeDate", "2024-04-14")
                .containsEntry("dpcDiagnoses.1.icd10", "J069")
                .containsEntry("dpcDiagnoses.1.main", true)
                .containsEntry("dpcDiagnoses.0.name", "テスト肺炎");
        Run pharmacy = claims(example("pharmacy-reiwa.UKE").toString());
        assertThat(pharmacy.exit()).isZero();
        assertThat(flatten(pharmacy.lines().get(0)))
                .containsEntry("prescriptions.0.unitDrugPoints", new java.math.BigDecimal("43"))
                .containsEntry("dispensings.0.prescribedOn", "2024-04-10")
                .containsEntry("dispensings.0.quantity", new java.math.BigDecimal("14"))
                .containsEntry("dispensings.0.preparationFee.code", "190000210")
                .containsEntry("dispensings.1.prescriptionSeq", new java.math.BigDecimal("4"))
                .containsEntry("drugs.2.prescriptionSeq", new java.math.BigDecimal("4"))
                .containsEntry("materials.0.count", "null");
    }

    @Test
    void eraDatesComeOutAsIsoDates() throws IOException {
        Run run = claims(example("medical-heisei.UKE").toString());
        assertThat(run.exit()).isZero();
        assertThat(flatten(run.lines().get(1)))
                .containsEntry("treatmentMonth", "2019-05")
                .containsEntry("diagnoses.1.startDate", "2019-05-07")
                .containsEntry("birthDate", "1961-01-01");
    }

    @Test
    void claimsInspectReportsErrorsAndExitsNonZero() throws IOException {
        Path bad = dir.resolve("bad.UKE");
        String text =
                "IR,1,13,1,1312345,,テスト,202405,00,\r\nRE,1,1112,202404,テスト,1,19800132,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n"
                        + "HO,06130017,1,2,1,100,,,,,,,,,\r\nGO,1,100,99\r\n";
        Files.write(bad, text.getBytes("windows-31j"));
        Run lenient = claims(bad.toString());
        assertThat(lenient.exit()).isEqualTo(1);
        assertThat(lenient.lines()).isEmpty();
        assertThat(lenient.err()).isEqualTo(bad + ":2: RE 生年月日: impossible date 19800132" + System.lineSeparator());
        Run strict = claims("--strict", bad.toString());
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.err()).startsWith(bad + ":2: RE 生年月日");
        Run missing = claims(dir.resolve("nope.UKE").toString());
        assertThat(missing.exit()).isEqualTo(2);
    }

    @Test
    void checkupsInspectPrintsObservationsWithNumbers() throws IOException {
        Run run = checkups(example("checkup-example.xml").toString());
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(1);
        Map<String, Object> c = flatten(run.lines().get(0));
        assertThat(c)
                .containsEntry("checkupDate", "2024-06-15")
                .containsEntry("member.number", "４５６７")
                .containsEntry("observations.0.code", "9N001000000000001")
                .containsEntry("observations.0.value", new java.math.BigDecimal("171.2"))
                .containsEntry("observations.0.unit", "cm")
                .containsEntry("observations.14.type", "CO")
                .containsEntry("observations.14.value", "1")
                .containsEntry("observations.19.nullFlavor", "NI");
    }

    @Test
    void checkupsInspectReportsBadDocuments() throws IOException {
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, "<!DOCTYPE x [<!ENTITY a \"b\">]><ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>");
        Run run = checkups(bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo(bad + ":1: : DOCTYPE is not allowed in a checkup document" + System.lineSeparator());
    }

    @Test
    void generateWritesAPopulationAndSaysWhatItWrote() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new GenerateCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute(
                        "--members",
                        "300",
                        "--year",
                        "2023",
                        "--seed",
                        "5",
                        "--out",
                        dir.resolve("g").toString());
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("300 persons");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("300 / 300 persons (100%)");
        assertThat(dir.resolve("g/members.csv")).exists();
        assertThat(dir.resolve("g/claims/medical-202304.UKE")).exists();
        ByteArrayOutputStream badErr = new ByteArrayOutputStream();
        int bad = new CommandLine(new GenerateCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(badErr, true, StandardCharsets.UTF_8)))
                .execute("--members", "0", "--year", "2023", "--out", dir.toString());
        assertThat(bad).isNotZero();
        assertThat(badErr.toString(StandardCharsets.UTF_8)).contains("members must be at least 1");
        int insurer = new CommandLine(new GenerateCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute(
                        "--members",
                        "100",
                        "--year",
                        "2023",
                        "--layout",
                        "insurer",
                        "--out",
                        dir.resolve("h").toString());
        assertThat(insurer).isZero();
        assertThat(dir.resolve("h/claims/medical-202304.CSV")).exists();
        Run inspected = claims(dir.resolve("h/claims/medical-202304.CSV").toString());
        assertThat(inspected.exit()).isZero();
        assertThat(flatten(inspected.lines().get(0))).containsEntry("others.0.record", "MN");
        int wrongLayout = new CommandLine(new GenerateCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(badErr, true, StandardCharsets.UTF_8)))
                .execute(
                        "--members",
                        "10",
                        "--year",
                        "2023",
                        "--layout",
                        "paper",
                        "--out",
                        dir.resolve("x").toString());
        assertThat(wrongLayout).isEqualTo(2);
    }
}
