package jp.kenpo.privacy.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The papers that go with the tables: the data dictionary (every column, the published item it
 * belongs to and how it was processed) and the report of the processing (Rule 34's evidence in
 * numbers: population, rows, what was generalised, top-coded, suppressed and removed, the risk).
 * Neither holds a time of day, so the same inputs give the same bytes.
 */
final class ReleaseDocuments {

    static final String DICTIONARY = "data-dictionary.csv";
    static final String REPORT = "report.json";

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static final Map<ColumnRule, String> RULES = Map.of(
            ColumnRule.PSEUDONYM, "HMAC-SHA-256 pseudonym (32 hex digits) of the linking code (PPC Rules Art. 34(3))",
            ColumnRule.QUASI, "generalised by the optimal k-anonymity search; see report.json levels (Art. 34(5))",
            ColumnRule.MONTH, "year-month YYYY-MM; no exact date (Art. 34(1))",
            ColumnRule.TOP_CODE, "values above the spec's percentile shown as >P (Art. 34(4))",
            ColumnRule.RARE_CODE,
                    "codes held by fewer persons than privacy.rare-codes generalised (diagnoses: ICD-10 category,"
                            + " then chapter ch.N) or removed (Art. 34(4)); diagnoses also (k,m)-anonymous",
            ColumnRule.AS_IS, "released as recorded (a code or count)");

    private ReleaseDocuments() {}

    static void write(Path staging, ReleaseSpec spec, Map<String, Object> facts, ReleaseFigures figures) {
        List<String> lines = new ArrayList<>();
        lines.add(CsvTable.line(List.of("table", "column", "published_item", "rule", "processing")));
        for (ReleaseTable table : ReleaseTable.values()) {
            for (ReleaseSpec.SpecColumn c : spec.tables().getOrDefault(table, List.of())) {
                lines.add(CsvTable.line(List.of(
                        table.fileName(),
                        c.column().name(),
                        c.item(),
                        c.column().rule().spelling(),
                        RULES.get(c.column().rule()))));
            }
        }
        Map<String, Object> report = new LinkedHashMap<>(facts);
        report.put("population", figures.population());
        report.put("rows", figures.rows());
        report.put("processing", figures.processing());
        report.put("levels", figures.levels());
        report.put("risk", figures.risk());
        try {
            Files.writeString(staging.resolve(DICTIONARY), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            Files.writeString(staging.resolve(REPORT), JSON.writeValueAsString(report) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
