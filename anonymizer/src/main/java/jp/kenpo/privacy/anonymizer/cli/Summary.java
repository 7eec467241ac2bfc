package jp.kenpo.privacy.anonymizer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import jp.kenpo.privacy.anonymizer.Generalization;
import jp.kenpo.privacy.anonymizer.measure.Measures;
import jp.kenpo.privacy.anonymizer.report.Report;
import jp.kenpo.privacy.anonymizer.setvalued.KmResult;

/** The measures printed after a run: input and output side by side. */
final class Summary {

  private Summary() {
  }

  static void print(PrintWriter out, Report report, Path folder) {
    out.printf("%d records; models: %s; suppression limit %s%n", report.rows(),
        String.join(", ", report.models()), report.suppressionLimit());
    Report.SearchSummary search = report.search();
    out.printf("search: %s, %s, %d of %d nodes evaluated in %d ms%n", search.method(),
        search.optimal() ? "optimum proven" : "best found within the time budget",
        search.nodesEvaluated(), search.latticeSize(), search.milliseconds());
    StringBuilder levels = new StringBuilder();
    for (Generalization g : report.transformation()) {
      levels.append(' ').append(g.column()).append('=').append(g.level()).append('/').append(g.levels() - 1);
    }
    out.println("transformation:" + levels);
    Measures in = report.before();
    Measures res = report.after();
    out.printf("%-32s %12s %12s%n", "", "input", "output");
    row(out, "records suppressed", in.classes().suppressed(), res.classes().suppressed());
    row(out, "equivalence classes", in.classes().classes(), res.classes().classes());
    row(out, "smallest class", in.classes().smallest(), res.classes().smallest());
    row(out, "average class size", in.classes().average(), res.classes().average());
    row(out, "highest risk (prosecutor)", in.risk().highest(), res.risk().highest());
    row(out, "average risk", in.risk().average(), res.risk().average());
    row(out, "records above risk " + res.risk().threshold(), in.risk().recordsAboveThreshold(),
        res.risk().recordsAboveThreshold());
    row(out, "sample uniques", in.risk().sampleUniques(), res.risk().sampleUniques());
    row(out, "loss", in.informationLoss().loss(), res.informationLoss().loss());
    row(out, "precision loss", in.informationLoss().precisionLoss(), res.informationLoss().precisionLoss());
    row(out, "non-uniform entropy", in.informationLoss().nonUniformEntropy(),
        res.informationLoss().nonUniformEntropy());
    row(out, "discernibility (share of n²)", in.informationLoss().discernibility(),
        res.informationLoss().discernibility());
    for (KmResult km : report.setValued()) {
      out.printf("(%d,%d)-anonymity on %s: items at level %d/%d, %d of %d occurrences removed,"
          + " violating itemsets %d -> %d%n", km.k(), km.m(), km.column(), km.level(),
          km.levels() - 1, km.suppressedOccurrences(), km.occurrences(), km.violationsBefore(),
          km.violationsAfter());
    }
    for (String warning : report.warnings()) {
      out.println("warning: " + warning);
    }
    out.printf("wrote %s, %s, %s%n", folder.resolve("anonymized.csv"), folder.resolve("report.json"),
        folder.resolve("report.html"));
  }

  private static void row(PrintWriter out, String label, double before, double after) {
    out.printf("%-32s %12s %12s%n", label, format(before), format(after));
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) : String.format(Locale.ROOT, "%.4f", value);
  }
}
