package org.piiscanner.scanner.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores Presidio recognizer test vectors case by case: a case about our types passes when the predictor returns
 * exactly {@code expected_len} spans of those types and, when the case gives offsets, exactly those offsets.
 * Other types' findings in the same text are ignored (a vector tests one recognizer).
 *
 * <p>Presidio's expectations are not always right for a UK scanner (see Appendix B of the identifiers spec): a
 * failure is a prompt to look, not automatically a defect. Failures where Presidio itself only expects a score
 * below the reporting threshold are counted apart. Stateless and thread-safe.
 */
public final class VectorEvaluation {

    private VectorEvaluation() {
    }

    /**
     * Evaluates the cases.
     *
     * @param lowScore the reporting threshold: failures where every score Presidio's test allows is below it are
     *     counted as "Presidio low score" (e.g. {@code 0.4}, the default minimum score)
     */
    public static VectorReport evaluate(List<VectorCase> cases, SpanPredictor predictor, LabelMapping mapping,
            double lowScore) {
        Map<String, Set<String>> expectations = new HashMap<>();
        for (VectorCase c : cases) {
            List<String> types = mapping.types(c);
            if (!types.isEmpty() && c.hasExpectation()) {
                expectations.computeIfAbsent(key(c, types), k -> new HashSet<>()).add(expectation(c));
            }
        }
        int unrelated = 0;
        int ambiguous = 0;
        int withoutExpectation = 0;
        Map<String, GroupTally> groups = new TreeMap<>();
        Map<String, VectorReport.NotDetected> notDetected = new TreeMap<>();
        List<VectorReport.CaseResult> failures = new ArrayList<>();
        Throughput speed = Throughput.NONE;

        for (VectorCase c : cases) {
            List<String> types = mapping.types(c);
            if (types.isEmpty()) {
                unrelated++;
                continue;
            }
            List<String> missing = types.stream().filter(t -> !predictor.types().contains(t)).toList();
            if (!missing.isEmpty()) {
                String joined = String.join(",", missing);
                notDetected.merge(c.group() + "\u0000" + joined, new VectorReport.NotDetected(c.group(), joined, 1),
                        (a, b) -> new VectorReport.NotDetected(a.group(), a.types(), a.cases() + b.cases()));
                continue;
            }
            if (!c.hasExpectation()) {
                withoutExpectation++;
                continue;
            }
            if (expectations.get(key(c, types)).size() > 1) {
                ambiguous++;
                continue;
            }
            long t0 = System.nanoTime();
            List<Span> predicted = predictor.predict(c.text());
            long nanos = System.nanoTime() - t0;
            speed = speed.plus(1, c.text().length(), Throughput.utf8Length(c.text()), nanos);

            List<Span> found = new ArrayList<>();
            for (Span s : predicted) {
                if (types.contains(s.type())) {
                    found.add(s);
                }
            }
            found.sort(Span.BY_POSITION);
            boolean pass = passes(c, found);
            boolean low = !pass && c.expectedCount() > 0 && !Double.isNaN(c.expectedMaxScore())
                    && c.expectedMaxScore() < lowScore;
            groups.computeIfAbsent(c.group(), g -> new GroupTally(String.join(",", types))).add(pass, low);
            if (!pass) {
                failures.add(new VectorReport.CaseResult(c, found, low));
            }
        }
        List<VectorReport.GroupScore> scores = new ArrayList<>();
        groups.forEach((g, t) -> scores.add(new VectorReport.GroupScore(g, t.types, t.cases, t.passed, t.low)));
        return new VectorReport(cases.size(), unrelated, ambiguous, withoutExpectation, scores,
                new ArrayList<>(notDetected.values()), failures, speed);
    }

    /** True when {@code found} (one case's types, sorted by position) meets the case's expectation. */
    static boolean passes(VectorCase c, List<Span> found) {
        if (found.size() != c.expectedCount()) {
            return false;
        }
        if (c.expectedOffsets().isEmpty()) {
            return true;
        }
        List<VectorCase.Offsets> expected = new ArrayList<>(c.expectedOffsets());
        expected.sort(null);
        if (expected.size() != found.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i).start() != found.get(i).start() || expected.get(i).end() != found.get(i).end()) {
                return false;
            }
        }
        return true;
    }

    private static String key(VectorCase c, List<String> types) {
        return c.group() + "\u0000" + String.join(",", types) + "\u0000" + c.text();
    }

    private static String expectation(VectorCase c) {
        List<VectorCase.Offsets> sorted = new ArrayList<>(c.expectedOffsets());
        sorted.sort(null);
        return c.expectedCount() + " " + sorted;
    }

    private static final class GroupTally {
        final String types;
        int cases;
        int passed;
        int low;

        GroupTally(String types) {
            this.types = types;
        }

        void add(boolean pass, boolean lowScore) {
            cases++;
            if (pass) {
                passed++;
            } else if (lowScore) {
                low++;
            }
        }
    }
}
