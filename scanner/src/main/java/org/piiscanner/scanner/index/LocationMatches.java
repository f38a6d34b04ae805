package org.piiscanner.scanner.index;

import java.util.List;

/**
 * The best-scoring locations of a {@link LocationIndex#match} search.
 *
 * @param matches at most the requested number, best first (ties by location id)
 * @param totalHits how many locations match
 * @param totalIsExact false when {@code totalHits} is a lower bound
 */
public record LocationMatches(List<LocationMatch> matches, long totalHits, boolean totalIsExact) {

    public LocationMatches {
        matches = List.copyOf(matches);
    }
}
