package org.piiscanner.scanner.eval;

import java.util.List;
import java.util.Objects;

/**
 * The result of a {@link VectorEvaluation}. Immutable.
 *
 * @param cases all cases read
 * @param unrelated cases about entity types we have no type for (AU_ABN, DATE_TIME, PERSON...)
 * @param ambiguous cases skipped because the same text and recognizer appear with different expectations (the
 *     Presidio test is parametrised by an option the extracted data does not record, e.g. phone leniency)
 * @param withoutExpectation cases about our types that record no expectation (skipped)
 * @param groups pass/fail per recognizer, by name
 * @param notDetected cases about our types that this build has no detector for, per recognizer
 * @param failures every failing case, in file order
 * @param throughput the predictor's speed over the scored cases
 */
public record VectorReport(int cases, int unrelated, int ambiguous, int withoutExpectation,
        List<GroupScore> groups, List<NotDetected> notDetected, List<CaseResult> failures, Throughput throughput) {

    public VectorReport {
        groups = List.copyOf(groups);
        notDetected = List.copyOf(notDetected);
        failures = List.copyOf(failures);
        Objects.requireNonNull(throughput, "throughput");
    }

    /** Cases scored (passed + failed over all groups). */
    public int scored() {
        return groups.stream().mapToInt(GroupScore::cases).sum();
    }

    public int passed() {
        return groups.stream().mapToInt(GroupScore::passed).sum();
    }

    /**
     * Pass/fail of one recognizer's cases.
     *
     * @param group the recognizer (see {@link VectorCase#group()})
     * @param types our types its cases are about, comma-separated
     * @param cases cases scored
     * @param passed cases passed
     * @param failedLowScore failed cases where Presidio itself expects only scores below the reporting threshold
     *     (Presidio reports weak patterns that we report only with context)
     */
    public record GroupScore(String group, String types, int cases, int passed, int failedLowScore) {

        public int failed() {
            return cases - passed;
        }
    }

    /**
     * Cases about one of our types that no enabled detector reports.
     *
     * @param group the recognizer
     * @param types the types without a detector, comma-separated
     * @param cases number of cases
     */
    public record NotDetected(String group, String types, int cases) {
    }

    /**
     * A failing case and what was found instead.
     *
     * @param testCase the case
     * @param found the spans of the case's types that the predictor returned, by position
     * @param presidioLowScore true when Presidio's own expected scores are all below the reporting threshold
     */
    public record CaseResult(VectorCase testCase, List<Span> found, boolean presidioLowScore) {

        public CaseResult {
            Objects.requireNonNull(testCase, "testCase");
            found = List.copyOf(found);
        }
    }
}
