package org.piiscanner.scanner.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.piiscanner.classifiers.DetectorRegistry;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One node of a composed YAML document together with its key path (e.g. {@code detectors.uk_nino.min-score}),
 * read with strict type checks that fail with a {@link ConfigFileException} naming the file and the path.
 *
 * <p>An absent key and an empty ({@code null}) value are the same thing: {@link #isNull()}. Short-lived, not
 * thread-safe.
 */
final class YamlValue {

    private final String file;
    private final String path;
    private final Node node;

    private YamlValue(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** The document's root node ({@code null} for an empty document). */
    static YamlValue root(String file, Node node) {
        return new YamlValue(file, "", node);
    }

    /** True when the key is absent or its value is empty / {@code null} / {@code ~}. */
    boolean isNull() {
        return node == null || (node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()));
    }

    /** An error about this value: {@code file: path: message}. */
    ConfigFileException error(String message) {
        return new ConfigFileException(file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /**
     * This value as a mapping whose keys must all be in {@code allowedKeys} (in the order they are documented);
     * a {@code null} value is an empty mapping.
     */
    Fields fields(List<String> allowedKeys) throws ConfigFileException {
        Map<String, YamlValue> entries = entries();
        for (String key : entries.keySet()) {
            if (!allowedKeys.contains(key)) {
                YamlValue child = entries.get(key);
                throw child.error("unknown key " + DetectorRegistry.closest(key, allowedKeys)
                        .map(s -> "(did you mean '" + s + "'?)")
                        .orElse("(expected one of: " + String.join(", ", allowedKeys) + ")"));
            }
        }
        return new Fields(this, entries);
    }

    /** This value as a mapping with free keys (detector ids, language codes, option names), in file order. */
    Map<String, YamlValue> entries() throws ConfigFileException {
        if (isNull()) {
            return Map.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping, got " + describe());
        }
        Map<String, YamlValue> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || Tag.NULL.equals(key.getTag())) {
                throw error("keys must be plain text");
            }
            String name = key.getValue();
            YamlValue child = new YamlValue(file, path.isEmpty() ? name : path + "." + name, tuple.getValueNode());
            if (entries.putIfAbsent(name, child) != null) {
                throw child.error("duplicate key");
            }
        }
        return entries;
    }

    /** This value as a list; a {@code null} value is an empty list. */
    List<YamlValue> list() throws ConfigFileException {
        if (isNull()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list, got " + describe());
        }
        List<YamlValue> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            items.add(new YamlValue(file, path + "[" + items.size() + "]", item));
        }
        return items;
    }

    /** A list of non-blank texts. */
    List<String> texts() throws ConfigFileException {
        List<String> out = new ArrayList<>();
        for (YamlValue item : list()) {
            out.add(item.nonBlankText());
        }
        return out;
    }

    /** A list of regular expressions, each checked to compile. */
    List<String> regexes() throws ConfigFileException {
        List<String> out = new ArrayList<>();
        for (YamlValue item : list()) {
            out.add(item.regex());
        }
        return out;
    }

    /** The text of a scalar, exactly as written ({@code on}, {@code 007} and {@code 1e3} stay text). */
    String text() throws ConfigFileException {
        if (isNull()) {
            throw error("expected a text value, got nothing");
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw error("expected a text value, got " + describe());
        }
        return scalar.getValue();
    }

    String nonBlankText() throws ConfigFileException {
        String text = text();
        if (text.isBlank()) {
            throw error("must not be blank");
        }
        return text;
    }

    /** A regular expression that compiles. */
    String regex() throws ConfigFileException {
        String regex = nonBlankText();
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw error("invalid regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
        return regex;
    }

    /** A number (integer or decimal, unquoted) in {@code [min, max]}. */
    double number(double min, double max) throws ConfigFileException {
        if (!(node instanceof ScalarNode scalar)
                || !(Tag.INT.equals(scalar.getTag()) || Tag.FLOAT.equals(scalar.getTag()))) {
            throw error("expected a number, got " + describe());
        }
        double value;
        try {
            value = Double.parseDouble(scalar.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error("expected a number, got " + describe());
        }
        if (!(value >= min && value <= max)) {
            throw error("must be between " + format(min) + " and " + format(max) + ", got " + scalar.getValue());
        }
        return value;
    }

    /** A whole number (unquoted) in {@code [min, max]}. */
    int wholeNumber(int min, int max) throws ConfigFileException {
        if (!(node instanceof ScalarNode scalar) || !Tag.INT.equals(scalar.getTag())) {
            throw error("expected a whole number, got " + describe());
        }
        long value;
        try {
            value = Long.parseLong(scalar.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error("expected a whole number, got " + describe());
        }
        if (value < min || value > max) {
            throw error("must be between " + min + " and " + max + ", got " + scalar.getValue());
        }
        return (int) value;
    }

    /** {@code true} or {@code false} (unquoted, any case). */
    boolean bool() throws ConfigFileException {
        if (node instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())) {
            String v = scalar.getValue().toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("false")) {
                return v.equals("true");
            }
        }
        throw error("expected true or false, got " + describe());
    }

    /**
     * One of an enum's constants, written in any case with {@code -} or {@code _}; {@code display} renders the
     * constants in the error message.
     */
    <E extends Enum<E>> E choice(Class<E> type, Function<E, String> display) throws ConfigFileException {
        String given = isNull() || !(node instanceof ScalarNode) ? null : text();
        if (given != null) {
            String key = given.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(key)) {
                    return constant;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(display.apply(constant));
        }
        throw error("expected one of " + String.join(", ", names) + "; got " + describe());
    }

    /** An option value: a scalar, or a list of scalars joined with commas. */
    String optionValue() throws ConfigFileException {
        if (node instanceof SequenceNode) {
            return String.join(",", texts());
        }
        return text();
    }

    private String describe() {
        if (isNull()) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        String v = ((ScalarNode) node).getValue();
        return "'" + (v.length() > 40 ? v.substring(0, 37) + "..." : v) + "'";
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** The checked keys of a mapping, read one by one with defaults for absent keys. */
    static final class Fields {
        private final YamlValue owner;
        private final Map<String, YamlValue> entries;

        private Fields(YamlValue owner, Map<String, YamlValue> entries) {
            this.owner = owner;
            this.entries = entries;
        }

        /** The value of {@code key}; {@link YamlValue#isNull()} when absent. */
        YamlValue get(String key) {
            YamlValue v = entries.get(key);
            return v != null ? v : new YamlValue(owner.file, owner.path.isEmpty() ? key : owner.path + "." + key, null);
        }

        /** The value of a key that must be present and non-empty. */
        YamlValue required(String key) throws ConfigFileException {
            YamlValue v = get(key);
            if (v.isNull()) {
                throw owner.error("missing key '" + key + "'");
            }
            return v;
        }

        double number(String key, double defaultValue, double min, double max) throws ConfigFileException {
            YamlValue v = get(key);
            return v.isNull() ? defaultValue : v.number(min, max);
        }

        int wholeNumber(String key, int defaultValue, int min, int max) throws ConfigFileException {
            YamlValue v = get(key);
            return v.isNull() ? defaultValue : v.wholeNumber(min, max);
        }

        boolean bool(String key, boolean defaultValue) throws ConfigFileException {
            YamlValue v = get(key);
            return v.isNull() ? defaultValue : v.bool();
        }
    }
}
