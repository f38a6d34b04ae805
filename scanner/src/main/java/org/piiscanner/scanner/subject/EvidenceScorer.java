package org.piiscanner.scanner.subject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.piiscanner.scanner.protect.HashedTerm;
import org.piiscanner.scanner.protect.NameQuery;

/**
 * Scores what a location holds of a person, from the request's terms it holds: the same rules for an index hit
 * (the terms the index says the location holds) and for a location re-read at verification (the terms its
 * current content gives), so "found" and "still present" mean the same thing.
 *
 * <p>Each identifier contributes its strongest match:
 * <table>
 *   <caption>Strength of a match</caption>
 *   <tr><th>match</th><th>strength</th></tr>
 *   <tr><td>exact value</td><td>the type's strength ({@link IdentifierTypes}): 0.95 NINO ... 0.85 phone ...
 *       0.25 date of birth, 0.2 postcode</td></tr>
 *   <tr><td>value as a plain word</td><td>{@value #WORD_FACTOR} x the type's strength</td></tr>
 *   <tr><td>full name</td><td>{@value #NAME_FULL}</td></tr>
 *   <tr><td>every part of the name as name tokens</td><td>{@value #NAME_TOKENS}</td></tr>
 *   <tr><td>every part, some by phonetic key or as plain words</td><td>{@value #NAME_VARIANT}</td></tr>
 *   <tr><td>some parts as name tokens</td><td>{@value #NAME_PARTIAL}</td></tr>
 * </table>
 * (a one-word name counts {@value #SINGLE_TOKEN_FACTOR} of these), and the location's score is
 * {@code 1 - product(1 - strength)}: independent pieces of evidence reinforce each other without ever reaching 1.
 * So one strong identifier (0.85+) outranks a full name with a date of birth (0.625), which outranks a full name
 * alone (0.5), which outranks a name in parts.
 *
 * <p>Phonetic keys are coarse: Double Metaphone gives Jane, John and Joan one key, so "John Smith" is a spelling
 * variant of "Jane Smith". That is why a variant alone stays at low confidence, and why a name alone never makes a
 * location certain: the other identifiers do. Stateless and thread-safe.
 */
final class EvidenceScorer {

    static final double WORD_FACTOR = 0.6;
    static final double NAME_FULL = 0.5;
    static final double NAME_TOKENS = 0.45;
    static final double NAME_VARIANT = 0.3;
    static final double NAME_PARTIAL = 0.1;
    static final double SINGLE_TOKEN_FACTOR = 0.6;

    /** The evidence {@code present} gives of {@code subject}. */
    Evidence score(HashedSubject subject, Set<HashedTerm> present) {
        List<IdentifierMatch> matches = new ArrayList<>();
        for (HashedIdentifier id : subject.identifiers()) {
            IdentifierMatch m = id.isName() ? name(id, present) : identifier(id, present);
            if (m != null) {
                matches.add(m);
            }
        }
        if (matches.isEmpty()) {
            return Evidence.NONE;
        }
        matches.sort(Comparator.comparingDouble(IdentifierMatch::strength).reversed()
                .thenComparingInt(IdentifierMatch::identifier));
        double none = 1;
        for (IdentifierMatch m : matches) {
            none *= 1 - m.strength();
        }
        double score = Math.round((1 - none) * 1000) / 1000.0;
        return new Evidence(score, Confidence.of(score), matches);
    }

    private static IdentifierMatch identifier(HashedIdentifier id, Set<HashedTerm> present) {
        double strength = IdentifierTypes.strength(id.type());
        if (present.contains(id.value())) {
            return new IdentifierMatch(id.number(), id.type(), MatchKind.EXACT, strength);
        }
        if (id.word() != null && present.contains(id.word())) {
            return new IdentifierMatch(id.number(), id.type(), MatchKind.WORD, round(strength * WORD_FACTOR));
        }
        return null;
    }

    private static IdentifierMatch name(HashedIdentifier id, Set<HashedTerm> present) {
        NameQuery name = id.name();
        double factor = name.tokens().size() < 2 ? SINGLE_TOKEN_FACTOR : 1;
        if (present.contains(name.full())) {
            return new IdentifierMatch(id.number(), id.type(), MatchKind.NAME_FULL, round(NAME_FULL * factor));
        }
        int asToken = 0;
        int anyWay = 0;
        for (NameQuery.Token t : name.tokens()) {
            if (present.contains(t.token())) {
                asToken++;
                anyWay++;
            } else if (present.contains(t.word()) || t.phonetic().stream().anyMatch(present::contains)) {
                anyWay++;
            }
        }
        int n = name.tokens().size();
        if (n == 0 || anyWay == 0) {
            return null;
        }
        if (asToken == n) {
            return new IdentifierMatch(id.number(), id.type(), MatchKind.NAME_TOKENS, round(NAME_TOKENS * factor));
        }
        if (anyWay == n) {
            return new IdentifierMatch(id.number(), id.type(), MatchKind.NAME_VARIANT, round(NAME_VARIANT * factor));
        }
        if (asToken > 0) {
            return new IdentifierMatch(id.number(), id.type(), MatchKind.NAME_PARTIAL, NAME_PARTIAL);
        }
        return null;
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
