package org.piiscanner.scanner.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.config.ContextSettings;
import org.piiscanner.classifiers.config.ContextWordSettings;
import org.piiscanner.classifiers.config.CustomDetectorSettings;
import org.piiscanner.classifiers.config.CustomPattern;
import org.piiscanner.classifiers.config.DenyListSettings;
import org.piiscanner.classifiers.config.DetectionSettings;
import org.piiscanner.classifiers.config.DetectorSettings;
import org.piiscanner.classifiers.config.TestValuePolicy;

/**
 * Reads a detector configuration file (YAML, kebab-case keys, see {@code config/detectors.yml}) into
 * {@link DetectionSettings}, rejecting unknown keys, wrong types and out-of-range values with a message that names
 * the file and the key path. Absent keys take the built-in defaults of {@link DetectionSettings#defaults()}.
 *
 * <p>Detector ids and detector options are not checked here: {@code DetectionEngine.Builder} knows the detectors
 * and rejects unknown ones. Stateless and thread-safe.
 */
public final class DetectorConfigLoader {

    static final List<String> ROOT_KEYS = List.of("min-score", "test-values", "context", "detectors",
            "custom-detectors", "deny-lists", "allow-list", "allow-patterns");
    static final List<String> CONTEXT_KEYS = List.of("window-before", "window-after", "similarity-factor",
            "min-score-with-context", "negative-factor", "negative-window-before", "negative-window-after",
            "stop-at-paragraph");
    static final List<String> DETECTOR_KEYS = List.of("enabled", "min-score", "context", "options");
    static final List<String> WORDS_KEYS = List.of("positive", "negative", "replace-defaults");
    static final List<String> CUSTOM_KEYS = List.of("id", "entity-type", "category", "patterns", "context");
    static final List<String> PATTERN_KEYS = List.of("name", "regex", "score", "context-required");
    static final List<String> DENY_KEYS = List.of("id", "entity-type", "category", "values", "score");

    /** Score of a deny-list match when the file gives none. */
    static final double DEFAULT_DENY_LIST_SCORE = 1.0;

    private static final Pattern DETECTOR_ID = Pattern.compile("[a-z][a-z0-9_]{1,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final int MAX_WINDOW = 10_000;

    private DetectorConfigLoader() {
    }

    /**
     * Reads and binds {@code file}.
     *
     * @throws ConfigFileException if the file cannot be read or any setting is invalid; the message starts with
     *     {@code file} as given
     */
    public static DetectionSettings load(Path file) throws ConfigFileException {
        return parse(file.toString(), YamlFiles.read(file));
    }

    /** Binds YAML {@code text}; {@code file} names it in messages. */
    static DetectionSettings parse(String file, String text) throws ConfigFileException {
        return bind(YamlFiles.compose(file, text));
    }

    private static DetectionSettings bind(YamlValue root) throws ConfigFileException {
        DetectionSettings defaults = DetectionSettings.defaults();
        if (root.isNull()) {
            return defaults;
        }
        YamlValue.Fields f = root.fields(ROOT_KEYS);
        double minScore = f.number("min-score", defaults.minScore(), 0, 1);
        YamlValue testValuesNode = f.get("test-values");
        TestValuePolicy testValues = testValuesNode.isNull() ? defaults.testValues()
                : testValuesNode.choice(TestValuePolicy.class, p -> p.name().toLowerCase(Locale.ROOT));
        ContextSettings context = context(f.get("context"), defaults.context());
        Map<String, DetectorSettings> detectors = new LinkedHashMap<>();
        for (Map.Entry<String, YamlValue> e : f.get("detectors").entries().entrySet()) {
            detectors.put(e.getKey(), detector(e.getValue()));
        }
        List<CustomDetectorSettings> custom = new ArrayList<>();
        for (YamlValue item : f.get("custom-detectors").list()) {
            custom.add(customDetector(item));
        }
        List<DenyListSettings> denyLists = new ArrayList<>();
        for (YamlValue item : f.get("deny-lists").list()) {
            denyLists.add(denyList(item));
        }
        List<String> allowList = f.get("allow-list").texts();
        List<String> allowPatterns = f.get("allow-patterns").regexes();
        return new DetectionSettings(minScore, context, detectors, custom, denyLists, allowList, allowPatterns,
                testValues);
    }

    private static ContextSettings context(YamlValue node, ContextSettings d) throws ConfigFileException {
        YamlValue.Fields f = node.fields(CONTEXT_KEYS);
        return new ContextSettings(
                f.wholeNumber("window-before", d.windowBefore(), 0, MAX_WINDOW),
                f.wholeNumber("window-after", d.windowAfter(), 0, MAX_WINDOW),
                f.number("similarity-factor", d.similarityFactor(), 0, 1),
                f.number("min-score-with-context", d.minScoreWithContext(), 0, 1),
                f.number("negative-factor", d.negativeFactor(), 0, 1),
                f.wholeNumber("negative-window-before", d.negativeWindowBefore(), 0, MAX_WINDOW),
                f.wholeNumber("negative-window-after", d.negativeWindowAfter(), 0, MAX_WINDOW),
                f.bool("stop-at-paragraph", d.stopAtParagraph()));
    }

    private static DetectorSettings detector(YamlValue node) throws ConfigFileException {
        YamlValue.Fields f = node.fields(DETECTOR_KEYS);
        YamlValue min = f.get("min-score");
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, YamlValue> e : f.get("options").entries().entrySet()) {
            options.put(e.getKey(), e.getValue().optionValue());
        }
        return new DetectorSettings(f.bool("enabled", true), min.isNull() ? null : min.number(0, 1),
                contextWords(f.get("context")), options);
    }

    private static Map<String, ContextWordSettings> contextWords(YamlValue node) throws ConfigFileException {
        Map<String, ContextWordSettings> byLanguage = new LinkedHashMap<>();
        for (Map.Entry<String, YamlValue> e : node.entries().entrySet()) {
            YamlValue words = e.getValue();
            if (!LANGUAGE.matcher(e.getKey()).matches()) {
                throw words.error("expected a lower-case ISO 639 language code such as 'en'");
            }
            YamlValue.Fields f = words.fields(WORDS_KEYS);
            byLanguage.put(e.getKey(), new ContextWordSettings(f.get("positive").texts(), f.get("negative").texts(),
                    f.bool("replace-defaults", false)));
        }
        return byLanguage;
    }

    private static CustomDetectorSettings customDetector(YamlValue node) throws ConfigFileException {
        YamlValue.Fields f = node.fields(CUSTOM_KEYS);
        String id = detectorId(f.required("id"));
        DataCategory category = category(f.required("category"));
        String type = entityType(f.required("entity-type"), f.get("category"), category);
        List<YamlValue> patternNodes = f.required("patterns").list();
        if (patternNodes.isEmpty()) {
            throw f.get("patterns").error("must list at least one pattern");
        }
        List<CustomPattern> patterns = new ArrayList<>();
        for (YamlValue p : patternNodes) {
            YamlValue.Fields pf = p.fields(PATTERN_KEYS);
            patterns.add(new CustomPattern(pf.required("name").nonBlankText(), pf.required("regex").regex(),
                    pf.required("score").number(0, 1), pf.bool("context-required", false)));
        }
        return new CustomDetectorSettings(id, type, category, patterns, contextWords(f.get("context")));
    }

    private static DenyListSettings denyList(YamlValue node) throws ConfigFileException {
        YamlValue.Fields f = node.fields(DENY_KEYS);
        String id = detectorId(f.required("id"));
        DataCategory category = category(f.required("category"));
        String type = entityType(f.required("entity-type"), f.get("category"), category);
        List<String> values = f.required("values").texts();
        if (values.isEmpty()) {
            throw f.get("values").error("must list at least one value");
        }
        return new DenyListSettings(id, type, category, values,
                f.number("score", DEFAULT_DENY_LIST_SCORE, 0, 1));
    }

    private static String detectorId(YamlValue node) throws ConfigFileException {
        String id = node.text();
        if (!DETECTOR_ID.matcher(id).matches()) {
            throw node.error("expected lower-case letters, digits and '_' (2-64 characters, starting with a "
                    + "letter), got '" + id + "'");
        }
        return id;
    }

    private static DataCategory category(YamlValue node) throws ConfigFileException {
        return node.choice(DataCategory.class, Enum::name);
    }

    /** Checks a custom entity type name the way the library will (format, not a built-in name). */
    private static String entityType(YamlValue node, YamlValue categoryNode, DataCategory category)
            throws ConfigFileException {
        String name = node.text();
        if (category == DataCategory.SPECIAL_CATEGORY) {
            throw categoryNode.error("custom types cannot be SPECIAL_CATEGORY (it needs an Art. 9 subtype)");
        }
        try {
            EntityType.custom(name, category);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
        return name;
    }
}
