package org.piiscanner.scanner.subject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.piiscanner.scanner.index.LocationIndex;
import org.piiscanner.scanner.index.LocationMatch;
import org.piiscanner.scanner.index.LocationMatches;
import org.piiscanner.scanner.protect.HashedTerm;
import org.piiscanner.scanner.protect.NameQuery;

/**
 * Finds the locations that hold a person's data in the {@link LocationIndex} and ranks them by evidence
 * ({@link EvidenceScorer}).
 *
 * <p>Two kinds of index query, so that a common name cannot crowd out a strong identifier and neither needs to
 * score every location that merely shares a first name:
 * <ol>
 *   <li><em>anchored</em>: locations holding at least one value hash, one identifier word or one whole name of
 *       the request (few locations each);</li>
 *   <li><em>per name</em>: locations holding every part of a name, each part as a name token, a phonetic key or
 *       a plain word (a conjunction: the index intersects the parts' postings instead of scoring the union).</li>
 * </ol>
 * Both score with every term of the request, so each hit knows all the evidence it holds; hits are merged by
 * location, scored, filtered by the minimum score and cut to the limit. Locations matching only part of a name
 * (a surname alone) are found only together with other evidence. Thread-safe if the index is.
 */
final class SubjectSearch {

    /** Lucene weights: they only order candidates within one query (the final order is the evidence score). */
    private static final float VALUE_WEIGHT = 10;
    private static final float IDENTIFIER_WORD_WEIGHT = 3;
    private static final float NAME_WEIGHT = 4;
    private static final float TOKEN_WEIGHT = 1;
    private static final float PHONETIC_WEIGHT = 0.5f;
    private static final float TOKEN_WORD_WEIGHT = 0.3f;

    private final LocationIndex index;
    private final EvidenceScorer scorer = new EvidenceScorer();

    SubjectSearch(LocationIndex index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    /** A location with the evidence it holds. */
    record Candidate(LocationMatch hit, Evidence evidence) {
    }

    /**
     * The ranked result.
     *
     * @param candidates at most {@code limit} locations scoring at least the minimum, best first
     * @param belowMinimum candidates found but scoring under the minimum (not listed)
     * @param truncated true if an index query had more hits than the limit: raise it to see them all
     */
    record Ranked(List<Candidate> candidates, int belowMinimum, boolean truncated) {
    }

    /** Searches for {@code subject}: at most {@code limit} locations scoring at least {@code minScore}. */
    Ranked search(HashedSubject subject, int limit, double minScore) {
        Map<HashedTerm, Float> weights = weights(subject);
        Map<Long, LocationMatch> hits = new LinkedHashMap<>();
        boolean truncated = false;

        List<HashedTerm> anchors = new ArrayList<>();
        for (HashedIdentifier id : subject.identifiers()) {
            if (id.isName()) {
                anchors.add(id.name().full());
            } else {
                anchors.add(id.value());
                if (id.word() != null) {
                    anchors.add(id.word());
                }
            }
        }
        truncated |= collect(index.match(List.of(anchors), weights, limit), hits, limit);

        for (HashedIdentifier id : subject.identifiers()) {
            if (id.isName() && !id.name().tokens().isEmpty()) {
                List<List<HashedTerm>> parts = new ArrayList<>();
                for (NameQuery.Token t : id.name().tokens()) {
                    List<HashedTerm> part = new ArrayList<>();
                    part.add(t.token());
                    part.addAll(t.phonetic());
                    part.add(t.word());
                    parts.add(part);
                }
                truncated |= collect(index.match(parts, weights, limit), hits, limit);
            }
        }

        List<Candidate> candidates = new ArrayList<>();
        int below = 0;
        for (LocationMatch hit : hits.values()) {
            Evidence evidence = scorer.score(subject, hit.matched());
            if (!evidence.isEmpty() && evidence.score() >= minScore) {
                candidates.add(new Candidate(hit, evidence));
            } else {
                below++;
            }
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> c.evidence().score()).reversed()
                .thenComparingLong(c -> c.hit().locationId()));
        if (candidates.size() > limit) {
            candidates = new ArrayList<>(candidates.subList(0, limit));
            truncated = true;
        }
        return new Ranked(List.copyOf(candidates), below, truncated);
    }

    /** Adds the hits (merging the matched terms of a location found twice); true if the query was cut short. */
    private static boolean collect(LocationMatches result, Map<Long, LocationMatch> hits, int limit) {
        for (LocationMatch hit : result.matches()) {
            hits.merge(hit.locationId(), hit, (a, b) -> {
                Set<HashedTerm> matched = new LinkedHashSet<>(a.matched());
                matched.addAll(b.matched());
                return new LocationMatch(a.locationId(), matched, Math.max(a.score(), b.score()));
            });
        }
        return result.totalHits() > limit || !result.totalIsExact() && result.matches().size() >= limit;
    }

    private static Map<HashedTerm, Float> weights(HashedSubject subject) {
        Map<HashedTerm, Float> w = new LinkedHashMap<>();
        for (HashedIdentifier id : subject.identifiers()) {
            if (id.isName()) {
                w.merge(id.name().full(), NAME_WEIGHT, Math::max);
                for (NameQuery.Token t : id.name().tokens()) {
                    w.merge(t.token(), TOKEN_WEIGHT, Math::max);
                    t.phonetic().forEach(p -> w.merge(p, PHONETIC_WEIGHT, Math::max));
                    w.merge(t.word(), TOKEN_WORD_WEIGHT, Math::max);
                }
            } else {
                w.merge(id.value(), (float) (VALUE_WEIGHT * IdentifierTypes.strength(id.type())), Math::max);
                if (id.word() != null) {
                    w.merge(id.word(), IDENTIFIER_WORD_WEIGHT, Math::max);
                }
            }
        }
        return w;
    }
}
