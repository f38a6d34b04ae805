package org.piiscanner.scanner.config;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.DetectorRegistry;
import org.piiscanner.classifiers.EntityType;

/**
 * Reads a retention policy file (YAML, see {@code config/retention.yml}, which documents the format) into
 * {@link RetentionSettings}, strictly: an unknown key, a wrong type, an unknown category or entity type, a bad
 * maximum age or path pattern fails with the file and key path, e.g.
 * {@code retention.yml: rules[2].max-age: expected a number and a unit (d, w, m or y) such as 7y or 35d, got
 * '7 years'}.
 *
 * <p>Stateless and thread-safe.
 */
public final class RetentionConfigLoader {

    static final List<String> ROOT_KEYS = List.of("rules");
    static final List<String> RULE_KEYS = List.of("name", "description", "categories", "entity-types", "sources",
            "paths", "max-age", "from");

    private static final Pattern MAX_AGE = Pattern.compile("([0-9]{1,5})\\s*([dwmy])");

    private RetentionConfigLoader() {
    }

    /**
     * Reads and binds {@code file}.
     *
     * @throws ConfigFileException if the file cannot be read or any setting is invalid; the message starts with
     *     {@code file} as given
     */
    public static RetentionSettings load(Path file) throws ConfigFileException {
        return parse(file.toString(), YamlFiles.read(file));
    }

    /** Binds YAML {@code text}; {@code file} names it in messages. */
    static RetentionSettings parse(String file, String text) throws ConfigFileException {
        YamlValue root = YamlFiles.compose(file, text);
        if (root.isNull()) {
            return RetentionSettings.none();
        }
        YamlValue.Fields f = root.fields(ROOT_KEYS);
        List<RetentionSettings.Rule> rules = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (YamlValue item : f.get("rules").list()) {
            RetentionSettings.Rule rule = rule(item);
            if (!names.add(rule.name().toLowerCase(Locale.ROOT))) {
                throw item.error("another rule is already named '" + rule.name() + "': names identify rules in "
                        + "reports");
            }
            rules.add(rule);
        }
        return new RetentionSettings(rules);
    }

    private static RetentionSettings.Rule rule(YamlValue node) throws ConfigFileException {
        YamlValue.Fields f = node.fields(RULE_KEYS);
        String name = f.required("name").nonBlankText().strip();
        YamlValue descriptionNode = f.get("description");
        String description = descriptionNode.isNull() ? null : descriptionNode.nonBlankText().strip();
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (YamlValue c : f.get("categories").list()) {
            categories.add(c.choice(DataCategory.class, Enum::name));
        }
        Set<String> types = new LinkedHashSet<>();
        for (YamlValue t : f.get("entity-types").list()) {
            types.add(entityType(t));
        }
        List<PathGlob> sources = globs(f.get("sources"));
        List<PathGlob> paths = globs(f.get("paths"));
        RetentionSettings.MaxAge maxAge = maxAge(f.required("max-age"));
        YamlValue fromNode = f.get("from");
        RetentionSettings.AgeBasis from = fromNode.isNull() ? RetentionSettings.AgeBasis.LAST_MODIFIED
                : fromNode.choice(RetentionSettings.AgeBasis.class,
                        b -> b.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return new RetentionSettings.Rule(name, description, categories, types, sources, paths, maxAge, from);
    }

    /** A built-in entity type name; custom types are covered through their category. */
    private static String entityType(YamlValue node) throws ConfigFileException {
        String name = node.nonBlankText().strip();
        if (EntityType.builtIn(name).isPresent()) {
            return name;
        }
        List<String> known = EntityType.builtIns().stream().map(EntityType::name).toList();
        throw node.error("unknown entity type '" + name + "'"
                + DetectorRegistry.closest(name, known).map(s -> " (did you mean '" + s + "'?)").orElse("")
                + "; custom types are covered by a rule for their category");
    }

    private static List<PathGlob> globs(YamlValue node) throws ConfigFileException {
        List<PathGlob> out = new ArrayList<>();
        for (YamlValue item : node.list()) {
            try {
                out.add(PathGlob.of(item.nonBlankText()));
            } catch (IllegalArgumentException e) {
                throw item.error(e.getMessage());
            }
        }
        return out;
    }

    private static RetentionSettings.MaxAge maxAge(YamlValue node) throws ConfigFileException {
        String text = node.text().strip();
        Matcher m = MAX_AGE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            throw node.error("expected a number and a unit (d, w, m or y) such as 7y or 35d, got '" + text + "'");
        }
        ChronoUnit unit = switch (m.group(2)) {
            case "d" -> ChronoUnit.DAYS;
            case "w" -> ChronoUnit.WEEKS;
            case "m" -> ChronoUnit.MONTHS;
            default -> ChronoUnit.YEARS;
        };
        return new RetentionSettings.MaxAge(Integer.parseInt(m.group(1)), unit);
    }
}
