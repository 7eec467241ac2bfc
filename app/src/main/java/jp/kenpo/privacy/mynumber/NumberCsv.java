package jp.kenpo.privacy.mynumber;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import jp.kenpo.privacy.formats.StrictTextReader;
import jp.kenpo.privacy.members.ImportProblem;
import jp.kenpo.privacy.members.ImportRejectedException;
import jp.kenpo.privacy.members.MemberKey;

/**
 * Reads the number import file: header {@code member,individual_number}, one member key and one
 * 12-digit number a line. A problem names the line and column and never repeats a number.
 */
final class NumberCsv {

    static final List<String> HEADER = List.of("member", "individual_number");

    record Row(long line, MemberKey member, IndividualNumber number) {}

    record Parsed(List<Row> rows, List<ImportProblem> problems, int rowsRead) {}

    private NumberCsv() {}

    static Parsed read(InputStream in, String source, Charset charset) {
        var rows = new ArrayList<Row>();
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
            CsvRecord header = it.next();
            if (!header.getFields().stream().map(String::strip).toList().equals(HEADER)) {
                throw new ImportRejectedException(
                        source,
                        List.of(new ImportProblem(
                                source,
                                header.getStartingLineNumber(),
                                "",
                                "the header must be exactly " + String.join(",", HEADER))));
            }
            while (it.hasNext()) {
                CsvRecord r = it.next();
                read++;
                long line = r.getStartingLineNumber();
                if (r.getFieldCount() != HEADER.size()) {
                    problems.add(
                            new ImportProblem(source, line, "", "has " + r.getFieldCount() + " fields, expected 2"));
                    continue;
                }
                MemberKey member = null;
                try {
                    member = MemberKey.parse(r.getField(0));
                } catch (IllegalArgumentException e) {
                    problems.add(new ImportProblem(source, line, "member", "not a member key SYMBOL-NUMBER-BRANCH"));
                }
                String problem = IndividualNumber.problem(r.getField(1).strip());
                if (problem != null) {
                    problems.add(new ImportProblem(source, line, "individual_number", problem));
                } else if (member != null) {
                    rows.add(new Row(
                            line, member, IndividualNumber.parse(r.getField(1).strip())));
                }
            }
        } catch (CsvParseException e) {
            // FastCSV's message may quote the line: say only where
            problems.add(new ImportProblem(source, read + 2, "", "not valid CSV"));
            throw new ImportRejectedException(source, problems);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof StrictTextReader.TextEncodingException bad) {
                throw new ImportRejectedException(
                        source,
                        List.of(new ImportProblem(
                                source, bad.line(), "", "bytes that are not valid " + charset.name())));
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(rows, problems, read);
    }
}
