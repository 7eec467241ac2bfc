package jp.kenpo.privacy.anonymizer.config;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.kenpo.privacy.anonymizer.AnonymizationException;
import jp.kenpo.privacy.anonymizer.hierarchy.CodeRule;

/**
 * A file of code ranges for one level of a code rule: one range a line, {@code from;to;label}
 * (the label may be left out; {@code ,} works as the separator too).
 */
final class RangesFile {

    private RangesFile() {}

    static CodeRule.Ranges read(Path file) {
        List<CodeRule.Range> ranges = new ArrayList<>();
        char separator = jp.kenpo.privacy.anonymizer.hierarchy.HierarchyCsv.separatorOf(file);
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(separator)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                String where = file + " line " + record.getStartingLineNumber();
                if (record.getFieldCount() < 2 || record.getFieldCount() > 3) {
                    throw new AnonymizationException(where + ": expected from" + separator + "to" + separator
                            + "label, found " + record.getFieldCount() + " field(s)");
                }
                try {
                    ranges.add(new CodeRule.Range(
                            record.getField(0),
                            record.getField(1),
                            record.getFieldCount() == 3 ? record.getField(2) : null));
                } catch (AnonymizationException e) {
                    throw new AnonymizationException(where + ": " + e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            throw new AnonymizationException("range file " + file + " does not exist");
        } catch (IOException e) {
            throw new AnonymizationException("cannot read range file " + file + ": " + e.getMessage(), e);
        }
        return new CodeRule.Ranges(file.toString(), ranges);
    }
}
