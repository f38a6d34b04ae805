package org.piiscanner.scanner.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Span-level evaluation of a predictor against a labelled corpus, per entity type, in strict and overlap mode
 * (see the package documentation for what is scored and what is counted apart). Stateless and thread-safe; the
 * predictor is called once per text, on the calling thread, and only those calls are timed.
 */
public final class SpanEvaluation {

    private SpanEvaluation() {
    }

    /** Evaluates {@code predictor} on {@code corpus}, mapping corpus labels with {@code mapping}. */
    public static SpanReport evaluate(List<LabelledText> corpus, SpanPredictor predictor, LabelMapping mapping) {
        Map<String, Integer> goldByLabel = new HashMap<>();
        for (LabelledText t : corpus) {
            for (Span s : t.gold()) {
                goldByLabel.merge(s.type(), 1, Integer::sum);
            }
        }
        Map<String, String> scoredLabels = new HashMap<>();
        TreeSet<String> scoredTypes = new TreeSet<>();
        List<SpanReport.NotDetected> notDetected = new ArrayList<>();
        goldByLabel.forEach((label, count) -> {
            Optional<String> type = mapping.type(label);
            if (type.isPresent() && predictor.types().contains(type.get())) {
                scoredLabels.put(label, type.get());
                scoredTypes.add(type.get());
            } else {
                notDetected.add(new SpanReport.NotDetected(label, count, type.orElse(null)));
            }
        });
        notDetected.sort(Comparator.comparingInt((SpanReport.NotDetected n) -> -n.gold())
                .thenComparing(SpanReport.NotDetected::label));

        Map<String, Counts> strict = new TreeMap<>();
        Map<String, Counts> overlap = new TreeMap<>();
        for (String t : scoredTypes) {
            strict.put(t, Counts.ZERO);
            overlap.put(t, Counts.ZERO);
        }
        Map<String, UnscoredTally> unscored = new TreeMap<>();
        Throughput speed = Throughput.NONE;
        int goldSpans = 0;

        for (LabelledText text : corpus) {
            goldSpans += text.gold().size();
            long t0 = System.nanoTime();
            List<Span> predicted = predictor.predict(text.text());
            long nanos = System.nanoTime() - t0;
            speed = speed.plus(1, text.text().length(), Throughput.utf8Length(text.text()), nanos);

            Map<String, List<Span>> goldOf = new LinkedHashMap<>();
            Map<String, List<Span>> predOf = new LinkedHashMap<>();
            for (Span g : text.gold()) {
                String type = scoredLabels.get(g.type());
                if (type != null) {
                    goldOf.computeIfAbsent(type, k -> new ArrayList<>()).add(g);
                }
            }
            for (Span p : predicted) {
                if (scoredTypes.contains(p.type())) {
                    predOf.computeIfAbsent(p.type(), k -> new ArrayList<>()).add(p);
                } else {
                    unscored.computeIfAbsent(p.type(), k -> new UnscoredTally()).add(p, text.gold());
                }
            }
            for (String type : scoredTypes) {
                List<Span> g = goldOf.getOrDefault(type, List.of());
                List<Span> p = predOf.getOrDefault(type, List.of());
                if (g.isEmpty() && p.isEmpty()) {
                    continue;
                }
                strict.merge(type, new Counts(g.size(), p.size(),
                        SpanMatcher.truePositives(g, p, MatchMode.STRICT)), Counts::plus);
                overlap.merge(type, new Counts(g.size(), p.size(),
                        SpanMatcher.truePositives(g, p, MatchMode.OVERLAP)), Counts::plus);
            }
        }

        List<TypeScore> rows = new ArrayList<>();
        Counts allStrict = Counts.ZERO;
        Counts allOverlap = Counts.ZERO;
        for (String type : scoredTypes) {
            rows.add(new TypeScore(type, strict.get(type), overlap.get(type)));
            allStrict = allStrict.plus(strict.get(type));
            allOverlap = allOverlap.plus(overlap.get(type));
        }
        List<SpanReport.Unscored> extra = new ArrayList<>();
        unscored.forEach((type, tally) -> extra.add(
                new SpanReport.Unscored(type, tally.predicted, tally.inside, tally.outside)));
        return new SpanReport(corpus.size(), goldSpans, rows, new TypeScore(TypeScore.ALL, allStrict, allOverlap),
                notDetected, extra, speed);
    }

    /** Counts unscored predictions by the label of the gold span they overlap most. */
    private static final class UnscoredTally {
        int predicted;
        int outside;
        final Map<String, Integer> inside = new HashMap<>();

        void add(Span p, List<Span> gold) {
            predicted++;
            Span best = null;
            int bestOverlap = 0;
            for (Span g : gold) {
                int o = g.intersection(p);
                if (o > bestOverlap) {
                    best = g;
                    bestOverlap = o;
                }
            }
            if (best == null) {
                outside++;
            } else {
                inside.merge(best.type(), 1, Integer::sum);
            }
        }
    }
}
