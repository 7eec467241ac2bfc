package jp.kenpo.privacy.release;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A mapping of a release spec read with its line numbers, so that each refusal names the line of
 * the field at fault. Unknown keys are refused: a misspelt key must not quietly release a default.
 */
final class SpecNode {

    private final String file;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    SpecNode(String file, Node node, String what) {
        this.file = file;
        this.node = node;
        if (!(node instanceof MappingNode mapping)) {
            throw new ReleaseSpecException(file, line(node), what + " must be a mapping of keys to values");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new ReleaseSpecException(file, line(tuple.getKeyNode()), "keys must be plain words");
            }
            if (entries.putIfAbsent(key.getValue(), tuple) != null) {
                throw new ReleaseSpecException(
                        file, line(tuple.getKeyNode()), "'" + key.getValue() + "' is given twice");
            }
        }
    }

    static int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    int line() {
        return line(node);
    }

    int lineOf(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? line() : line(t.getValueNode());
    }

    ReleaseSpecException error(String key, String reason) {
        return new ReleaseSpecException(file, lineOf(key), reason);
    }

    void allowOnly(String where, Set<String> keys) {
        for (var e : entries.entrySet()) {
            if (!keys.contains(e.getKey())) {
                throw new ReleaseSpecException(
                        file,
                        line(e.getValue().getKeyNode()),
                        where + ": unknown key '" + e.getKey() + "' (expected one of "
                                + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
    }

    Set<String> keys() {
        return entries.keySet();
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
            throw new ReleaseSpecException(file, line(t.getValueNode()), "'" + key + "' must be a text");
        }
        String value = s.getValue().strip();
        if (value.isEmpty()) {
            throw new ReleaseSpecException(file, line(s), "'" + key + "' is empty");
        }
        return Optional.of(value);
    }

    String text(String key) {
        return optionalText(key).orElseThrow(() -> error(key, "'" + key + "' is missing"));
    }

    int integer(String key, int otherwise) {
        Optional<String> t = optionalText(key);
        if (t.isEmpty()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(t.get());
        } catch (NumberFormatException e) {
            throw error(key, "'" + key + "' must be a whole number");
        }
    }

    double decimal(String key, double otherwise) {
        Optional<String> t = optionalText(key);
        if (t.isEmpty()) {
            return otherwise;
        }
        try {
            return Double.parseDouble(t.get());
        } catch (NumberFormatException e) {
            throw error(key, "'" + key + "' must be a number");
        }
    }

    SpecNode mapping(String key) {
        return optionalMapping(key).orElseThrow(() -> error(key, "'" + key + "' is missing"));
    }

    Optional<SpecNode> optionalMapping(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? Optional.empty() : Optional.of(new SpecNode(file, t.getValueNode(), "'" + key + "'"));
    }
}
