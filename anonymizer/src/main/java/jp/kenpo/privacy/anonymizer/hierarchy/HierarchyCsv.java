package jp.kenpo.privacy.anonymizer.hierarchy;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.kenpo.privacy.anonymizer.AnonymizationException;

/**
 * Reads a hierarchy in the common CSV form: one row per original value, each further field one
 * level coarser, separated by {@code ;} or {@code ,} (ARX's published hierarchies load as they
 * are).
 */
public final class HierarchyCsv {

    private HierarchyCsv() {}

    /** Reads a hierarchy, taking {@code ;} as the separator when the first line has one. */
    public static Hierarchy read(Path file) {
        return read(file, separatorOf(file));
    }

    public static Hierarchy read(Path file, char separator) {
        List<String[]> rows = new ArrayList<>();
        IntArrayList lines = new IntArrayList();
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(separator)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                rows.add(record.getFields().toArray(String[]::new));
                lines.add((int) record.getStartingLineNumber());
            }
        } catch (NoSuchFileException e) {
            throw new AnonymizationException("hierarchy file " + file + " does not exist");
        } catch (IOException e) {
            throw new AnonymizationException("cannot read hierarchy file " + file + ": " + e.getMessage(), e);
        } catch (CsvParseException | UncheckedIOException e) {
            throw new AnonymizationException("hierarchy file " + file + " is not valid CSV: " + e.getMessage(), e);
        }
        return Hierarchy.of(file.toString(), rows, lines.toIntArray());
    }

    /** {@code ;} when the first line of the file has one, else {@code ,}. */
    public static char separatorOf(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            return first != null && first.indexOf(';') >= 0 ? ';' : ',';
        } catch (NoSuchFileException e) {
            throw new AnonymizationException("file " + file + " does not exist");
        } catch (IOException e) {
            throw new AnonymizationException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
