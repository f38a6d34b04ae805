package org.piiscanner.classifiers;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Detects personal data in the values of one structured field (a database column) whose content is already known
 * from a sample: most values of an e-mail column are one e-mail address, most values of a name column are one
 * person's name. Such a value is checked first for what the column holds, cheaply, and only a value that is not
 * that goes through the whole engine:
 *
 * <ol>
 *   <li>a <b>name column</b> (the sample found person names) whose value has the shape of a name (one to five
 *       words of letters, with apostrophes, hyphens and full stops inside; not a placeholder such as "unknown"
 *       or "n/a") is reported as one {@code PERSON} finding, pattern {@value #NAME_COLUMN_PATTERN}, score
 *       {@value #NAME_COLUMN_SCORE}, without running the name model over it;</li>
 *   <li>a <b>typed column</b> (the sample found only structured types, such as {@code EMAIL_ADDRESS}) runs an engine
 *       restricted to those types; if it reports a finding spanning the whole value (surrounding spaces aside),
 *       its findings are the answer;</li>
 *   <li>anything else (free text, a value the column's own types do not explain) runs the full engine, so an odd
 *       value (a phone number in an e-mail column) is still found.</li>
 * </ol>
 *
 * <p>Immutable and thread-safe when its engines are (they are).
 */
public final class ColumnValueDetector {

    /** The pattern of a name-column finding. */
    public static final String NAME_COLUMN_PATTERN = "PERSON (name column)";

    /** The score of a name-column finding: the top of the name model's range, for a sampled name column. */
    public static final double NAME_COLUMN_SCORE = 0.85;

    static final int MAX_NAME_LENGTH = 80;
    static final int MAX_NAME_WORDS = 5;

    /** Values of name columns that stand for no one. */
    static final Set<String> PLACEHOLDERS = Set.of("unknown", "none", "null", "nil", "n.a.", "na", "test",
            "tbc", "tbd", "anonymous", "anon", "redacted", "deleted", "removed", "withheld", "customer", "user",
            "admin", "administrator", "guest", "not known", "not given", "not provided", "not applicable",
            "no name", "test user", "dummy", "sample", "example", "various", "other", "x", "xx", "xxx");

    private final DetectionEngine full;
    private final DetectionEngine typed;
    private final boolean nameColumn;
    private final DetectionContext context;

    private ColumnValueDetector(DetectionEngine full, DetectionEngine typed, boolean nameColumn,
            DetectionContext context) {
        this.full = Objects.requireNonNull(full, "full");
        this.typed = typed;
        this.nameColumn = nameColumn;
        this.context = Objects.requireNonNull(context, "context");
    }

    /** A detector that runs the full engine over every value (free text, or a column of unknown content). */
    public static ColumnValueDetector fullText(DetectionEngine full, DetectionContext context) {
        return new ColumnValueDetector(full, null, false, context);
    }

    /**
     * A detector for a column known to hold person names; {@code typed} (or null) is tried next for values that
     * are not name-shaped.
     */
    public static ColumnValueDetector nameColumn(DetectionEngine full, DetectionEngine typed,
            DetectionContext context) {
        return new ColumnValueDetector(full, typed, true, context);
    }

    /** A detector for a column known to hold the types {@code typed} reports (an engine restricted to them). */
    public static ColumnValueDetector typedColumn(DetectionEngine full, DetectionEngine typed,
            DetectionContext context) {
        return new ColumnValueDetector(full, Objects.requireNonNull(typed, "typed"), false, context);
    }

    /** The findings of one value, offsets into {@code value}, sorted as {@link DetectionEngine#detect} sorts. */
    public List<Finding> detect(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && Character.isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return List.of();
        }
        if (nameColumn && nameShaped(value, start, end)) {
            Explanation why = new Explanation("person_name", NAME_COLUMN_PATTERN, NAME_COLUMN_SCORE,
                    Validation.NOT_APPLICABLE, List.of(), NAME_COLUMN_SCORE, "");
            return List.of(new Finding(EntityType.PERSON, start, end, NAME_COLUMN_SCORE, false, why,
                    value.substring(start, end)));
        }
        if (typed != null) {
            List<Finding> found = typed.detect(value, context);
            for (Finding f : found) {
                if (f.start() == start && f.end() == end) {
                    return found;
                }
            }
        }
        return full.detect(value, context);
    }

    /**
     * True if {@code s[start, end)} reads as a person's name: 1 to {@value #MAX_NAME_WORDS} words separated by
     * single spaces (or ", " once, for "Surname, Given"), each word letters with inner apostrophes, hyphens or a
     * final full stop (initials), at least one word of two letters or more, and not a placeholder.
     */
    static boolean nameShaped(String s, int start, int end) {
        if (end - start > MAX_NAME_LENGTH) {
            return false;
        }
        int words = 0;
        int longest = 0;
        boolean comma = false;
        int i = start;
        while (i < end) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
            int letters = 0;
            int ws = i;
            while (i < end && s.charAt(i) != ' ' && s.charAt(i) != ',') {
                char c = s.charAt(i);
                if (Character.isLetter(c)) {
                    letters++;
                } else if (c == '\'' || c == '\u2019' || c == '-') {
                    if (i + 1 >= end || !Character.isLetter(s.charAt(i + 1))) {
                        return false;
                    }
                } else if (c == '.') {
                    if (i + 1 < end && s.charAt(i + 1) != ' ' && s.charAt(i + 1) != ',') {
                        return false;
                    }
                } else {
                    return false;
                }
                i++;
            }
            if (i == ws) {
                return false;
            }
            words++;
            longest = Math.max(longest, letters);
            if (i < end && s.charAt(i) == ',') {
                if (comma) {
                    return false;
                }
                comma = true;
                i++;
            }
            if (i < end) {
                if (s.charAt(i) != ' ' || i + 1 >= end) {
                    return false;
                }
                i++;
            }
        }
        return words <= MAX_NAME_WORDS && longest >= 2
                && !PLACEHOLDERS.contains(s.substring(start, end).toLowerCase(Locale.ROOT));
    }
}
