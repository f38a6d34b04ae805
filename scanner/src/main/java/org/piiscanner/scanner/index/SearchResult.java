package org.piiscanner.scanner.index;

import java.util.List;

/**
 * The best-scoring locations of a search.
 *
 * @param hits at most the requested number of hits, best first (ties by location id)
 * @param totalHits how many locations match at least one term
 * @param totalIsExact false when {@code totalHits} is a lower bound (Lucene stops counting past a threshold)
 */
public record SearchResult(List<IndexHit> hits, long totalHits, boolean totalIsExact) {

    public SearchResult {
        hits = List.copyOf(hits);
    }
}
