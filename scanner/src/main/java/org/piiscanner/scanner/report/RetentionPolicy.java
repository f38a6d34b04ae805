package org.piiscanner.scanner.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.scanner.config.PathGlob;
import org.piiscanner.scanner.config.RetentionSettings;
import org.piiscanner.scanner.config.RetentionSettings.AgeBasis;
import org.piiscanner.scanner.config.RetentionSettings.Rule;

/**
 * Applies retention rules to a location: for each entity type found there, the first rule (in file order) whose
 * sources, paths and categories or types match applies; a location breaches a rule when its data is older than
 * the rule's maximum age, measured from the rule's basis. Immutable and thread-safe.
 */
final class RetentionPolicy {

    /** Basis names used in breaches. */
    static final String MODIFIED = "MODIFIED";
    static final String CONTAINER_MODIFIED = "CONTAINER_MODIFIED";
    static final String FIRST_SEEN = "FIRST_SEEN";

    private final RetentionSettings settings;

    RetentionPolicy(RetentionSettings settings) {
        this.settings = settings;
    }

    /** The outcome for one location: its breaches, and whether some type found there has no rule. */
    record Outcome(List<RetentionBreach> breaches, boolean uncovered) {
    }

    /**
     * Evaluates the rules for the personal data {@code types} of the location {@code path} of the source
     * {@code locator}, whose data dates from {@code modified} (null if unknown) and was first seen at
     * {@code firstSeen}, as of {@code now}.
     */
    Outcome evaluate(String locator, String path, List<TypeTally> types, Instant modified,
            boolean modifiedFromContainer, Instant firstSeen, Instant now) {
        Map<Rule, List<TypeTally>> applied = new LinkedHashMap<>();
        boolean uncovered = false;
        for (TypeTally t : types) {
            Rule rule = ruleFor(locator, path, t);
            if (rule == null) {
                uncovered = true;
            } else {
                applied.computeIfAbsent(rule, r -> new ArrayList<>()).add(t);
            }
        }
        List<RetentionBreach> breaches = new ArrayList<>();
        List<Map.Entry<Rule, List<TypeTally>>> inRuleOrder = new ArrayList<>(applied.entrySet());
        inRuleOrder.sort(java.util.Comparator.comparingInt(e -> settings.rules().indexOf(e.getKey())));
        for (Map.Entry<Rule, List<TypeTally>> e : inRuleOrder) {
            Rule rule = e.getKey();
            Instant since;
            String basis;
            if (rule.from() == AgeBasis.LAST_MODIFIED && modified != null) {
                since = modified;
                basis = modifiedFromContainer ? CONTAINER_MODIFIED : MODIFIED;
            } else {
                since = firstSeen;
                basis = FIRST_SEEN;
            }
            if (since == null) {
                continue;
            }
            Instant deadline = rule.maxAge().deadline(since);
            if (now.isAfter(deadline)) {
                Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
                e.getValue().forEach(t -> categories.addAll(t.categories()));
                breaches.add(new RetentionBreach(rule, e.getValue().stream().map(TypeTally::entityType).toList(),
                        categories, basis, since, days(since, now), deadline, days(deadline, now)));
            }
        }
        return new Outcome(breaches, uncovered);
    }

    /** The rule that applies to type {@code t} in {@code path} of source {@code locator}, or null. */
    Rule ruleFor(String locator, String path, TypeTally t) {
        for (Rule rule : settings.rules()) {
            if (matches(rule.sources(), locator) && matches(rule.paths(), path) && covers(rule, t)) {
                return rule;
            }
        }
        return null;
    }

    private static boolean covers(Rule rule, TypeTally t) {
        if (rule.coversAllTypes() || rule.entityTypes().contains(t.entityType())) {
            return true;
        }
        for (DataCategory c : t.categories()) {
            if (rule.categories().contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(List<PathGlob> globs, String s) {
        if (globs.isEmpty()) {
            return true;
        }
        for (PathGlob g : globs) {
            if (g.matches(s)) {
                return true;
            }
        }
        return false;
    }

    private static long days(Instant from, Instant to) {
        return Duration.between(from, to).toDays();
    }
}
