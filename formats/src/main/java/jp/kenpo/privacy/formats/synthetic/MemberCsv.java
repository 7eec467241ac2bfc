package jp.kenpo.privacy.formats.synthetic;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;

/** Writes the member CSV in the header and form the core member import expects (UTF-8, ISO dates). */
public final class MemberCsv implements Closeable {

    public static final String[] HEADER = {
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
        "lost_on"
    };

    private final CsvWriter csv;

    public MemberCsv(Writer out) {
        this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        csv.writeRecord(HEADER);
    }

    public void write(Member m) {
        csv.writeRecord(
                m.key().insurerNumber(),
                m.key().symbol(),
                m.key().number(),
                m.key().branch(),
                m.kind().csv(),
                m.insuredBranch(),
                m.nameKanji(),
                m.nameKana(),
                Integer.toString(m.sex()),
                iso(m.birthDate()),
                iso(m.acquiredOn()),
                iso(m.lostOn()));
    }

    private static String iso(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
