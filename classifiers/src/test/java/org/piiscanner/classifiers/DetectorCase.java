package org.piiscanner.classifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of a detector's test table. The expected finding is marked in the text with {@code «} and {@code »}
 * (characters that never occur in identifiers); a row without marks expects no finding of the type.
 *
 * <pre>{@code
 * found("NI number: «AB 12 34 56 C»", 0.9, 0.95)   // span, score range
 * none("QQ 12 34 56 A")                            // no finding
 * }</pre>
 */
public record DetectorCase(String marked, double minScore, double maxScore, Boolean testValue, String pattern) {

    /** Expects exactly the marked spans, each scoring within {@code [min, max]}. */
    public static DetectorCase found(String marked, double min, double max) {
        return new DetectorCase(marked, min, max, null, null);
    }

    /** Expects no finding. */
    public static DetectorCase none(String text) {
        return new DetectorCase(text, 0, 0, null, null);
    }

    /** The same expectation, also requiring the test-value flag to equal {@code flag}. */
    public DetectorCase testValue(boolean flag) {
        return new DetectorCase(marked, minScore, maxScore, flag, pattern);
    }

    /** The same expectation, also requiring the explanation's pattern name. */
    public DetectorCase pattern(String name) {
        return new DetectorCase(marked, minScore, maxScore, testValue, name);
    }

    /** The text with the marks removed. */
    public String text() {
        return marked.replace("«", "").replace("»", "");
    }

    /** Expected {@code [start, end)} spans in {@link #text()}. */
    public List<int[]> spans() {
        List<int[]> spans = new ArrayList<>();
        int removed = 0;
        int open = -1;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == '«') {
                open = i - removed;
                removed++;
            } else if (c == '»') {
                spans.add(new int[] {open, i - removed});
                removed++;
            }
        }
        return spans;
    }

    /** Runs {@code engine} on the text and checks findings of {@code type} against this row. */
    public void check(DetectionEngine engine, EntityType type) {
        check(engine, type, DetectionContext.DEFAULT);
    }

    /** As {@link #check(DetectionEngine, EntityType)} with a detection context. */
    public void check(DetectionEngine engine, EntityType type, DetectionContext context) {
        List<Finding> findings = engine.detect(text(), context).stream().filter(f -> f.type().equals(type)).toList();
        List<int[]> expected = spans();
        assertThat(findings).as("findings of %s in '%s': %s", type, text(), findings).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Finding f = findings.get(i);
            assertThat(new int[] {f.start(), f.end()}).as("span of finding %d in '%s'", i, text())
                    .containsExactly(expected.get(i));
            assertThat(f.score()).as("score of '%s' (%s)", text(), f.explanation())
                    .isBetween(minScore, maxScore);
            if (testValue != null) {
                assertThat(f.testValue()).as("test-value flag of '%s'", text()).isEqualTo(testValue);
            }
            if (pattern != null) {
                assertThat(f.explanation().pattern()).as("pattern of '%s'", text()).isEqualTo(pattern);
            }
        }
    }

    @Override
    public String toString() {
        return spans().isEmpty() ? "no match: " + marked
                : String.format(Locale.ROOT, "%s -> [%.2f, %.2f]", marked, minScore, maxScore);
    }
}
