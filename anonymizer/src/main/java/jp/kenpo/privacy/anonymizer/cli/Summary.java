package jp.kenpo.privacy.anonymizer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import jp.kenpo.privacy.anonymizer.Generalization;
import jp.kenpo.privacy.anonymizer.report.Report;
import jp.kenpo.privacy.anonymizer.setvalued.KmResult;

/** The measures printed after a run: input and output side by side. */
final class Summary {

    private Summary() {}

    static void print(PrintWriter out, Report report, Path folder) {
        out.printf(
                "%d records; models: %s; suppression limit %s%n",
                report.rows(), String.join(", ", report.models()), report.suppressionLimit());
        out.println("search: " + report.search().describe());
        StringBuilder levels = new StringBuilder();
        for (Generalization g : report.transformation()) {
            levels.append(' ')
                    .append(g.column())
                    .append('=')
                    .append(g.level())
                    .append('/')
                    .append(g.levels() - 1);
        }
        out.println("transformation:" + levels);
        out.printf("%-32s %12s %12s%n", "", "input", "output");
        for (Report.MeasureRow row : report.measureRows()) {
            out.printf("%-32s %12s %12s%n", row.label(), Report.format(row.input()), Report.format(row.output()));
        }
        for (KmResult km : report.setValued()) {
            out.printf(
                    "(%d,%d)-anonymity on %s: items at level %d/%d, %d of %d occurrences removed,"
                            + " violating itemsets %d -> %d%n",
                    km.k(),
                    km.m(),
                    km.column(),
                    km.level(),
                    km.levels() - 1,
                    km.suppressedOccurrences(),
                    km.occurrences(),
                    km.violationsBefore(),
                    km.violationsAfter());
        }
        for (String warning : report.warnings()) {
            out.println("warning: " + warning);
        }
        out.printf(
                "wrote %s, %s, %s%n",
                folder.resolve("anonymized.csv"), folder.resolve("report.json"), folder.resolve("report.html"));
    }
}
