package dev.tayori.campaign;

import dev.tayori.config.Suggestions;
import dev.tayori.render.TemplatePath;
import java.nio.file.Path;
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
 * A YAML mapping read from the node tree rather than as plain maps, so every value keeps its line
 * and every complaint can say where to look. Problems are collected, not thrown, so the operator
 * sees all of them at once.
 */
final class YamlMap {
    private final Path file;
    private final int line;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final List<CampaignProblem> problems;

    private YamlMap(Path file, MappingNode node, List<CampaignProblem> problems) {
        this.file = file;
        this.line = lineOf(node);
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                NodeTuple first = entries.putIfAbsent(key.getValue(), tuple);
                if (first != null) {
                    problem(lineOf(key), twice(key.getValue(), first));
                }
            } else {
                problem(lineOf(tuple.getKeyNode()), "a key must be plain text");
            }
        }
    }

    /** YAML would let the second of two equal keys win without a word; the operator edited one of them. */
    private static String twice(String key, NodeTuple first) {
        return "'" + key + "' is given twice (first on line " + lineOf(first.getKeyNode())
                + "); only one can count: delete the one you did not mean";
    }

    static Optional<YamlMap> of(Path file, Node node, List<CampaignProblem> problems, String what) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new YamlMap(file, mapping, problems));
        }
        problems.add(CampaignProblem.at(file, node == null ? 1 : lineOf(node), what + " must be a mapping of keys to values"));
        return Optional.empty();
    }

    int line() {
        return line;
    }

    int lineOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line : lineOf(tuple.getKeyNode());
    }

    void problem(int atLine, String message) {
        problems.add(CampaignProblem.at(file, atLine, message));
    }

    /** Reports keys this mapping does not know, with the nearest known one. */
    void allowOnly(Set<String> known) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                problem(lineOf(e.getValue().getKeyNode()), "unknown key '" + e.getKey() + "'"
                        + Suggestions.didYouMean(e.getKey(), known) + "; known keys: " + String.join(", ", known));
            }
        }
    }

    Optional<String> text(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        if (tuple.getValueNode() instanceof ScalarNode scalar) {
            return oneLine(key, scalar);
        }
        problem(lineOf(tuple.getKeyNode()), "'" + key + "' must be a single value");
        return Optional.empty();
    }

    String required(String key, String example) {
        if (!entries.containsKey(key)) {
            problem(line, "'" + key + "' is missing; for example: " + key + ": " + example);
            return null;
        }
        Optional<String> value = text(key);
        if (value.isPresent() && value.get().isEmpty()) {
            problem(lineOf(key), "'" + key + "' is empty; for example: " + key + ": " + example);
        }
        return value.filter(v -> !v.isEmpty()).orElse(null);
    }

    /** A template: key, a name inside templates/ ({@link TemplatePath#problem}). */
    String templateName(String key, String example) {
        String name = required(key, example);
        String problem = name == null ? null : TemplatePath.problem(name);
        if (problem != null) {
            problem(lineOf(key), "'" + key + "': " + problem);
            return null;
        }
        return name;
    }

    List<YamlMap> list(String key) {
        NodeTuple tuple = entries.get(key);
        List<YamlMap> items = new ArrayList<>();
        if (tuple == null) {
            return items;
        }
        if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
            problem(lineOf(tuple.getKeyNode()), "'" + key + "' must be a list (lines starting with '- ')");
            return items;
        }
        for (Node item : sequence.getValue()) {
            of(file, item, problems, "each item of '" + key + "'").ifPresent(items::add);
        }
        return items;
    }

    /** A whole number between min and max, or {@code fallback} when the key is absent. */
    int number(String key, int fallback, int min, int max) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n < min || n > max) {
                problem(lineOf(key), "'" + key + "' must be between " + min + " and " + max + ", not " + n);
                return fallback;
            }
            return n;
        } catch (NumberFormatException e) {
            problem(lineOf(key), "'" + key + "' must be a whole number, not '" + value.get() + "'");
            return fallback;
        }
    }

    /** A list of plain values, e.g. days: [tuesday, thursday]. */
    List<String> textList(String key) {
        NodeTuple tuple = entries.get(key);
        List<String> items = new ArrayList<>();
        if (tuple == null) {
            return items;
        }
        if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
            problem(lineOf(tuple.getKeyNode()), "'" + key + "' must be a list, e.g. " + key + ": [a, b]");
            return items;
        }
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar) {
                oneLine(key, scalar).ifPresent(items::add);
            } else {
                problem(lineOf(item), "each item of '" + key + "' must be a single value");
            }
        }
        return items;
    }

    /** A mapping of plain keys to plain values, e.g. link-parameters. */
    Map<String, String> textMap(String key) {
        NodeTuple tuple = entries.get(key);
        Map<String, String> values = new LinkedHashMap<>();
        if (tuple == null) {
            return values;
        }
        if (!(tuple.getValueNode() instanceof MappingNode mapping)) {
            problem(lineOf(tuple.getKeyNode()), "'" + key + "' must be a mapping of names to values");
            return values;
        }
        for (NodeTuple entry : mapping.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode k && entry.getValueNode() instanceof ScalarNode v) {
                if (values.containsKey(k.getValue())) {
                    problem(lineOf(k), "'" + k.getValue() + "' is given twice in '" + key + "'; only one can count:"
                            + " delete the one you did not mean");
                }
                oneLine(key + "." + k.getValue(), v).ifPresent(value -> values.put(k.getValue(), value));
            } else {
                problem(lineOf(entry.getKeyNode()), "each entry of '" + key + "' must be name: value");
            }
        }
        return values;
    }

    /**
     * A value as one line of text. A line break or control character (written as "\n" in quotes, or a
     * block with |) would end up in a mail header, where every send of it fails; it is refused here.
     */
    private Optional<String> oneLine(String key, ScalarNode scalar) {
        String value = scalar.getValue().strip();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
                String what = c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029'
                        ? "a line break" : c == '\t' ? "a tab" : "a control character";
                problem(lineOf(scalar), String.format("'%s' has %s in it (U+%04X): write it as one line of plain text",
                        key, what, (int) c));
                return Optional.empty();
            }
        }
        int hidden = PlainText.firstHidden(value);
        if (hidden >= 0) {
            problem(lineOf(scalar), String.format("'%s' has an invisible character in it (%s): readers would"
                    + " see something else than you wrote; delete it", key, PlainText.name(hidden)));
            return Optional.empty();
        }
        // A value of no-break or other spaces and blank fillers reads as nothing: it is as empty as "".
        return Optional.of(PlainText.looksBlank(value) ? "" : value);
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    private static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
