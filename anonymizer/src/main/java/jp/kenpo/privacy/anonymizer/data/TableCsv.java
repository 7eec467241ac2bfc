package jp.kenpo.privacy.anonymizer.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jp.kenpo.privacy.anonymizer.AnonymizationException;

/** Reads a table from CSV with a header row, and writes one back in the same form. */
public final class TableCsv {

    private TableCsv() {}

    /**
     * Reads a CSV file whose first row names the columns; {@code specs} turns those names into
     * column specs (types and roles). Errors name the file and line.
     */
    public static Table read(Path file, char separator, Function<List<String>, List<ColumnSpec>> specs) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(separator)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw new AnonymizationException(file + " is empty: the first line must name the columns");
            }
            CsvRecord first = records.next();
            List<String> header = first.getFields();
            checkHeader(Table.describe(file.toString(), false, (int) first.getStartingLineNumber()), header);
            TableBuilder builder = Table.builder(specs.apply(header)).origin(file.toString());
            while (records.hasNext()) {
                CsvRecord record = records.next();
                builder.rowAt(
                        (int) record.getStartingLineNumber(), record.getFields().toArray(String[]::new));
            }
            return builder.build();
        } catch (NoSuchFileException e) {
            throw new AnonymizationException("input file " + file + " does not exist");
        } catch (IOException e) {
            throw new AnonymizationException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (CsvParseException | UncheckedIOException e) {
            throw new AnonymizationException(file + " is not valid CSV: " + e.getMessage(), e);
        }
    }

    // Columns are known by their names alone: a nameless or repeated one could not be given a role.
    private static void checkHeader(String where, List<String> header) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isBlank()) {
                throw new AnonymizationException(where + ": column " + (i + 1) + " of the header has no name");
            }
            Integer earlier = seen.putIfAbsent(name, i);
            if (earlier != null) {
                throw new AnonymizationException(where + ": columns " + (earlier + 1) + " and " + (i + 1)
                        + " of the header are both named '" + name + "'");
            }
        }
    }

    /** Writes the table with a header row, UTF-8, lines ending in LF. */
    public static void write(Table table, Path file, char separator) throws IOException {
        try (CsvWriter writer = CsvWriter.builder()
                .fieldSeparator(separator)
                .lineDelimiter(LineDelimiter.LF)
                .build(file, StandardCharsets.UTF_8)) {
            writer.writeRecord(table.columnNames());
            int columns = table.columns().size();
            String[] row = new String[columns];
            for (int r = 0; r < table.rowCount(); r++) {
                for (int c = 0; c < columns; c++) {
                    row[c] = table.text(r, c);
                }
                writer.writeRecord(row);
            }
        }
    }
}
