package jp.kenpo.privacy.shared;

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
 * A YAML mapping read with its line numbers, so that every complaint about a file the society
 * edits (a catalog version, a release spec) names the line. Unknown keys are refused: a misspelt
 * key must not silently drop a field of the notice or release a default. Each kind of file names
 * its own refusal.
 */
public final class YamlMapping {

    /** Makes the refusal of one kind of file: the file, the 1-based line, the reason. */
    @FunctionalInterface
    public interface Refusal {
        RuntimeException at(String file, int line, String reason);
    }

    private final String file;
    private final Refusal refusal;
    private final MappingNode node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    public YamlMapping(String file, Node node, String what, Refusal refusal) {
        this.file = file;
        this.refusal = refusal;
        if (!(node instanceof MappingNode mapping)) {
            throw refusal.at(file, line(node), what + " must be a mapping of keys to values");
        }
        this.node = mapping;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) {
                throw refusal.at(file, line(tuple.getKeyNode()), "keys must be plain words");
            }
            if (entries.putIfAbsent(key, tuple) != null) {
                throw refusal.at(file, line(tuple.getKeyNode()), "'" + key + "' is given twice");
            }
        }
    }

    public static int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    public int line() {
        return line(node);
    }

    /** The line of the key's value, or of this mapping when the key is absent. */
    public int lineOf(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? line() : line(t.getValueNode());
    }

    public RuntimeException error(String key, String reason) {
        return refusal.at(file, lineOf(key), reason);
    }

    public void allowOnly(Set<String> keys) {
        allowOnly("", keys);
    }

    /** Refuses a key not in {@code keys}; {@code where} (may be empty) says which part of the file. */
    public void allowOnly(String where, Set<String> keys) {
        for (var e : entries.entrySet()) {
            if (!keys.contains(e.getKey())) {
                throw refusal.at(
                        file,
                        line(e.getValue().getKeyNode()),
                        (where.isEmpty() ? "" : where + ": ") + "unknown key '" + e.getKey() + "' (expected one of "
                                + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Optional<String> optionalText(String key) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            return Optional.empty();
        }
        if (!(t.getValueNode() instanceof ScalarNode s)) {
            throw refusal.at(file, line(t.getValueNode()), "'" + key + "' must be a text");
        }
        String value = s.getValue().strip();
        if (value.isEmpty()) {
            throw refusal.at(file, line(s), "'" + key + "' is empty");
        }
        return Optional.of(value);
    }

    public String text(String key) {
        return optionalText(key).orElseThrow(() -> missing(key));
    }

    public int integer(String key) {
        return optionalInteger(key).orElseThrow(() -> missing(key));
    }

    public int integer(String key, int otherwise) {
        return optionalInteger(key).orElse(otherwise);
    }

    private Optional<Integer> optionalInteger(String key) {
        return optionalText(key).map(t -> {
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw error(key, "'" + key + "' must be a whole number");
            }
        });
    }

    public double decimal(String key, double otherwise) {
        return optionalText(key)
                .map(t -> {
                    try {
                        return Double.parseDouble(t);
                    } catch (NumberFormatException e) {
                        throw error(key, "'" + key + "' must be a number");
                    }
                })
                .orElse(otherwise);
    }

    public Optional<Boolean> optionalBoolean(String key) {
        return optionalText(key).map(t -> switch (t) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(key, "'" + key + "' must be true or false");
        });
    }

    public LocalDate date(String key) {
        return optionalDate(key).orElseThrow(() -> missing(key));
    }

    public Optional<LocalDate> optionalDate(String key) {
        return optionalText(key).map(t -> {
            try {
                return LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                throw error(key, "'" + key + "' must be a date YYYY-MM-DD");
            }
        });
    }

    public YamlMapping mapping(String key) {
        return optionalMapping(key).orElseThrow(() -> missing(key));
    }

    public Optional<YamlMapping> optionalMapping(String key) {
        NodeTuple t = entries.get(key);
        return t == null
                ? Optional.empty()
                : Optional.of(new YamlMapping(file, t.getValueNode(), "'" + key + "'", refusal));
    }

    /** A list of mappings; empty when absent and {@code required} is false. */
    public List<YamlMapping> list(String key, boolean required) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            if (required) {
                throw missing(key);
            }
            return List.of();
        }
        if (!(t.getValueNode() instanceof SequenceNode seq)) {
            throw refusal.at(file, line(t.getValueNode()), "'" + key + "' must be a list");
        }
        if (required && seq.getValue().isEmpty()) {
            throw refusal.at(file, line(seq), "'" + key + "' is empty");
        }
        var items = new ArrayList<YamlMapping>();
        for (Node item : seq.getValue()) {
            items.add(new YamlMapping(file, item, "each item of '" + key + "'", refusal));
        }
        return items;
    }

    private RuntimeException missing(String key) {
        return error(key, "'" + key + "' is missing");
    }
}
