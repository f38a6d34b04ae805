package org.piiscanner.scanner.eval;

import java.util.List;
import java.util.Objects;

/**
 * One Presidio recognizer unit-test case: a text and what Presidio's recognizer is expected to find in it.
 *
 * @param line 1-based line of the case in its JSONL file
 * @param sourceFile the Presidio test file it was extracted from
 * @param testFunction the test function (its semantics define the case)
 * @param recognizer the Presidio recognizer under test; null when the source does not name one
 * @param entities the Presidio entity labels requested; empty when the source gives none
 * @param text the test string (published test data, not personal data)
 * @param expectedCount how many results Presidio expects, or {@link #NO_EXPECTATION} when the case records none
 * @param expectedOffsets the expected {@code [start, end)} offsets, empty when the case checks only the count
 * @param expectedMaxScore the highest score Presidio's test allows for any result, or {@code NaN} when it sets none
 */
public record VectorCase(int line, String sourceFile, String testFunction, String recognizer, List<String> entities,
        String text, int expectedCount, List<Offsets> expectedOffsets, double expectedMaxScore) {

    /** The expected count of a case that records no expectation (e.g. a test of a value sanitiser). */
    public static final int NO_EXPECTATION = -1;

    public VectorCase {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(testFunction, "testFunction");
        entities = List.copyOf(entities);
        Objects.requireNonNull(text, "text");
        expectedOffsets = List.copyOf(expectedOffsets);
        if (expectedCount < NO_EXPECTATION) {
            throw new IllegalArgumentException("negative expected count");
        }
    }

    /** False when the case records neither an expected count nor expected offsets. */
    public boolean hasExpectation() {
        return expectedCount != NO_EXPECTATION;
    }

    /**
     * The name cases are grouped under: the recognizer, or one derived from the test file
     * ({@code test_credit_card_recognizer.py} gives {@code CreditCardRecognizer}).
     */
    public String group() {
        if (recognizer != null && !recognizer.isBlank()) {
            return recognizer;
        }
        String base = sourceFile.substring(sourceFile.lastIndexOf('/') + 1);
        base = base.replaceFirst("^test_", "").replaceFirst("\\.py$", "");
        StringBuilder sb = new StringBuilder();
        for (String part : base.split("_")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }

    /**
     * An expected range.
     *
     * @param start inclusive
     * @param end exclusive
     */
    public record Offsets(int start, int end) implements Comparable<Offsets> {

        @Override
        public int compareTo(Offsets o) {
            return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
        }

        @Override
        public String toString() {
            return "[" + start + "," + end + ")";
        }
    }
}
