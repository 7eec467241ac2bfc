package jp.kenpo.privacy.anonymizer.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kenpo.privacy.anonymizer.AnonymizationException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One node of a YAML configuration with its file and line, so that every error can say
 * "C.yaml line 12: …". Reads scalars as the type asked for and refuses keys nobody reads.
 */
final class YamlValue {

    private final String file;
    private final Node node;

    YamlValue(String file, Node node) {
        this.file = file;
        this.node = node;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    /** "C.yaml line 12" */
    String where() {
        return file + " line " + line();
    }

    AnonymizationException error(String message) {
        return new AnonymizationException(where() + ": " + message);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** The entries of a mapping in file order; any key outside {@code allowed} is an error. */
    Map<String, YamlValue> mapping(Set<String> allowed, String what) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(what + " must be a mapping of keys to values");
        }
        Map<String, YamlValue> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlValue key = new YamlValue(file, tuple.getKeyNode());
            String name = key.text(what + " key");
            if (allowed != null && !allowed.contains(name)) {
                throw key.error("unknown key '" + name + "' in " + what + " (expected one of: "
                        + String.join(", ", allowed) + ")");
            }
            if (entries.put(name, new YamlValue(file, tuple.getValueNode())) != null) {
                throw key.error("key '" + name + "' appears twice in " + what);
            }
        }
        return entries;
    }

    List<YamlValue> sequence(String what) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(what + " must be a list");
        }
        List<YamlValue> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            items.add(new YamlValue(file, item));
        }
        return items;
    }

    String text(String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(what + " must be a single value");
        }
        return scalar.getValue();
    }

    int integer(String what) {
        String text = text(what);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw error(what + " must be a whole number, not '" + text + "'");
        }
    }

    double number(String what) {
        String text = text(what);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error(what + " must be a number, not '" + text + "'");
        }
    }

    BigDecimal decimal(String what) {
        String text = text(what);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw error(what + " must be a number, not '" + text + "'");
        }
    }

    char character(String what) {
        String text = text(what);
        String unescaped = text.equals("\\t") ? "\t" : text;
        if (unescaped.length() != 1) {
            throw error(what + " must be one character, not '" + text + "'");
        }
        return unescaped.charAt(0);
    }
}
