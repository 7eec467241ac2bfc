package jp.kenpo.privacy.anonymizer.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.kenpo.privacy.anonymizer.Generalization;
import jp.kenpo.privacy.anonymizer.measure.ClassSizes;
import jp.kenpo.privacy.anonymizer.setvalued.KmResult;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link Report} as JSON for machines and as a plain HTML page for people. */
public final class ReportWriter {

    private ReportWriter() {}

    public static void writeJson(Report report, Path file) throws IOException {
        JsonMapper mapper =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(file, mapper.writeValueAsString(report), StandardCharsets.UTF_8);
    }

    public static void writeHtml(Report report, Path file) throws IOException {
        Files.writeString(file, html(report), StandardCharsets.UTF_8);
    }

    static String html(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">")
                .append("<title>匿名加工情報 作成報告 / Anonymization report</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:60em}")
                .append("table{border-collapse:collapse;margin:.5em 0 1.5em}")
                .append("td,th{border:1px solid #999;padding:.2em .6em;text-align:left}")
                .append("td.n{text-align:right}</style></head><body>\n");
        out.append("<h1>匿名加工情報 作成報告 <small>Anonymization report</small></h1>\n");
        out.append("<p>Input: ")
                .append(escape(report.input()))
                .append(", ")
                .append(report.rows())
                .append(" records. Metric: ")
                .append(escape(report.metric()))
                .append(". Suppression limit: ")
                .append(report.suppressionLimit())
                .append(".</p>\n");
        for (String warning : report.warnings()) {
            out.append("<p><strong>Warning:</strong> ").append(escape(warning)).append("</p>\n");
        }
        out.append(
                "<h2>加工の基準 (PPC rules Art. 34)</h2>\n<table><tr><th>Article</th><th>Standard</th><th>This release</th></tr>\n");
        for (Report.Standard standard : report.processingStandards()) {
            row(out, standard.article(), standard.standard(), standard.evidence());
        }
        out.append(
                "</table>\n<h2>Columns</h2>\n<table><tr><th>Column</th><th>Type</th><th>Role</th><th>Hierarchy</th></tr>\n");
        for (Report.ColumnEntry column : report.columns()) {
            row(out, column.name(), column.type(), column.role(), column.hierarchy() == null ? "" : column.hierarchy());
        }
        out.append("</table>\n<h2>Models</h2>\n<ul>\n");
        for (String model : report.models()) {
            out.append("<li>").append(escape(model)).append("</li>\n");
        }
        out.append(
                "</ul>\n<h2>Transformation</h2>\n<table><tr><th>Quasi-identifier</th><th>Level</th><th>of</th></tr>\n");
        for (Generalization g : report.transformation()) {
            row(out, g.column(), Integer.toString(g.level()), Integer.toString(g.levels() - 1));
        }
        out.append("</table>\n<p>Search: ")
                .append(escape(report.search().describe()))
                .append(".</p>\n");
        out.append("<h2>Measures</h2>\n<table><tr><th></th><th>Input</th><th>Output</th></tr>\n");
        for (Report.MeasureRow row : report.measureRows()) {
            out.append("<tr><td>")
                    .append(escape(row.label()))
                    .append("</td><td class=\"n\">")
                    .append(Report.format(row.input()))
                    .append("</td><td class=\"n\">")
                    .append(Report.format(row.output()))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n<h2>Class sizes</h2>\n<table><tr><th>Size</th><th>Input classes</th>")
                .append("<th>Output classes</th><th>Output records</th></tr>\n");
        for (int i = 0; i < report.after().classes().distribution().size(); i++) {
            ClassSizes.SizeBucket in = report.before().classes().distribution().get(i);
            ClassSizes.SizeBucket out2 = report.after().classes().distribution().get(i);
            row(
                    out,
                    in.label(),
                    Long.toString(in.classes()),
                    Long.toString(out2.classes()),
                    Long.toString(out2.records()));
        }
        out.append("</table>\n");
        for (KmResult km : report.setValued()) {
            out.append("<h2>(")
                    .append(km.k())
                    .append(",")
                    .append(km.m())
                    .append(")-anonymity on ")
                    .append(escape(km.column()))
                    .append("</h2>\n<p>Items generalized to level ")
                    .append(km.level())
                    .append(" of ")
                    .append(km.levels() - 1)
                    .append("; ")
                    .append(km.suppressedOccurrences())
                    .append(" of ")
                    .append(km.occurrences())
                    .append(" item occurrences removed (")
                    .append(escape(String.join(", ", km.suppressedItems())))
                    .append("). Violating itemsets: ")
                    .append(km.violationsBefore())
                    .append(" before, ")
                    .append(km.violationsAfter())
                    .append(" after; smallest support after: ")
                    .append(km.smallestSupportAfter())
                    .append(".</p>\n");
        }
        if (!report.removedColumns().isEmpty()) {
            out.append("<p>Removed identifying columns: ")
                    .append(escape(String.join(", ", report.removedColumns())))
                    .append("</p>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    private static void row(StringBuilder out, String... cells) {
        out.append("<tr>");
        for (String cell : cells) {
            out.append("<td>").append(escape(cell)).append("</td>");
        }
        out.append("</tr>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
