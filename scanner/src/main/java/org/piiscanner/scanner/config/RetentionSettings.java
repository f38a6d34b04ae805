package org.piiscanner.scanner.config;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.piiscanner.classifiers.DataCategory;

/**
 * A retention policy as configured ({@code config/retention.yml}, read by {@link RetentionConfigLoader}): rules
 * that say how long personal data of some categories or entity types, optionally in some sources and paths, may
 * be kept. The report package applies them.
 *
 * @param rules the rules in file order (the first rule that matches a type found in a location applies)
 */
public record RetentionSettings(List<Rule> rules) {

    public RetentionSettings {
        rules = List.copyOf(rules);
    }

    /** No rules: nothing is checked. */
    public static RetentionSettings none() {
        return new RetentionSettings(List.of());
    }

    /**
     * One rule.
     *
     * @param name a short name shown in reports ("Financial records")
     * @param description why (the legal basis or policy section), or null
     * @param categories categories it covers (a type matches if its primary or a secondary category is listed)
     * @param entityTypes entity types it covers
     * @param sources globs on the source locator (root path or JDBC URL); empty for every source
     * @param paths globs on the location path (a file, an archive entry, a database table); empty for every path
     * @param maxAge how long the data may be kept
     * @param from what the age is measured from
     */
    public record Rule(String name, String description, Set<DataCategory> categories, Set<String> entityTypes,
            List<PathGlob> sources, List<PathGlob> paths, MaxAge maxAge, AgeBasis from) {

        public Rule {
            Objects.requireNonNull(name, "name");
            categories = Set.copyOf(categories);
            entityTypes = Set.copyOf(entityTypes);
            sources = List.copyOf(sources);
            paths = List.copyOf(paths);
            Objects.requireNonNull(maxAge, "maxAge");
            Objects.requireNonNull(from, "from");
        }

        /** True when the rule names neither categories nor entity types: it covers all personal data. */
        public boolean coversAllTypes() {
            return categories.isEmpty() && entityTypes.isEmpty();
        }
    }

    /**
     * A maximum age: a number of days, weeks, months or years, counted on the calendar (in UTC).
     *
     * @param amount how many units, at least 1
     * @param unit {@code DAYS}, {@code WEEKS}, {@code MONTHS} or {@code YEARS}
     */
    public record MaxAge(int amount, ChronoUnit unit) {

        private static final Set<ChronoUnit> UNITS = Set.of(ChronoUnit.DAYS, ChronoUnit.WEEKS, ChronoUnit.MONTHS,
                ChronoUnit.YEARS);

        public MaxAge {
            if (amount < 1 || !UNITS.contains(unit)) {
                throw new IllegalArgumentException("a maximum age is a positive number of days, weeks, months or "
                        + "years");
            }
        }

        /** The moment data dated {@code start} becomes older than this maximum age. */
        public Instant deadline(Instant start) {
            return start.atOffset(ZoneOffset.UTC).plus(amount, unit).toInstant();
        }

        /** As written in the file: {@code 35d}, {@code 6w}, {@code 18m}, {@code 7y}. */
        public String text() {
            return amount + switch (unit) {
                case DAYS -> "d";
                case WEEKS -> "w";
                case MONTHS -> "m";
                default -> "y";
            };
        }

        /** In words: {@code 35 days}, {@code 7 years}, {@code 1 month}. */
        public String words() {
            String name = unit.name().toLowerCase(java.util.Locale.ROOT);
            return amount + " " + (amount == 1 ? name.substring(0, name.length() - 1) : name);
        }
    }

    /** What the age of personal data in a location is measured from. */
    public enum AgeBasis {
        /**
         * The location's last modification: a file's modification time, for an entry inside an archive or
         * mailbox its container's; when neither is known (database rows), the start of the scan that first
         * recorded the location.
         */
        LAST_MODIFIED,
        /** The start of the scan that first recorded the location (how long it has been known to exist). */
        FIRST_SEEN
    }
}
