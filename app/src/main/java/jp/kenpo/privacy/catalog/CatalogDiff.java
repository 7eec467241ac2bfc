package jp.kenpo.privacy.catalog;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a catalog version changes against another (the one in force), for the officer who
 * publishes it: the purposes added, dropped and changed — field by field, under the names the
 * file gives them — the notice's other texts, and the notice itself as printed, line by line, in
 * both languages. It describes; it does not judge: {@link CatalogRules} says what may not change,
 * and a dropped purpose or a changed meaning is shown here so that the refusal can be understood.
 *
 * @param added    purposes the new version has and the old one had not
 * @param dropped  purposes the old version had and the new one leaves out (never publishable)
 * @param changed  purposes under the same code whose fields differ
 * @param texts    the notice's texts outside the purposes: title, preamble, (ア)(イ)(ウ), headings
 * @param noticeJa the Japanese notice as printed on the day before the new version and on its first day
 * @param noticeEn the same in English
 */
public record CatalogDiff(
        int fromVersion,
        LocalDate fromEffective,
        int toVersion,
        LocalDate toEffective,
        List<Purpose> added,
        List<Purpose> dropped,
        List<PurposeChange> changed,
        List<FieldChange> texts,
        List<NoticeLine> noticeJa,
        List<NoticeLine> noticeEn) {

    /** Unchanged lines shown around each change of the notice; longer runs are folded. */
    static final int CONTEXT = 2;

    public CatalogDiff {
        added = List.copyOf(added);
        dropped = List.copyOf(dropped);
        changed = List.copyOf(changed);
        texts = List.copyOf(texts);
        noticeJa = List.copyOf(noticeJa);
        noticeEn = List.copyOf(noticeEn);
    }

    /** One field that differs, named as in the catalog file ({@code ja}, {@code policy}, {@code preamble[2].en}). */
    public record FieldChange(String field, String before, String after) {}

    /**
     * A purpose whose fields differ.
     *
     * @param text the purpose's text in the new version
     */
    public record PurposeChange(PurposeCode code, Bilingual text, List<FieldChange> fields) {

        /** Fields that carry a purpose's meaning: fixed once published (see {@link CatalogRules}). */
        static final List<String> MEANING = List.of("ja", "flow", "policy", "my_number_use");

        public PurposeChange {
            fields = List.copyOf(fields);
        }

        /** Whether the change alters what the purpose means — which a later version may not do. */
        public boolean changesMeaning() {
            return fields.stream().anyMatch(f -> MEANING.contains(f.field()));
        }
    }

    /**
     * A line of the notice's text form: unchanged, removed or added, with its numbers in the old and
     * new text (0 where it has none); or a run of {@code folded} unchanged lines left out.
     */
    public record NoticeLine(Kind kind, int before, int after, String text, int folded) {

        public enum Kind {
            SAME,
            REMOVED,
            ADDED,
            FOLDED
        }
    }

    /** Whether nothing at all differs, the version number and date aside. */
    public boolean isEmpty() {
        return added.isEmpty() && dropped.isEmpty() && changed.isEmpty() && texts.isEmpty();
    }

    /**
     * @param before the version in force
     * @param after  the new version
     */
    public static CatalogDiff between(CatalogVersion before, CatalogVersion after) {
        Map<PurposeCode, Purpose> old = before.purposesByCode();
        Map<PurposeCode, Purpose> next = after.purposesByCode();
        var added = new ArrayList<Purpose>();
        var changed = new ArrayList<PurposeChange>();
        for (Purpose p : next.values()) {
            Purpose was = old.get(p.code());
            if (was == null) {
                added.add(p);
            } else {
                List<FieldChange> fields = fields(was, p);
                if (!fields.isEmpty()) {
                    changed.add(new PurposeChange(p.code(), p.text(), fields));
                }
            }
        }
        List<Purpose> dropped =
                old.values().stream().filter(p -> !next.containsKey(p.code())).toList();
        // the old notice as it reads on its last day, the new one on its first
        LocalDate lastDay = after.effectiveFrom().minusDays(1);
        LocalDate oldDay = lastDay.isBefore(before.effectiveFrom()) ? before.effectiveFrom() : lastDay;
        return new CatalogDiff(
                before.version(),
                before.effectiveFrom(),
                after.version(),
                after.effectiveFrom(),
                added,
                dropped,
                changed,
                texts(before, after),
                lines(notice(before, oldDay, Language.JA), notice(after, after.effectiveFrom(), Language.JA)),
                lines(notice(before, oldDay, Language.EN), notice(after, after.effectiveFrom(), Language.EN)));
    }

    private static String notice(CatalogVersion version, LocalDate day, Language language) {
        return NoticeRenderer.render(version, day, language, NoticeFormat.TXT);
    }

    private static List<FieldChange> fields(Purpose was, Purpose is) {
        var out = new ArrayList<FieldChange>();
        field(out, "ja", was.text().ja(), is.text().ja());
        field(out, "en", was.text().en(), is.text().en());
        field(out, "flow", was.flow().name(), is.flow().name());
        field(out, "policy", was.policy().name(), is.policy().name());
        field(out, "statute", was.statute().orElse(""), is.statute().orElse(""));
        field(
                out,
                "my_number_use",
                String.valueOf(was.usesIndividualNumbers()),
                String.valueOf(is.usesIndividualNumbers()));
        field(out, "reason", was.reason(), is.reason());
        // the items of anonymized information the notice publishes (APPI Art. 43(3)), one a line
        field(out, "published_items.ja", items(was, Language.JA), items(is, Language.JA));
        field(out, "published_items.en", items(was, Language.EN), items(is, Language.EN));
        field(out, "retired_on", date(was.retiredOn()), date(is.retiredOn()));
        return out;
    }

    private static String items(Purpose p, Language language) {
        return String.join(
                "\n", p.publishedItems().stream().map(i -> i.in(language)).toList());
    }

    private static String date(Optional<LocalDate> date) {
        return date.map(LocalDate::toString).orElse("");
    }

    private static List<FieldChange> texts(CatalogVersion before, CatalogVersion after) {
        var out = new ArrayList<FieldChange>();
        bilingual(out, "title", before.title(), after.title());
        list(out, "preamble", before.preamble(), after.preamble());
        list(out, "consent_model", before.consentModel(), after.consentModel());
        bilingual(out, "record_marker", before.recordMarker(), after.recordMarker());
        for (Category c : after.categories()) {
            String at = "categories[" + c.number() + "]";
            Optional<Category> was = before.category(c.number());
            bilingual(out, at + ".heading", was.map(Category::heading).orElse(null), c.heading());
            bilingual(
                    out,
                    at + ".intro",
                    was.flatMap(Category::intro).orElse(null),
                    c.intro().orElse(null));
            List<PurposeGroup> oldGroups = was.map(Category::groups).orElse(List.of());
            for (int g = 0; g < Math.max(oldGroups.size(), c.groups().size()); g++) {
                bilingual(
                        out,
                        at + ".groups[" + (g + 1) + "].heading",
                        g < oldGroups.size() ? oldGroups.get(g).heading().orElse(null) : null,
                        g < c.groups().size() ? c.groups().get(g).heading().orElse(null) : null);
            }
        }
        for (Category c : before.categories()) {
            if (after.category(c.number()).isEmpty()) {
                bilingual(out, "categories[" + c.number() + "].heading", c.heading(), null);
            }
        }
        return out;
    }

    private static void list(List<FieldChange> out, String name, List<Bilingual> before, List<Bilingual> after) {
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            bilingual(
                    out,
                    name + "[" + (i + 1) + "]",
                    i < before.size() ? before.get(i) : null,
                    i < after.size() ? after.get(i) : null);
        }
    }

    private static void bilingual(List<FieldChange> out, String name, Bilingual before, Bilingual after) {
        field(out, name + ".ja", before == null ? "" : before.ja(), after == null ? "" : after.ja());
        field(out, name + ".en", before == null ? "" : before.en(), after == null ? "" : after.en());
    }

    private static void field(List<FieldChange> out, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            out.add(new FieldChange(name, before, after));
        }
    }

    /** The old and new text line by line (Myers' difference), unchanged runs folded down to their context. */
    static List<NoticeLine> lines(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        var all = new ArrayList<NoticeLine>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            while (i < d.getSource().getPosition()) {
                all.add(new NoticeLine(NoticeLine.Kind.SAME, i + 1, j + 1, a.get(i), 0));
                i++;
                j++;
            }
            for (String line : d.getSource().getLines()) {
                all.add(new NoticeLine(NoticeLine.Kind.REMOVED, ++i, 0, line, 0));
            }
            for (String line : d.getTarget().getLines()) {
                all.add(new NoticeLine(NoticeLine.Kind.ADDED, 0, ++j, line, 0));
            }
        }
        while (i < a.size()) {
            all.add(new NoticeLine(NoticeLine.Kind.SAME, i + 1, j + 1, a.get(i), 0));
            i++;
            j++;
        }
        return folded(all);
    }

    private static List<NoticeLine> folded(List<NoticeLine> all) {
        var out = new ArrayList<NoticeLine>();
        int k = 0;
        while (k < all.size()) {
            if (all.get(k).kind() != NoticeLine.Kind.SAME) {
                out.add(all.get(k++));
                continue;
            }
            int end = k;
            while (end < all.size() && all.get(end).kind() == NoticeLine.Kind.SAME) {
                end++;
            }
            int keepHead = k == 0 ? 0 : CONTEXT;
            int keepTail = end == all.size() ? 0 : CONTEXT;
            if (end - k > keepHead + keepTail + 1) {
                out.addAll(all.subList(k, k + keepHead));
                out.add(new NoticeLine(NoticeLine.Kind.FOLDED, 0, 0, "", end - k - keepHead - keepTail));
                out.addAll(all.subList(end - keepTail, end));
            } else {
                out.addAll(all.subList(k, end));
            }
            k = end;
        }
        return out;
    }
}
