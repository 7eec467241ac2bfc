package jp.kenpo.privacy.catalog;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kenpo.privacy.shared.YamlMapping;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a catalog version from its YAML file and checks it on its own (unique codes, each under
 * its category, a statute for every LEGAL purpose, published items for anonymized information).
 * Checks against the versions already published, and of the codes' order, are {@link CatalogRules}'.
 */
public final class CatalogFile {

    private static final int MAX_BYTES = 1_000_000;

    private CatalogFile() {}

    /** A version as read, with where its parts are in the file. */
    record Parsed(CatalogVersion version, SourceLines lines) {}

    public static CatalogVersion parse(String source, String file) {
        return read(source, file).version();
    }

    /**
     * A version as it was published. {@code numberUseStated} is false for the versions published
     * before purposes stated {@code my_number_use} (database version 14): those are read with the
     * rule that was in force when they were published, so that a purpose keeps what it allowed.
     */
    static CatalogVersion parsePublished(String source, String file, boolean numberUseStated) {
        return read(source, file, numberUseStated).version();
    }

    static Parsed read(String source, String file) {
        return read(source, file, true);
    }

    private static Parsed read(String source, String file, boolean numberUseStated) {
        if (source.length() > MAX_BYTES) {
            throw new CatalogFileException(file, 0, "the file is larger than " + MAX_BYTES + " characters");
        }
        Node root;
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            // compose builds nodes only: no object of the file's choosing is ever constructed
            root = new Yaml(options).compose(new StringReader(source));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new CatalogFileException(file, line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new CatalogFileException(file, 0, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new CatalogFileException(file, 0, "the file is empty");
        }
        return read(new YamlMapping(file, root, "the catalog", CatalogFileException::new), file, numberUseStated);
    }

    private static Parsed read(YamlMapping doc, String file, boolean numberUseStated) {
        doc.allowOnly(Set.of(
                "version", "effective_from", "title", "preamble", "consent_model", "record_marker", "categories"));
        int version = doc.integer("version");
        if (version < 1) {
            throw doc.error("version", "'version' must be 1 or more");
        }
        var categories = new ArrayList<Category>();
        var seenCodes = new HashMap<PurposeCode, Integer>();
        var categoryLines = new HashMap<Integer, Integer>();
        int expectedCategory = 1;
        for (YamlMapping c : doc.list("categories", true)) {
            Category category = category(c, seenCodes, file, numberUseStated);
            categoryLines.put(category.number(), c.line());
            if (category.number() != expectedCategory) {
                throw c.error(
                        "number",
                        "category " + category.number() + " is out of order: expected category " + expectedCategory);
            }
            expectedCategory++;
            categories.add(category);
        }
        var read = new CatalogVersion(
                version,
                doc.date("effective_from"),
                bilingual(doc.mapping("title")),
                doc.list("preamble", false).stream().map(CatalogFile::bilingual).toList(),
                doc.list("consent_model", true).stream()
                        .map(CatalogFile::bilingual)
                        .toList(),
                bilingual(doc.mapping("record_marker")),
                categories);
        return new Parsed(
                read, new SourceLines(doc.lineOf("version"), doc.lineOf("effective_from"), categoryLines, seenCodes));
    }

    private static Category category(
            YamlMapping c, Map<PurposeCode, Integer> seenCodes, String file, boolean numberUseStated) {
        c.allowOnly(Set.of("number", "heading", "intro", "groups"));
        int number = c.integer("number");
        var groups = new ArrayList<PurposeGroup>();
        for (YamlMapping g : c.list("groups", true)) {
            g.allowOnly(Set.of("heading", "purposes"));
            var purposes = new ArrayList<Purpose>();
            for (YamlMapping p : g.list("purposes", true)) {
                Purpose purpose = purpose(p, number, numberUseStated);
                Integer previous = seenCodes.putIfAbsent(purpose.code(), p.line());
                if (previous != null) {
                    throw p.error(
                            "code",
                            "purpose code " + purpose.code() + " is used twice (first on line " + previous + ")");
                }
                purposes.add(purpose);
            }
            groups.add(new PurposeGroup(g.optionalMapping("heading").map(CatalogFile::bilingual), purposes));
        }
        return new Category(
                number,
                bilingual(c.mapping("heading")),
                c.optionalMapping("intro").map(CatalogFile::bilingual),
                groups);
    }

    private static Purpose purpose(YamlMapping p, int category, boolean numberUseStated) {
        p.allowOnly(Set.of(
                "code",
                "ja",
                "en",
                "flow",
                "policy",
                "statute",
                "my_number_use",
                "reason",
                "published_items",
                "retired_on"));
        PurposeCode code;
        try {
            code = PurposeCode.parse(p.text("code"));
        } catch (IllegalArgumentException e) {
            throw p.error("code", e.getMessage());
        }
        if (code.category() != category) {
            throw p.error("code", "purpose code " + code + " is listed under category " + category);
        }
        Flow flow = enumValue(p, "flow", Flow.class);
        ConsentPolicy policy = enumValue(p, "policy", ConsentPolicy.class);
        Optional<String> statute = p.optionalText("statute");
        if (policy == ConsentPolicy.LEGAL && statute.isEmpty()) {
            throw p.error("policy", "purpose " + code + " is LEGAL: name the statute in 'statute'");
        }
        if (policy == ConsentPolicy.DEEMED && statute.isPresent()) {
            throw p.error("statute", "purpose " + code + " is DEEMED: a statute belongs only to LEGAL purposes");
        }
        boolean numbers = numberUseStated
                ? p.optionalBoolean("my_number_use").orElse(false)
                : p.optionalBoolean("my_number_use").orElseGet(() -> usedNumbersBeforeTheField(flow, statute));
        if (numbers && policy != ConsentPolicy.LEGAL) {
            // 番号法第9条: numbers serve only the work the Act itself defines, never a use by consent
            throw p.error(
                    "my_number_use",
                    "purpose " + code + " is DEEMED: individual numbers may be used only for "
                            + "the work the My Number Act defines (番号法第9条), a LEGAL purpose");
        }
        if (!numbers && (flow == Flow.MY_NUMBER_RECEIPT || flow == Flow.MY_NUMBER_PROVISION)) {
            // the info-linkage exchanges records under individual numbers (番号法第19条第8号)
            throw p.error(
                    "flow",
                    "purpose " + code + " is an info-linkage flow of the My Number Act: "
                            + "it uses individual numbers, say so with 'my_number_use: true'");
        }
        List<Bilingual> items = p.list("published_items", false).stream()
                .map(CatalogFile::bilingual)
                .toList();
        if (flow == Flow.ANONYMIZED_INFORMATION && items.isEmpty()) {
            // APPI Art. 43(3): the items of anonymized information must be published.
            throw p.error("flow", "purpose " + code + " creates anonymized information: list its 'published_items'");
        }
        if (flow != Flow.ANONYMIZED_INFORMATION && !items.isEmpty()) {
            throw p.error("published_items", "only anonymized information has published items");
        }
        Bilingual text = new Bilingual(p.text("ja"), p.text("en"));
        for (Bilingual item : items) {
            if (!text.ja().contains(item.ja())) {
                throw p.error("published_items", "published item '" + item.ja() + "' is not in the text of " + code);
            }
        }
        return new Purpose(
                code, text, flow, policy, statute, numbers, p.text("reason"), items, p.optionalDate("retired_on"));
    }

    /** How versions published before the field existed marked a My Number purpose: by flow or statute. */
    private static boolean usedNumbersBeforeTheField(Flow flow, Optional<String> statute) {
        return flow == Flow.MY_NUMBER_PROVISION
                || flow == Flow.MY_NUMBER_RECEIPT
                || statute.filter(s -> s.startsWith("番号法")).isPresent();
    }

    private static <E extends Enum<E>> E enumValue(YamlMapping node, String key, Class<E> type) {
        String value = node.text(key);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw node.error(
                    key,
                    "'" + value + "' is not a " + key + "; expected one of "
                            + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Bilingual bilingual(YamlMapping node) {
        node.allowOnly(Set.of("ja", "en"));
        return new Bilingual(node.text("ja"), node.text("en"));
    }
}
