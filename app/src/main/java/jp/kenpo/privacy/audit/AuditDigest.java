package jp.kenpo.privacy.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.kenpo.privacy.shared.BadRequestException;

/**
 * The heads of the trail's chains at an instant, with one hash over them all. Kept outside the
 * database (printed, mailed, filed by the auditor), a digest makes any later change of the
 * entries before those heads provable: their chains no longer lead to the heads it lists.
 */
public record AuditDigest(Instant takenAt, List<Head> heads, String digest) {

    private static final String FIRST_LINE = "kenpo-privacy audit digest v1";

    /** The last entry of a chain ({@code chainSeq} 0: the chain was empty). */
    public record Head(int chain, long chainSeq, String hash) {}

    public AuditDigest {
        heads = List.copyOf(heads);
    }

    static AuditDigest of(Instant takenAt, List<Head> heads) {
        return new AuditDigest(takenAt, heads, EntryHash.sha256(body(takenAt, heads)));
    }

    private static String body(Instant takenAt, List<Head> heads) {
        var sb = new StringBuilder(FIRST_LINE)
                .append('\n')
                .append("taken ")
                .append(takenAt)
                .append('\n');
        heads.forEach(h -> sb.append("chain ")
                .append(h.chain())
                .append(' ')
                .append(h.chainSeq())
                .append(' ')
                .append(h.hash())
                .append('\n'));
        return sb.toString();
    }

    /** The digest as the text file an operator keeps. */
    public String text() {
        return body(takenAt, heads) + "digest " + digest + "\n";
    }

    /**
     * Reads a digest file back.
     *
     * @throws BadRequestException when the file is not a digest or was edited (its digest line no longer matches)
     */
    public static AuditDigest parse(String text) {
        List<String> lines =
                text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        try {
            if (lines.size() < 3
                    || !lines.get(0).equals(FIRST_LINE)
                    || !lines.get(1).startsWith("taken ")
                    || !lines.get(lines.size() - 1).startsWith("digest ")) {
                throw new IllegalArgumentException("not an audit digest");
            }
            Instant taken = Instant.parse(lines.get(1).substring(6));
            var heads = new ArrayList<Head>();
            for (String line : lines.subList(2, lines.size() - 1)) {
                String[] f = line.split(" ");
                if (f.length != 4 || !f[0].equals("chain") || !f[3].matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException("not a chain head: " + line);
                }
                heads.add(new Head(Integer.parseInt(f[1]), Long.parseLong(f[2]), f[3]));
            }
            AuditDigest read = of(taken, heads);
            if (!read.digest().equals(lines.get(lines.size() - 1).substring(7))) {
                throw new IllegalArgumentException("its digest line does not match its heads: the file was changed");
            }
            return read;
        } catch (RuntimeException e) {
            throw new BadRequestException("digest", "the digest file cannot be used: " + e.getMessage());
        }
    }
}
