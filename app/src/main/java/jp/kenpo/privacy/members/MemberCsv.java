package jp.kenpo.privacy.members;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.formats.StrictTextReader;

/**
 * Reads the member import file and checks each row on its own and against the other rows of the
 * file. Checks against the registry happen when the rows are written ({@link MemberImport}).
 */
final class MemberCsv {

    static final List<String> HEADER = List.of(
            "insurer_number",
            "symbol",
            "number",
            "branch",
            "kind",
            "insured_branch",
            "name_kanji",
            "name_kana",
            "sex",
            "birth_date",
            "acquired_on",
            "lost_on");

    record Parsed(List<MemberRow> rows, List<ImportProblem> problems, int rowsRead) {}

    private MemberCsv() {}

    static Parsed read(InputStream in, String source, Charset charset, LocalDate today) {
        var rows = new ArrayList<MemberRow>();
        var problems = new ArrayList<ImportProblem>();
        int read = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(new StrictTextReader(in, source, charset))) {
            var it = csv.iterator();
            if (!it.hasNext()) {
                throw new ImportRejectedException(
                        source, List.of(new ImportProblem(source, 1, "", "the file is empty")));
            }
            checkHeader(it.next(), source);
            while (it.hasNext()) {
                CsvRecord record = it.next();
                read++;
                var rowProblems = new ArrayList<ImportProblem>();
                MemberRow row = row(record, source, today, rowProblems);
                if (row != null) {
                    rows.add(row);
                }
                problems.addAll(rowProblems);
            }
        } catch (CsvParseException e) {
            if (e.getCause() instanceof RuntimeException below && !(below instanceof CsvParseException)) {
                // what failed beneath the parser (a request body read past its limit) is no fault of the file
                throw below;
            }
            String reason =
                    e.getMessage() + (e.getCause() != null ? ": " + e.getCause().getMessage() : "");
            problems.add(new ImportProblem(source, read + 2, "", "not valid CSV (" + reason + ")"));
            throw new ImportRejectedException(source, problems);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof StrictTextReader.TextEncodingException bad) {
                throw new ImportRejectedException(
                        source,
                        List.of(new ImportProblem(
                                source,
                                bad.line(),
                                "",
                                bad.getMessage().substring(bad.getMessage().indexOf(": ") + 2))));
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(acrossRows(rows, source, problems), problems, read);
    }

    private static void checkHeader(CsvRecord header, String source) {
        List<String> fields = header.getFields().stream().map(String::strip).toList();
        if (!fields.equals(HEADER)) {
            for (int i = 0; i < HEADER.size(); i++) {
                String got = i < fields.size() ? fields.get(i) : "(nothing)";
                if (!HEADER.get(i).equals(got)) {
                    throw new ImportRejectedException(
                            source,
                            List.of(new ImportProblem(
                                    source,
                                    header.getStartingLineNumber(),
                                    "",
                                    "header column " + (i + 1) + " is '" + got + "' but should be '" + HEADER.get(i)
                                            + "'; the header is " + String.join(",", HEADER))));
                }
            }
            throw new ImportRejectedException(
                    source,
                    List.of(new ImportProblem(
                            source,
                            header.getStartingLineNumber(),
                            "",
                            "the header has " + fields.size() + " columns; it should be exactly "
                                    + String.join(",", HEADER))));
        }
    }

    private static MemberRow row(CsvRecord record, String source, LocalDate today, List<ImportProblem> problems) {
        long line = record.getStartingLineNumber();
        for (int i = 0; i < record.getFieldCount(); i++) {
            String field = record.getField(i);
            if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                String column = i < HEADER.size() ? HEADER.get(i) : "field " + (i + 1);
                problems.add(new ImportProblem(
                        source, line, column, "runs past the end of its line: a closing quote is missing"));
                return null;
            }
        }
        if (record.getFieldCount() != HEADER.size()) {
            problems.add(new ImportProblem(
                    source, line, "", "has " + record.getFieldCount() + " fields, expected " + HEADER.size()));
            return null;
        }
        var f = new Fields(record, source, line, problems);
        String insurer = f.text("insurer_number", 8);
        String insurerProblem = insurer == null ? null : MemberFieldRules.insurerNumber(insurer);
        if (insurerProblem != null) {
            f.problem("insurer_number", "'" + insurer + "' " + insurerProblem);
        }
        MemberKey key = null;
        try {
            key = new MemberKey(f.raw("symbol"), f.raw("number"), f.raw("branch"));
        } catch (IllegalArgumentException e) {
            String column = e.getMessage().startsWith("symbol")
                    ? "symbol"
                    : e.getMessage().startsWith("number") ? "number" : "branch";
            f.problem(column, e.getMessage());
        }
        MemberKind kind = switch (f.raw("kind")) {
            case "insured" -> MemberKind.INSURED;
            case "dependent" -> MemberKind.DEPENDENT;
            default -> {
                f.problem("kind", "'" + f.raw("kind") + "' must be insured or dependent");
                yield null;
            }
        };
        Optional<MemberKey> insured = Optional.empty();
        String insuredBranch = f.raw("insured_branch");
        if (kind == MemberKind.INSURED && !insuredBranch.isEmpty()) {
            f.problem("insured_branch", "must be empty for an insured person");
        } else if (kind == MemberKind.DEPENDENT) {
            if (insuredBranch.isEmpty()) {
                f.problem("insured_branch", "a dependent must name the insured person's branch");
            } else if (!insuredBranch.matches("[0-9]{2}")) {
                f.problem("insured_branch", "'" + insuredBranch + "' must be two digits");
            } else if (key != null && insuredBranch.equals(key.branch())) {
                f.problem("insured_branch", "a dependent cannot be their own insured person");
            } else if (key != null) {
                insured = Optional.of(key.withBranch(insuredBranch));
            }
        }
        String kanji = f.text("name_kanji", MemberFieldRules.NAME_MAX);
        String kanjiProblem = kanji == null ? null : MemberFieldRules.nameKanji(kanji);
        if (kanjiProblem != null) {
            f.problem("name_kanji", kanjiProblem);
        }
        String kana = f.text("name_kana", MemberFieldRules.NAME_MAX);
        String kanaProblem = kana == null ? null : MemberFieldRules.nameKana(kana);
        if (kanaProblem != null) {
            // never the value: a name is personal data, and what was typed may be a number
            f.problem("name_kana", kanaProblem);
        }
        Sex sex = null;
        try {
            sex = Sex.ofCode(Integer.parseInt(f.raw("sex")));
        } catch (IllegalArgumentException e) {
            f.problem("sex", "'" + f.raw("sex") + "' must be 1 (male) or 2 (female)");
        }
        LocalDate birth = f.date("birth_date");
        String birthProblem = birth == null ? null : MemberFieldRules.birthDate(birth, today);
        if (birthProblem != null) {
            f.problem("birth_date", birth + " " + birthProblem);
        }
        LocalDate acquired = f.date("acquired_on");
        LocalDate lost = f.raw("lost_on").isEmpty() ? null : f.date("lost_on");
        if (acquired != null && birth != null && acquired.isBefore(birth)) {
            f.problem("acquired_on", acquired + " is before the birth date " + birth);
        }
        if (acquired != null && lost != null && !lost.isAfter(acquired)) {
            f.problem("lost_on", lost + " must be after acquired_on " + acquired);
        }
        if (f.failed()) {
            return null;
        }
        return new MemberRow(
                line,
                insurer,
                key,
                kind,
                insured,
                kanji,
                kana,
                sex,
                birth,
                new EligibilityPeriod(acquired, Optional.ofNullable(lost)));
    }

    /** Rows of one member must agree on the person, and their periods must not overlap. */
    private static List<MemberRow> acrossRows(List<MemberRow> rows, String source, List<ImportProblem> problems) {
        var byKey = new HashMap<MemberKey, List<MemberRow>>();
        var kept = new ArrayList<MemberRow>(rows.size());
        for (MemberRow row : rows) {
            List<MemberRow> same = byKey.computeIfAbsent(row.key(), k -> new ArrayList<>(1));
            String problem = null;
            for (MemberRow earlier : same) {
                if (!earlier.samePersonAs(row)) {
                    problem = "member " + row.key() + " is described differently on line " + earlier.line();
                } else if (earlier.period().acquiredOn().equals(row.period().acquiredOn())) {
                    problem = "member " + row.key() + " has a period acquired on "
                            + row.period().acquiredOn() + " already on line " + earlier.line();
                } else if (earlier.period().overlaps(row.period())) {
                    problem = "the period overlaps the period on line " + earlier.line();
                }
                if (problem != null) {
                    break;
                }
            }
            if (problem != null) {
                problems.add(new ImportProblem(source, row.line(), "", problem));
            } else {
                same.add(row);
                kept.add(row);
            }
        }
        return kept;
    }

    /** The fields of one record by column name, collecting what is wrong with them. */
    private static final class Fields {
        private final CsvRecord record;
        private final String source;
        private final long line;
        private final List<ImportProblem> problems;
        private boolean failed;

        Fields(CsvRecord record, String source, long line, List<ImportProblem> problems) {
            this.record = record;
            this.source = source;
            this.line = line;
            this.problems = problems;
        }

        String raw(String column) {
            return record.getField(HEADER.indexOf(column)).strip();
        }

        String text(String column, int maxLength) {
            String value = raw(column);
            String problem = MemberFieldRules.text(value, maxLength);
            if (problem != null) {
                problem(column, problem);
                return null;
            }
            return value;
        }

        LocalDate date(String column) {
            String value = raw(column);
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(column, value.isEmpty() ? "is empty" : "'" + value + "' is not a date YYYY-MM-DD");
                return null;
            }
        }

        void problem(String column, String reason) {
            failed = true;
            problems.add(new ImportProblem(source, line, column, reason));
        }

        boolean failed() {
            return failed;
        }
    }
}
