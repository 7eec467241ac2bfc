package jp.kenpo.privacy.release;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kenpo.privacy.shared.YamlMapping;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a release spec and checks it on its own: known keys, known tables and columns, the rule
 * each column takes, thresholds in range. What needs the catalog or the recipient register (is the
 * item published, is the recipient under contract) is {@link ReleaseChecks}'.
 */
public final class ReleaseSpecReader {

    private static final int MAX_CHARS = 200_000;
    static final Set<String> METHODS = Set.of("ELECTRONIC", "PHYSICAL_MEDIA");

    private ReleaseSpecReader() {}

    public static ReleaseSpec read(String source, String file) {
        if (source.length() > MAX_CHARS) {
            throw new ReleaseSpecException(file, 0, "the spec is larger than " + MAX_CHARS + " characters");
        }
        Node root;
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            // compose builds nodes only: no object of the file's choosing is constructed
            root = new Yaml(options).compose(new StringReader(source));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ReleaseSpecException(file, line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ReleaseSpecException(file, 0, "not valid YAML");
        }
        if (root == null) {
            throw new ReleaseSpecException(file, 0, "the spec is empty");
        }
        YamlMapping doc = new YamlMapping(file, root, "the spec", ReleaseSpecException::new);
        doc.allowOnly("the spec", Set.of("recipient", "period", "method", "pseudonyms", "privacy", "tables"));
        String recipient = doc.text("recipient");
        Optional<ReleaseSpec.Period> period = period(doc);
        String method = doc.text("method");
        if (!METHODS.contains(method)) {
            throw doc.error("method", "method: expected one of ELECTRONIC, PHYSICAL_MEDIA");
        }
        PseudonymPolicy pseudonyms;
        try {
            pseudonyms = PseudonymPolicy.valueOf(doc.optionalText("pseudonyms").orElse("PER_RELEASE"));
        } catch (IllegalArgumentException e) {
            throw doc.error("pseudonyms", "pseudonyms: expected one of PER_RELEASE, STABLE");
        }
        return new ReleaseSpec(
                file,
                sha256(source),
                recipient,
                doc.lineOf("recipient"),
                period,
                doc.lineOf("period"),
                method,
                doc.lineOf("method"),
                pseudonyms,
                thresholds(doc),
                tables(doc));
    }

    private static Optional<ReleaseSpec.Period> period(YamlMapping doc) {
        YamlMapping p = doc.mapping("period");
        p.allowOnly("period", Set.of("from", "to", "continuing"));
        if (p.has("continuing")) {
            if (p.has("from") || p.has("to")) {
                throw p.error("continuing", "period: give either 'continuing: true' or 'from' and 'to'");
            }
            if (!p.text("continuing").equals("true")) {
                throw p.error("continuing", "period.continuing: expected true");
            }
            return Optional.empty();
        }
        YearMonth from = month(p, "from");
        YearMonth to = month(p, "to");
        if (to.isBefore(from)) {
            throw p.error("to", "period.to: before period.from");
        }
        if (from.plusMonths(120).isBefore(to)) {
            throw p.error("to", "period: longer than ten years");
        }
        return Optional.of(new ReleaseSpec.Period(from, to));
    }

    private static YearMonth month(YamlMapping p, String key) {
        try {
            return YearMonth.parse(p.text(key));
        } catch (DateTimeParseException e) {
            throw p.error(key, "period." + key + ": expected a month YYYY-MM");
        }
    }

    private static ReleaseSpec.Thresholds thresholds(YamlMapping doc) {
        YamlMapping p = doc.optionalMapping("privacy").orElse(null);
        if (p == null) {
            return new ReleaseSpec.Thresholds(5, 0.05, 5, 2, 5, 90, 99.5, 99.5);
        }
        p.allowOnly(
                "privacy",
                Set.of(
                        "k",
                        "suppression",
                        "diagnoses-k",
                        "diagnoses-m",
                        "rare-codes",
                        "age-top",
                        "points-percentile",
                        "values-percentile"));
        int k = p.integer("k", 5);
        // Rule 34(5): a class of one is a person singled out; k = 1 would measure nothing
        if (k < 2) {
            throw p.error("k", "privacy.k: must be 2 or more");
        }
        double suppression = p.decimal("suppression", 0.05);
        if (!(suppression >= 0 && suppression <= 0.5)) {
            throw p.error("suppression", "privacy.suppression: must be a share from 0 to 0.5");
        }
        int dk = p.integer("diagnoses-k", k);
        if (dk < 2) {
            throw p.error("diagnoses-k", "privacy.diagnoses-k: must be 2 or more");
        }
        int dm = p.integer("diagnoses-m", 2);
        if (dm < 1 || dm > 4) {
            throw p.error("diagnoses-m", "privacy.diagnoses-m: must be 1 to 4");
        }
        int rare = p.integer("rare-codes", k);
        if (rare < 1) {
            throw p.error("rare-codes", "privacy.rare-codes: must be 1 or more");
        }
        int ageTop = p.integer("age-top", 90);
        if (ageTop < 60 || ageTop > 120) {
            throw p.error("age-top", "privacy.age-top: must be 60 to 120");
        }
        double points = p.decimal("points-percentile", 99.5);
        if (!(points >= 50 && points <= 100)) {
            throw p.error("points-percentile", "privacy.points-percentile: must be 50 to 100");
        }
        double values = p.decimal("values-percentile", 99.5);
        if (!(values >= 50 && values <= 100)) {
            throw p.error("values-percentile", "privacy.values-percentile: must be 50 to 100");
        }
        return new ReleaseSpec.Thresholds(k, suppression, dk, dm, rare, ageTop, points, values);
    }

    private static Map<ReleaseTable, List<ReleaseSpec.SpecColumn>> tables(YamlMapping doc) {
        YamlMapping tables = doc.mapping("tables");
        Map<ReleaseTable, List<ReleaseSpec.SpecColumn>> result = new EnumMap<>(ReleaseTable.class);
        for (String name : tables.keys()) {
            ReleaseTable table = ReleaseTable.named(name)
                    .orElseThrow(() -> tables.error(
                            name,
                            "tables." + name + ": no such table (expected one of "
                                    + String.join(
                                            ", ",
                                            java.util.Arrays.stream(ReleaseTable.values())
                                                    .map(ReleaseTable::fileName)
                                                    .toList())
                                    + ")"));
            YamlMapping columns = tables.mapping(name);
            List<ReleaseSpec.SpecColumn> list = new ArrayList<>();
            for (String columnName : columns.keys()) {
                String where = "tables." + name + "." + columnName;
                ReleaseTable.Column column = table.column(columnName)
                        .orElseThrow(() -> columns.error(
                                columnName,
                                where + ": not a column that may be released (PPC Rules Art. 34; expected one of "
                                        + String.join(
                                                ", ",
                                                table.columns().stream()
                                                        .map(ReleaseTable.Column::name)
                                                        .toList())
                                        + ")"));
                YamlMapping c = columns.mapping(columnName);
                c.allowOnly(where, Set.of("item", "rule"));
                String item = c.text("item");
                ColumnRule rule = ColumnRule.parse(c.text("rule"));
                if (rule != column.rule()) {
                    throw c.error(
                            "rule",
                            where + ".rule: this column's processing is '"
                                    + column.rule().spelling() + "'");
                }
                list.add(new ReleaseSpec.SpecColumn(column, item, c.line()));
            }
            if (list.isEmpty()) {
                throw tables.error(name, "tables." + name + ": no columns");
            }
            result.put(table, list);
        }
        if (result.isEmpty()) {
            throw doc.error("tables", "tables: no tables");
        }
        if (!result.containsKey(ReleaseTable.PERSONS)) {
            throw doc.error(
                    "tables",
                    "tables: a release needs its persons table (the classes of Rule 34(5) are counted there)");
        }
        for (ReleaseTable.Column required :
                List.of(ReleaseTable.PERSONS.column("person").orElseThrow())) {
            if (result.get(ReleaseTable.PERSONS).stream()
                    .noneMatch(c -> c.column().equals(required))) {
                throw doc.error("tables", "tables.persons: the column 'person' is required");
            }
        }
        return result;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
