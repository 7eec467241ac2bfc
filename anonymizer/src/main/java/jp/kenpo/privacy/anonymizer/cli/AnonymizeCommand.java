package jp.kenpo.privacy.anonymizer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import jp.kenpo.privacy.anonymizer.AnonymizationException;
import jp.kenpo.privacy.anonymizer.AnonymizationRequest;
import jp.kenpo.privacy.anonymizer.AnonymizationResult;
import jp.kenpo.privacy.anonymizer.Anonymizer;
import jp.kenpo.privacy.anonymizer.config.AnonymizationConfig;
import jp.kenpo.privacy.anonymizer.config.ColumnConfig;
import jp.kenpo.privacy.anonymizer.config.ConfigReader;
import jp.kenpo.privacy.anonymizer.config.HierarchySource;
import jp.kenpo.privacy.anonymizer.data.Column;
import jp.kenpo.privacy.anonymizer.data.ColumnSpec;
import jp.kenpo.privacy.anonymizer.data.ColumnType;
import jp.kenpo.privacy.anonymizer.data.Role;
import jp.kenpo.privacy.anonymizer.data.SetColumn;
import jp.kenpo.privacy.anonymizer.data.Table;
import jp.kenpo.privacy.anonymizer.data.TableCsv;
import jp.kenpo.privacy.anonymizer.data.ValueColumn;
import jp.kenpo.privacy.anonymizer.hierarchy.Hierarchy;
import jp.kenpo.privacy.anonymizer.hierarchy.HierarchyCsv;
import jp.kenpo.privacy.anonymizer.measure.Metric;
import jp.kenpo.privacy.anonymizer.model.DistinctLDiversity;
import jp.kenpo.privacy.anonymizer.model.KAnonymity;
import jp.kenpo.privacy.anonymizer.model.KmAnonymity;
import jp.kenpo.privacy.anonymizer.model.PrivacyModel;
import jp.kenpo.privacy.anonymizer.model.SensitiveModel;
import jp.kenpo.privacy.anonymizer.report.Report;
import jp.kenpo.privacy.anonymizer.report.ReportWriter;
import jp.kenpo.privacy.anonymizer.search.SearchOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kenpo anonymize}: anonymizes any CSV table into {@code DIR/anonymized.csv} with its
 * report ({@code report.json}, {@code report.html}). Nothing is written unless the whole run
 * succeeds: the files go to a temporary folder that is moved into place at the end.
 */
@Command(
        name = "anonymize",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Anonymizes a CSV table (匿名加工情報): removes identifying columns, generalizes"
                    + " and suppresses quasi-identifiers until the privacy models hold, with the least"
                    + " information loss.",
            "Writes DIR/anonymized.csv, DIR/report.json and DIR/report.html; DIR must not exist or be empty."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:anonymized", "1:could not write the output", "2:bad input or configuration"})
public class AnonymizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "T.csv", description = "the table; its first line names the columns")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the output folder")
    Path out;

    @Option(
            names = "--separator",
            paramLabel = "CHAR",
            description = "field separator of the table (default ',' or the config's); \\t for tab")
    String separator;

    @Option(
            names = "--quasi",
            paramLabel = "COLUMN=HIERARCHY.csv",
            description = "a quasi-identifier and its hierarchy file (repeatable)")
    List<String> quasi = new ArrayList<>();

    @Option(names = "--sensitive", paramLabel = "COLUMN", description = "a sensitive column (repeatable)")
    List<String> sensitive = new ArrayList<>();

    @Option(
            names = "--identifying",
            paramLabel = "COLUMN",
            description = "an identifying column, removed from the output (repeatable)")
    List<String> identifying = new ArrayList<>();

    @Option(names = "--k", paramLabel = "N", description = "k-anonymity")
    Integer k;

    @Option(names = "--l", paramLabel = "N", description = "distinct l-diversity on every sensitive column")
    Integer l;

    @Option(
            names = "--suppression",
            paramLabel = "SHARE",
            description = "share of records that may be suppressed, e.g. 0.05 (default 0)")
    Double suppression;

    @Option(
            names = "--metric",
            paramLabel = "NAME",
            description = "loss (default), precision, non-uniform-entropy, discernibility or average-class-size")
    String metric;

    @Option(
            names = "--risk-threshold",
            paramLabel = "P",
            description = "report the records whose re-identification risk is above P (default 0.2)")
    Double riskThreshold;

    @Option(
            names = "--time-budget",
            paramLabel = "DURATION",
            description = "stop searching after this long and keep the best found, e.g. 30s"
                    + " (default 60s; 0s for no limit)")
    String timeBudget;

    @Option(
            names = "--config",
            paramLabel = "C.yaml",
            description = "everything else: rules, other models, set-valued columns (flags add to it)")
    Path config;

    public AnonymizeCommand() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new AnonymizeCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        try {
            checkOutputFolder();
            AnonymizationConfig settings = config == null ? null : ConfigReader.read(config);
            Path table = input != null ? input : settings == null ? null : settings.input();
            if (table == null) {
                throw new AnonymizationException("no input: give --input T.csv or 'input' in the config");
            }
            char fieldSeparator = separator != null
                    ? separatorOf(separator)
                    : settings != null && settings.separator() != null ? settings.separator() : ',';
            Map<String, ColumnConfig> columns = columns(settings);
            Table data = TableCsv.read(table, fieldSeparator, header -> specs(header, columns));
            AnonymizationRequest request = request(data, columns, settings);
            AnonymizationResult result = Anonymizer.anonymize(request);
            Report report = Report.of(table.toString(), request, result);
            write(result, report, fieldSeparator);
            Summary.print(outWriter, report, out);
            outWriter.flush();
            return 0;
        } catch (AnonymizationException e) {
            err.println("kenpo anonymize: " + e.getMessage());
            err.println("nothing was written.");
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("kenpo anonymize: cannot write " + out + ": " + e.getMessage());
            err.println("nothing was written.");
            err.flush();
            return 1;
        }
    }

    private void checkOutputFolder() throws IOException {
        if (Files.exists(out)) {
            if (!Files.isDirectory(out)) {
                throw new AnonymizationException("--out " + out + " is a file, not a folder");
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(out)) {
                if (entries.iterator().hasNext()) {
                    throw new AnonymizationException("--out " + out + " exists and is not empty;"
                            + " choose a new folder so that no earlier release is overwritten");
                }
            }
        }
    }

    private static char separatorOf(String text) {
        String value = text.equals("\\t") ? "\t" : text;
        if (value.length() != 1) {
            throw new AnonymizationException("--separator must be one character, not '" + text + "'");
        }
        return value.charAt(0);
    }

    // The config's columns with the flags applied on top. A flag may add a column or give it its
    // hierarchy file, but never a second role: whichever role won would decide alone whether a
    // column is removed, generalized or released as it is.
    private Map<String, ColumnConfig> columns(AnonymizationConfig settings) {
        Map<String, ColumnConfig> columns = new LinkedHashMap<>();
        if (settings != null) {
            columns.putAll(settings.columns());
        }
        for (String name : identifying) {
            role(columns, name, Role.IDENTIFYING, "--identifying " + name);
        }
        for (String name : sensitive) {
            role(columns, name, Role.SENSITIVE, "--sensitive " + name);
        }
        Map<String, String> hierarchyFlags = new LinkedHashMap<>();
        for (String flag : quasi) {
            int equals = flag.indexOf('=');
            if (equals <= 0 || equals == flag.length() - 1) {
                throw new AnonymizationException("--quasi " + flag + ": expected COLUMN=HIERARCHY.csv");
            }
            String name = flag.substring(0, equals);
            String where = "--quasi " + flag;
            String earlier = hierarchyFlags.putIfAbsent(name, where);
            if (earlier != null && !earlier.equals(where)) {
                throw new AnonymizationException(
                        "column '" + name + "' is given two hierarchies: " + earlier + " and " + where);
            }
            role(columns, name, Role.QUASI_IDENTIFYING, where);
            columns.put(
                    name,
                    columns.get(name)
                            .withHierarchy(new HierarchySource.File(Path.of(flag.substring(equals + 1)), null), where));
        }
        return columns;
    }

    private static void role(Map<String, ColumnConfig> columns, String name, Role role, String where) {
        ColumnConfig current = columns.get(name);
        if (current == null) {
            columns.put(name, new ColumnConfig(name, role, ColumnType.STRING, null, null, where));
        } else if (current.role() != role) {
            throw new AnonymizationException("column '" + name + "' is given two roles: "
                    + current.role().label() + " (" + current.where() + ") and " + role.label() + " (" + where
                    + "); give each column one role");
        }
    }

    private static List<ColumnSpec> specs(List<String> header, Map<String, ColumnConfig> columns) {
        for (ColumnConfig column : columns.values()) {
            if (!header.contains(column.name())) {
                throw new AnonymizationException(column.where() + ": unknown column '" + column.name()
                        + "' (the table has: " + String.join(", ", header) + ")");
            }
        }
        List<ColumnSpec> specs = new ArrayList<>();
        for (String name : header) {
            ColumnConfig column = columns.get(name);
            specs.add(
                    column == null
                            ? new ColumnSpec(name, ColumnType.STRING, Role.INSENSITIVE)
                            : new ColumnSpec(name, column.type(), column.role()));
        }
        return specs;
    }

    private AnonymizationRequest request(Table data, Map<String, ColumnConfig> columns, AnonymizationConfig settings) {
        AnonymizationRequest.Builder request = AnonymizationRequest.builder(data);
        for (ColumnConfig column : columns.values()) {
            Hierarchy hierarchy = column.hierarchy() == null ? null : hierarchy(data, column);
            if (hierarchy != null) {
                request.hierarchy(column.name(), hierarchy);
            }
            if (column.levels() != null) {
                if (hierarchy == null) {
                    throw new AnonymizationException(
                            column.where() + ": levels are given for '" + column.name() + "', which has no hierarchy");
                }
                // a range without max runs to the top of the hierarchy
                int max = column.levels().max() == Integer.MAX_VALUE
                        ? hierarchy.levels() - 1
                        : column.levels().max();
                try {
                    request.levels(column.name(), column.levels().min(), max);
                } catch (AnonymizationException e) {
                    throw new AnonymizationException(column.where() + ": column '" + column.name() + "': "
                            + e.getMessage() + " (its hierarchy has levels 0 to " + (hierarchy.levels() - 1) + ")");
                }
            }
        }
        List<PrivacyModel> models = new ArrayList<>();
        if (settings != null) {
            for (int i = 0; i < settings.models().size(); i++) {
                PrivacyModel model = settings.models().get(i);
                checkColumn(data, model, settings.modelLines().get(i));
                if (!(model instanceof KAnonymity && k != null)) {
                    models.add(model);
                }
            }
        }
        if (k != null) {
            models.add(new KAnonymity(k));
        }
        if (l != null) {
            List<String> sensitiveColumns = data.columnsWith(Role.SENSITIVE);
            if (sensitiveColumns.isEmpty()) {
                throw new AnonymizationException("--l " + l + " needs a sensitive column (--sensitive COLUMN)");
            }
            for (String column : sensitiveColumns) {
                models.add(new DistinctLDiversity(column, l));
            }
        }
        if (models.isEmpty()) {
            throw new AnonymizationException("no privacy model: give --k N (and --l N) or models in --config");
        }
        models.forEach(request::model);
        Double share = suppression != null ? suppression : settings == null ? null : settings.suppressionLimit();
        if (share != null) {
            request.suppressionLimit(share);
        }
        String metricName = metric;
        if (metricName != null) {
            try {
                request.metric(Metric.fromConfigName(metricName));
            } catch (IllegalArgumentException e) {
                throw new AnonymizationException("--metric: " + e.getMessage());
            }
        } else if (settings != null && settings.metric() != null) {
            request.metric(settings.metric());
        }
        Double threshold = riskThreshold != null ? riskThreshold : settings == null ? null : settings.riskThreshold();
        if (threshold != null) {
            request.riskThreshold(threshold);
        }
        SearchOptions search =
                settings != null && settings.search() != null ? settings.search() : SearchOptions.DEFAULT;
        if (timeBudget != null) {
            try {
                search = search.withTimeBudget(ConfigReader.duration(timeBudget));
            } catch (AnonymizationException e) {
                throw new AnonymizationException("--time-budget: " + e.getMessage());
            }
        }
        return request.search(search).build();
    }

    private static void checkColumn(Table data, PrivacyModel model, String where) {
        String column =
                model instanceof SensitiveModel s ? s.column() : model instanceof KmAnonymity km ? km.column() : null;
        if (column != null && !data.columnNames().contains(column)) {
            throw new AnonymizationException(where + ": " + model.describe() + " names unknown column '" + column
                    + "' (the table has: " + String.join(", ", data.columnNames()) + ")");
        }
    }

    private static Hierarchy hierarchy(Table data, ColumnConfig column) {
        HierarchySource source = column.hierarchy();
        if (source instanceof HierarchySource.File file) {
            return file.separator() == null
                    ? HierarchyCsv.read(file.path())
                    : HierarchyCsv.read(file.path(), file.separator());
        }
        Column values = data.column(column.name());
        List<String> distinct =
                List.of(values instanceof ValueColumn v ? v.dictionary() : ((SetColumn) values).dictionary());
        try {
            return ((HierarchySource.Rule) source).rule().build(column.name(), column.type(), distinct);
        } catch (AnonymizationException e) {
            throw new AnonymizationException(column.where() + ": " + e.getMessage());
        }
    }

    private void write(AnonymizationResult result, Report report, char fieldSeparator) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
        try {
            TableCsv.write(result.output(), staging.resolve("anonymized.csv"), fieldSeparator);
            ReportWriter.writeJson(report, staging.resolve("report.json"));
            ReportWriter.writeHtml(report, staging.resolve("report.html"));
            Files.deleteIfExists(target); // only an empty folder can be here: checked at the start
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
