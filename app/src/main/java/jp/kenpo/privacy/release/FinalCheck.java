package jp.kenpo.privacy.release;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.shared.NumberMask;

/**
 * The independent last look before a release may leave (APPI Art. 43(1), PPC Rules Art. 34): it
 * reads the written files back, knowing nothing of how they were made, and refuses the release if
 * a cell equals a member key, a name, a 記号・番号 or an insurer number of any member of the
 * registry, if a cell holds what may be an individual number (12 digits passing the check digit,
 * however written), if a pseudonym column holds anything but pseudonyms, if a column is not one the
 * spec releases under a published item, or if a class of the persons table is smaller than k.
 * Refusals name the file, line and column, never the value.
 */
final class FinalCheck {

    private final Set<String> identifiers = new HashSet<>();
    /**
     * 記号・番号 as "記号-番号", apart: where 記号 is a number such as 2025 and 番号 one such as 10, it
     * reads as a year-month, which a month column holds by design (seen at 1,000,000 generated
     * members: 記号 1000 to 7665, and 4,807 members whose 記号-番号 reads as a
     * month of 1900–2099). A calendar year-month in a column of months (a date coarsened,
     * or a person's birth, enrolment or withdrawal month) is a month; the same text in any other column is refused.
     */
    private final Set<String> symbolNumbers = new HashSet<>();

    FinalCheck(Iterable<Member> registry) {
        for (Member m : registry) {
            identifiers.add(m.key().toString());
            symbolNumbers.add(m.key().symbol() + "-" + m.key().number());
            // not the parts run together: 記号 and 番号 are short digit strings, which points and counts would match
            identifiers.add(m.insurerNumber());
            addName(m.nameKanji());
            addName(m.nameKana());
        }
    }

    private void addName(String name) {
        if (name != null && !name.isBlank()) {
            identifiers.add(name.strip());
            identifiers.add(name.replace(" ", "").replace("\u3000", ""));
        }
    }

    /** Checks every table of the spec in {@code staging}; returns the rows counted in each file. */
    Map<String, Long> check(Path staging, ReleaseSpec spec, Set<String> publishedItems) {
        return check(staging, spec, publishedItems, Map.of());
    }

    /**
     * As {@link #check(Path, ReleaseSpec, Set)}, the classes of the persons counted over the
     * cumulative person table (STABLE, Rule 34(5)): the file's rows and {@code heldEarlier}, the rows
     * the recipient holds from earlier releases (pseudonym → quasi-identifier → value as generalised
     * now) whose pseudonym the file does not restate.
     */
    Map<String, Long> check(
            Path staging, ReleaseSpec spec, Set<String> publishedItems, Map<String, Map<String, String>> heldEarlier) {
        List<ReleaseTable> tables = new ArrayList<>();
        for (ReleaseTable table : ReleaseTable.values()) {
            if (spec.releases(table)) {
                tables.add(table);
            }
        }
        // the tables are read side by side; a refusal is that of the first failing table in the
        // spec's order, so the same files are always refused for the same reason
        List<Object> outcomes = tables.parallelStream()
                .map(table -> {
                    try {
                        return (Object) checkTable(
                                staging,
                                spec,
                                table,
                                publishedItems,
                                table == ReleaseTable.PERSONS ? heldEarlier : Map.of());
                    } catch (RuntimeException e) {
                        return e;
                    }
                })
                .toList();
        Map<String, Long> rows = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            if (outcomes.get(i) instanceof RuntimeException e) {
                throw e;
            }
            rows.put(tables.get(i).fileName(), (Long) outcomes.get(i));
        }
        return rows;
    }

    private long checkTable(
            Path staging,
            ReleaseSpec spec,
            ReleaseTable table,
            Set<String> publishedItems,
            Map<String, Map<String, String>> heldEarlier) {
        Path file = staging.resolve(table.fileName() + ".csv");
        String name = file.getFileName().toString();
        Map<String, Integer> classes = new HashMap<>();
        long rows = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw refuse(name, 1, "the file has no header");
            }
            List<String> header = split(headerLine, name, 1);
            boolean[] pseudonym = new boolean[header.size()];
            boolean[] monthly = new boolean[header.size()];
            int personColumn = header.indexOf("person");
            Set<String> inFile = new HashSet<>();
            List<Integer> quasi = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                ReleaseSpec.SpecColumn specColumn = spec.tables().get(table).stream()
                        .filter(s -> s.column().name().equals(column))
                        .findFirst()
                        .orElseThrow(() -> refuse(name, 1, "column '" + column + "' is not in the spec"));
                // APPI Art. 43(3): only the published items may leave
                if (!publishedItems.contains(specColumn.item())) {
                    throw refuse(name, 1, "column '" + column + "' is under no published item of 9.1");
                }
                pseudonym[c] = specColumn.column().rule() == ColumnRule.PSEUDONYM;
                monthly[c] = specColumn.column().holdsMonths();
                if (table == ReleaseTable.PERSONS && specColumn.column().rule() == ColumnRule.QUASI) {
                    quasi.add(c);
                }
            }
            int line = 1;
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                line++;
                rows++;
                List<String> cells = split(l, name, line);
                if (cells.size() != header.size()) {
                    throw refuse(name, line, "the row has " + cells.size() + " cells, the header " + header.size());
                }
                for (int c = 0; c < cells.size(); c++) {
                    String cell = cells.get(c);
                    if (cell.isEmpty()) {
                        continue;
                    }
                    String column = header.get(c);
                    if (pseudonym[c]) {
                        if (!Pseudonyms.looksLikePseudonym(cell)) {
                            throw refuse(name, line, "column '" + column + "' holds something other than a pseudonym");
                        }
                        continue;
                    }
                    String stripped = cell.strip();
                    if (identifiers.contains(stripped)
                            || (symbolNumbers.contains(stripped) && !(monthly[c] && isYearMonth(stripped)))) {
                        throw refuse(
                                name,
                                line,
                                "column '" + column + "' equals a member's key, name, 記号・番号 or insurer number");
                    }
                    if (NumberMask.holdsNumber(cell)) {
                        throw refuse(name, line, "column '" + column + "' holds what may be an individual number");
                    }
                }
                if (!quasi.isEmpty()) {
                    StringBuilder key = new StringBuilder();
                    for (int c : quasi) {
                        key.append(cells.get(c)).append('\u0001');
                    }
                    classes.merge(key.toString(), 1, Integer::sum);
                }
                if (personColumn >= 0) {
                    inFile.add(cells.get(personColumn));
                }
            }
            for (Map.Entry<String, Map<String, String>> held : heldEarlier.entrySet()) {
                if (inFile.contains(held.getKey())) {
                    continue;
                }
                StringBuilder key = new StringBuilder();
                for (int c : quasi) {
                    key.append(held.getValue().getOrDefault(header.get(c), "")).append('\u0001');
                }
                classes.merge(key.toString(), 1, Integer::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int k = spec.thresholds().k();
        for (int size : classes.values()) {
            if (size < k) {
                throw refuse(
                        name,
                        0,
                        "a class of the quasi-identifiers holds " + size + " persons, fewer than k = " + k
                                + (heldEarlier.isEmpty()
                                        ? ""
                                        : ", counting the persons the recipient holds from earlier releases"));
            }
        }
        return rows;
    }

    private static ReleaseRefusedException refuse(String file, int line, String reason) {
        return new ReleaseRefusedException("final check", file + (line > 0 ? ":" + line : "") + ": " + reason);
    }

    /** One line of RFC 4180 CSV as the release writes it (no cell spans lines). */
    static List<String> split(String line, String file, int number) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw refuse(file, number, "a quoted cell is not closed");
        }
        cells.add(cell.toString());
        return cells;
    }

    private static boolean isYearMonth(String cell) {
        if (cell.length() != 7 || cell.charAt(4) != '-') {
            return false;
        }
        try {
            YearMonth.parse(cell);
            return true;
        } catch (DateTimeParseException notAMonth) {
            return false;
        }
    }
}
