package org.piiscanner.scanner.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts one-to-one matches between gold and predicted spans of one type: each gold span and each predicted span
 * is used at most once, so a prediction covering two gold spans counts once and duplicates do not inflate recall.
 *
 * <p>Overlap mode matches greedily by descending intersection over union (ties: earlier gold, then earlier
 * prediction). With the 0.5 threshold a span can reach it with two disjoint spans only in the exact-halves case,
 * where greedy matching is still maximal. Stateless and thread-safe.
 */
public final class SpanMatcher {

    private SpanMatcher() {
    }

    /** The number of matched pairs; types of the spans are not compared (callers pass one type's spans). */
    public static int truePositives(List<Span> gold, List<Span> predicted, MatchMode mode) {
        if (gold.isEmpty() || predicted.isEmpty()) {
            return 0;
        }
        record Pair(int g, int p, double iou) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int g = 0; g < gold.size(); g++) {
            for (int p = 0; p < predicted.size(); p++) {
                if (mode.matches(gold.get(g), predicted.get(p))) {
                    pairs.add(new Pair(g, p, gold.get(g).iou(predicted.get(p))));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((Pair x) -> -x.iou)
                .thenComparingInt(x -> gold.get(x.g).start())
                .thenComparingInt(x -> predicted.get(x.p).start()));
        boolean[] goldUsed = new boolean[gold.size()];
        boolean[] predUsed = new boolean[predicted.size()];
        int matched = 0;
        for (Pair pair : pairs) {
            if (!goldUsed[pair.g] && !predUsed[pair.p]) {
                goldUsed[pair.g] = true;
                predUsed[pair.p] = true;
                matched++;
            }
        }
        return matched;
    }
}
