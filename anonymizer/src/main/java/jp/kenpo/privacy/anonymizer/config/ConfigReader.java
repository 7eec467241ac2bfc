package jp.kenpo.privacy.anonymizer.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.kenpo.privacy.anonymizer.AnonymizationException;
import jp.kenpo.privacy.anonymizer.LevelRange;
import jp.kenpo.privacy.anonymizer.data.ColumnType;
import jp.kenpo.privacy.anonymizer.data.Role;
import jp.kenpo.privacy.anonymizer.hierarchy.CodeRule;
import jp.kenpo.privacy.anonymizer.hierarchy.DateRule;
import jp.kenpo.privacy.anonymizer.hierarchy.IntervalRule;
import jp.kenpo.privacy.anonymizer.hierarchy.MaskingRule;
import jp.kenpo.privacy.anonymizer.measure.Metric;
import jp.kenpo.privacy.anonymizer.model.DistinctLDiversity;
import jp.kenpo.privacy.anonymizer.model.EntropyLDiversity;
import jp.kenpo.privacy.anonymizer.model.KAnonymity;
import jp.kenpo.privacy.anonymizer.model.KmAnonymity;
import jp.kenpo.privacy.anonymizer.model.PrivacyModel;
import jp.kenpo.privacy.anonymizer.model.RecursiveCLDiversity;
import jp.kenpo.privacy.anonymizer.model.TCloseness;
import jp.kenpo.privacy.anonymizer.search.SearchOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the YAML configuration of {@code ./kenpo anonymize --config C.yaml}. Paths in it are
 * relative to the file's folder. Every error names the file and line; unknown keys are errors,
 * so that a misspelt setting cannot be silently ignored.
 */
public final class ConfigReader {

    private static final Set<String> TOP =
            Set.of("input", "separator", "columns", "models", "suppression", "metric", "risk-threshold", "search");
    private static final Set<String> COLUMN = Set.of("role", "type", "hierarchy", "levels");
    private static final Set<String> MODELS = Set.of("k", "l-diversity", "t-closeness", "km-anonymity");

    private final Path file;
    private final Path folder;
    private final String name;

    private ConfigReader(Path file) {
        this.file = file;
        this.folder = file.toAbsolutePath().getParent();
        this.name = file.toString();
    }

    public static AnonymizationConfig read(Path file) {
        return new ConfigReader(file).read();
    }

    private AnonymizationConfig read() {
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (NoSuchFileException e) {
            throw new AnonymizationException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new AnonymizationException("cannot read config file " + file + ": " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new AnonymizationException(
                    "config file " + file + " is not valid YAML: "
                            + e.getMessage().replace('\n', ' '),
                    e);
        }
        if (root == null) {
            throw new AnonymizationException("config file " + file + " is empty");
        }
        Map<String, YamlValue> top = new YamlValue(name, root).mapping(TOP, "the configuration");
        Path input = top.containsKey("input") ? resolve(top.get("input").text("input")) : null;
        Character separator =
                top.containsKey("separator") ? top.get("separator").character("separator") : null;
        Map<String, ColumnConfig> columns = new LinkedHashMap<>();
        if (top.containsKey("columns")) {
            for (Map.Entry<String, YamlValue> entry :
                    top.get("columns").mapping(null, "columns").entrySet()) {
                columns.put(entry.getKey(), column(entry.getKey(), entry.getValue()));
            }
        }
        List<PrivacyModel> models = new ArrayList<>();
        List<String> modelLines = new ArrayList<>();
        if (top.containsKey("models")) {
            models(top.get("models"), models, modelLines);
        }
        Double suppression =
                top.containsKey("suppression") ? top.get("suppression").number("suppression") : null;
        Metric metric = null;
        if (top.containsKey("metric")) {
            YamlValue value = top.get("metric");
            try {
                metric = Metric.fromConfigName(value.text("metric"));
            } catch (IllegalArgumentException e) {
                throw value.error(e.getMessage());
            }
        }
        Double risk =
                top.containsKey("risk-threshold") ? top.get("risk-threshold").number("risk-threshold") : null;
        SearchOptions search = top.containsKey("search") ? search(top.get("search")) : null;
        return new AnonymizationConfig(
                input, separator, columns, models, modelLines, suppression, metric, risk, search);
    }

    private Path resolve(String path) {
        return folder.resolve(path).normalize();
    }

    private ColumnConfig column(String column, YamlValue value) {
        Map<String, YamlValue> entries = value.mapping(COLUMN, "column '" + column + "'");
        if (!entries.containsKey("role")) {
            throw value.error("column '" + column + "' has no role (identifying, quasi, sensitive,"
                    + " insensitive or set-valued)");
        }
        Role role = role(entries.get("role"));
        ColumnType type = ColumnType.STRING;
        if (entries.containsKey("type")) {
            try {
                type = ColumnType.fromConfigName(entries.get("type").text("type"));
            } catch (IllegalArgumentException e) {
                throw entries.get("type").error(e.getMessage());
            }
        }
        HierarchySource hierarchy =
                entries.containsKey("hierarchy") ? hierarchy(column, entries.get("hierarchy")) : null;
        LevelRange levels = null;
        if (entries.containsKey("levels")) {
            YamlValue levelsValue = entries.get("levels");
            Map<String, YamlValue> range = levelsValue.mapping(Set.of("min", "max"), "levels");
            int min = range.containsKey("min") ? range.get("min").integer("min") : 0;
            int max = range.containsKey("max") ? range.get("max").integer("max") : Integer.MAX_VALUE;
            try {
                levels = new LevelRange(min, max);
            } catch (AnonymizationException e) {
                throw levelsValue.error(e.getMessage());
            }
        }
        return new ColumnConfig(column, role, type, hierarchy, levels, value.where());
    }

    static Role role(YamlValue value) {
        String text = value.text("role");
        return switch (text) {
            case "identifying" -> Role.IDENTIFYING;
            case "quasi", "quasi-identifying" -> Role.QUASI_IDENTIFYING;
            case "sensitive" -> Role.SENSITIVE;
            case "insensitive" -> Role.INSENSITIVE;
            case "set-valued" -> Role.SET_VALUED;
            default ->
                throw value.error("unknown role '" + text + "' (expected identifying, quasi,"
                        + " sensitive, insensitive or set-valued)");
        };
    }

    private HierarchySource hierarchy(String column, YamlValue value) {
        if (value.isScalar()) {
            return new HierarchySource.File(resolve(value.text("hierarchy")), null);
        }
        Map<String, YamlValue> entries = value.mapping(null, "hierarchy of '" + column + "'");
        if (entries.containsKey("file")) {
            check(entries, Set.of("file", "separator"), value);
            Character separator =
                    entries.containsKey("separator") ? entries.get("separator").character("separator") : null;
            return new HierarchySource.File(resolve(entries.get("file").text("file")), separator);
        }
        if (!entries.containsKey("rule")) {
            throw value.error("the hierarchy of '" + column + "' needs 'file' or 'rule'");
        }
        String rule = entries.get("rule").text("rule");
        try {
            return new HierarchySource.Rule(
                    switch (rule) {
                        case "dates" -> {
                            check(entries, Set.of("rule", "bands"), value);
                            List<Integer> bands = new ArrayList<>();
                            if (entries.containsKey("bands")) {
                                for (YamlValue band : entries.get("bands").sequence("bands")) {
                                    bands.add(band.integer("a band"));
                                }
                            }
                            yield new DateRule(bands);
                        }
                        case "intervals" -> {
                            check(entries, Set.of("rule", "bottom", "top", "widths"), value);
                            if (!entries.containsKey("widths")) {
                                throw value.error("the interval rule of '" + column + "' needs 'widths'");
                            }
                            List<java.math.BigDecimal> widths = new ArrayList<>();
                            for (YamlValue width : entries.get("widths").sequence("widths")) {
                                widths.add(width.decimal("a width"));
                            }
                            yield new IntervalRule(
                                    entries.containsKey("bottom")
                                            ? entries.get("bottom").decimal("bottom")
                                            : null,
                                    entries.containsKey("top")
                                            ? entries.get("top").decimal("top")
                                            : null,
                                    widths);
                        }
                        case "codes" -> {
                            check(entries, Set.of("rule", "levels"), value);
                            if (!entries.containsKey("levels")) {
                                throw value.error("the code rule of '" + column + "' needs 'levels'");
                            }
                            List<CodeRule.Level> levels = new ArrayList<>();
                            for (YamlValue level : entries.get("levels").sequence("levels")) {
                                levels.add(codeLevel(level));
                            }
                            yield new CodeRule(levels);
                        }
                        case "masking" -> {
                            check(entries, Set.of("rule", "step", "mask"), value);
                            yield new MaskingRule(
                                    entries.containsKey("step")
                                            ? entries.get("step").integer("step")
                                            : 1,
                                    entries.containsKey("mask")
                                            ? entries.get("mask").character("mask")
                                            : '*');
                        }
                        default ->
                            throw entries.get("rule")
                                    .error("unknown rule '" + rule + "' (expected dates, intervals, codes or masking)");
                    });
        } catch (AnonymizationException e) {
            if (e.getMessage().startsWith(name)) {
                throw e;
            }
            throw value.error(e.getMessage());
        }
    }

    private CodeRule.Level codeLevel(YamlValue level) {
        Map<String, YamlValue> entries = level.mapping(Set.of("prefix", "ranges"), "a code level");
        if (entries.size() != 1) {
            throw level.error("a code level is either 'prefix: N' or 'ranges: …'");
        }
        if (entries.containsKey("prefix")) {
            return new CodeRule.Prefix(entries.get("prefix").integer("prefix"));
        }
        YamlValue ranges = entries.get("ranges");
        if (ranges.isScalar()) {
            return RangesFile.read(resolve(ranges.text("ranges")));
        }
        List<CodeRule.Range> list = new ArrayList<>();
        for (YamlValue range : ranges.sequence("ranges")) {
            list.add(range(range));
        }
        return new CodeRule.Ranges(level.where(), list);
    }

    private static CodeRule.Range range(YamlValue range) {
        try {
            if (range.isScalar()) {
                String[] parts = range.text("a range").split("-", 2);
                return new CodeRule.Range(parts[0].trim(), (parts.length == 2 ? parts[1] : parts[0]).trim(), null);
            }
            Map<String, YamlValue> entries = range.mapping(Set.of("from", "to", "label"), "a range");
            if (!entries.containsKey("from") || !entries.containsKey("to")) {
                throw range.error("a range needs 'from' and 'to'");
            }
            return new CodeRule.Range(
                    entries.get("from").text("from"),
                    entries.get("to").text("to"),
                    entries.containsKey("label") ? entries.get("label").text("label") : null);
        } catch (AnonymizationException e) {
            throw e.getMessage().contains(" line ") ? e : range.error(e.getMessage());
        }
    }

    private static void check(Map<String, YamlValue> entries, Set<String> allowed, YamlValue where) {
        for (String key : entries.keySet()) {
            if (!allowed.contains(key)) {
                throw where.error(
                        "unknown key '" + key + "' here (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private void models(YamlValue value, List<PrivacyModel> models, List<String> lines) {
        Map<String, YamlValue> entries = value.mapping(MODELS, "models");
        try {
            if (entries.containsKey("k")) {
                YamlValue k = entries.get("k");
                add(models, lines, k, () -> new KAnonymity(k.integer("k")));
            }
            if (entries.containsKey("l-diversity")) {
                for (YamlValue item : list(entries.get("l-diversity"), "l-diversity")) {
                    Map<String, YamlValue> model = item.mapping(Set.of("column", "l", "variant", "c"), "l-diversity");
                    String column = required(model, "column", item).text("column");
                    YamlValue l = required(model, "l", item);
                    String variant =
                            model.containsKey("variant") ? model.get("variant").text("variant") : "distinct";
                    add(models, lines, item, () -> switch (variant) {
                        case "distinct" -> new DistinctLDiversity(column, l.integer("l"));
                        case "entropy" -> new EntropyLDiversity(column, l.number("l"));
                        case "recursive" ->
                            new RecursiveCLDiversity(
                                    column, required(model, "c", item).number("c"), l.integer("l"));
                        default ->
                            throw model.get("variant")
                                    .error("unknown l-diversity variant '" + variant
                                            + "' (expected distinct, entropy or recursive)");
                    });
                }
            }
            if (entries.containsKey("t-closeness")) {
                for (YamlValue item : list(entries.get("t-closeness"), "t-closeness")) {
                    Map<String, YamlValue> model = item.mapping(Set.of("column", "t", "distance"), "t-closeness");
                    String column = required(model, "column", item).text("column");
                    YamlValue t = required(model, "t", item);
                    String distance = model.containsKey("distance")
                            ? model.get("distance").text("distance")
                            : "equal";
                    add(
                            models,
                            lines,
                            item,
                            () -> new TCloseness(
                                    column,
                                    t.number("t"),
                                    switch (distance) {
                                        case "equal" -> TCloseness.Distance.EQUAL;
                                        case "hierarchical" -> TCloseness.Distance.HIERARCHICAL;
                                        default ->
                                            throw model.get("distance")
                                                    .error("unknown distance '" + distance
                                                            + "' (expected equal or hierarchical)");
                                    }));
                }
            }
            if (entries.containsKey("km-anonymity")) {
                for (YamlValue item : list(entries.get("km-anonymity"), "km-anonymity")) {
                    Map<String, YamlValue> model = item.mapping(Set.of("column", "k", "m"), "km-anonymity");
                    String column = required(model, "column", item).text("column");
                    YamlValue k = required(model, "k", item);
                    YamlValue m = required(model, "m", item);
                    add(models, lines, item, () -> new KmAnonymity(column, k.integer("k"), m.integer("m")));
                }
            }
        } catch (IllegalArgumentException e) {
            throw value.error(e.getMessage());
        }
    }

    private static List<YamlValue> list(YamlValue value, String what) {
        return value.isSequence() ? value.sequence(what) : List.of(value);
    }

    private static YamlValue required(Map<String, YamlValue> entries, String key, YamlValue where) {
        YamlValue value = entries.get(key);
        if (value == null) {
            throw where.error("'" + key + "' is missing");
        }
        return value;
    }

    private static void add(
            List<PrivacyModel> models,
            List<String> lines,
            YamlValue where,
            java.util.function.Supplier<PrivacyModel> model) {
        try {
            models.add(model.get());
        } catch (AnonymizationException e) {
            throw e.getMessage().contains(" line ") ? e : where.error(e.getMessage());
        }
        lines.add(where.where());
    }

    private SearchOptions search(YamlValue value) {
        Map<String, YamlValue> entries = value.mapping(Set.of("mode", "time-budget", "max-exact-nodes"), "search");
        SearchOptions options = SearchOptions.DEFAULT;
        if (entries.containsKey("mode")) {
            YamlValue mode = entries.get("mode");
            try {
                options = options.withMode(
                        SearchOptions.Mode.valueOf(mode.text("mode").toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw mode.error("unknown search mode '" + mode.text("mode") + "' (expected auto, exact or heuristic)");
            }
        }
        if (entries.containsKey("time-budget")) {
            YamlValue budget = entries.get("time-budget");
            try {
                options = options.withTimeBudget(duration(budget.text("time-budget")));
            } catch (AnonymizationException e) {
                throw budget.error(e.getMessage());
            }
        }
        if (entries.containsKey("max-exact-nodes")) {
            YamlValue nodes = entries.get("max-exact-nodes");
            try {
                options = new SearchOptions(options.mode(), options.timeBudget(), nodes.integer("max-exact-nodes"));
            } catch (AnonymizationException e) {
                throw e.getMessage().contains(" line ") ? e : nodes.error(e.getMessage());
            }
        }
        return options;
    }

    /** A duration such as {@code 30s}, {@code 2m} or ISO {@code PT30S}; {@code 0s} for none. */
    public static Duration duration(String text) {
        Duration duration;
        try {
            String lower = text.trim().toLowerCase(Locale.ROOT);
            if (lower.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
            } else if (lower.endsWith("s")) {
                duration = Duration.ofSeconds(Long.parseLong(lower.substring(0, lower.length() - 1)));
            } else if (lower.endsWith("m")) {
                duration = Duration.ofMinutes(Long.parseLong(lower.substring(0, lower.length() - 1)));
            } else {
                duration = Duration.parse(text);
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new AnonymizationException("'" + text + "' is not a duration (e.g. 30s, 2m or PT1M)");
        }
        if (duration.isNegative()) {
            throw new AnonymizationException("the time budget '" + text + "' is negative");
        }
        return duration;
    }
}
