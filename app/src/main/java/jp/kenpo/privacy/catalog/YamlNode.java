package jp.kenpo.privacy.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read with its line numbers, so that every complaint about a catalog file names
 * the line. Unknown keys are refused: a misspelt key must not silently drop a field of the notice.
 */
final class YamlNode {

    private final String file;
    private final MappingNode node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    YamlNode(String file, Node node, String what) {
        this.file = file;
        if (!(node instanceof MappingNode mapping)) {
            throw new CatalogFileException(file, line(node), what + " must be a mapping of keys to values");
        }
        this.node = mapping;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) {
                throw new CatalogFileException(file, line(tuple.getKeyNode()), "keys must be plain words");
            }
            if (entries.putIfAbsent(key, tuple) != null) {
                throw new CatalogFileException(file, line(tuple.getKeyNode()), "'" + key + "' is given twice");
            }
        }
    }

    static int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    int line() {
        return line(node);
    }

    /** The line of the key's value, or of this mapping when the key is absent. */
    int lineOf(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? line() : line(t.getValueNode());
    }

    CatalogFileException error(String key, String reason) {
        return new CatalogFileException(file, lineOf(key), reason);
    }

    void allowOnly(Set<String> keys) {
        for (var e : entries.entrySet()) {
            if (!keys.contains(e.getKey())) {
                throw new CatalogFileException(
                        file,
                        line(e.getValue().getKeyNode()),
                        "unknown key '" + e.getKey() + "' (expected one of " + String.join(", ", keys) + ")");
            }
        }
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Optional<String> optionalText(String key) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            return Optional.empty();
        }
        if (!(t.getValueNode() instanceof ScalarNode s)) {
            throw new CatalogFileException(file, line(t.getValueNode()), "'" + key + "' must be a text");
        }
        String value = s.getValue().strip();
        if (value.isEmpty()) {
            throw new CatalogFileException(file, line(s), "'" + key + "' is empty");
        }
        return Optional.of(value);
    }

    String text(String key) {
        return optionalText(key).orElseThrow(() -> error(key, "'" + key + "' is missing"));
    }

    int integer(String key) {
        String t = text(key);
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw error(key, "'" + key + "' must be a whole number, not '" + t + "'");
        }
    }

    Optional<Boolean> optionalBoolean(String key) {
        return optionalText(key).map(t -> switch (t) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(key, "'" + key + "' must be true or false, not '" + t + "'");
        });
    }

    LocalDate date(String key) {
        return optionalDate(key).orElseThrow(() -> error(key, "'" + key + "' is missing"));
    }

    Optional<LocalDate> optionalDate(String key) {
        return optionalText(key).map(t -> {
            try {
                return LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                throw error(key, "'" + key + "' must be a date YYYY-MM-DD, not '" + t + "'");
            }
        });
    }

    YamlNode mapping(String key) {
        return optionalMapping(key).orElseThrow(() -> error(key, "'" + key + "' is missing"));
    }

    Optional<YamlNode> optionalMapping(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? Optional.empty() : Optional.of(new YamlNode(file, t.getValueNode(), "'" + key + "'"));
    }

    /** A list of mappings; empty when absent and {@code required} is false. */
    List<YamlNode> list(String key, boolean required) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            if (required) {
                throw error(key, "'" + key + "' is missing");
            }
            return List.of();
        }
        if (!(t.getValueNode() instanceof SequenceNode seq)) {
            throw new CatalogFileException(file, line(t.getValueNode()), "'" + key + "' must be a list");
        }
        if (required && seq.getValue().isEmpty()) {
            throw new CatalogFileException(file, line(seq), "'" + key + "' is empty");
        }
        var items = new ArrayList<YamlNode>();
        for (Node item : seq.getValue()) {
            items.add(new YamlNode(file, item, "each item of '" + key + "'"));
        }
        return items;
    }
}
