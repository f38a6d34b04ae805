package org.piiscanner.scanner.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.piiscanner.scanner.protect.HashedTerm;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.protect.TermKind;
import org.piiscanner.scanner.testing.Fixtures;

/**
 * Ranking by evidence: the scores of what a location holds, computed from the terms a scan would index for it
 * (so a location here is just the text and findings a scan would protect).
 */
class EvidenceScorerTest {

    private final Protector protector = Fixtures.protector();
    private final EvidenceScorer scorer = new EvidenceScorer();
    private final HashedSubject jane = new QueryHasher(protector).hash(List.of(
            SubjectIdentifier.name("Jane Smith"), SubjectIdentifier.of("email", "jane.smith@example.com"),
            SubjectIdentifier.of("phone", "020 7946 0018"), SubjectIdentifier.of("dob", "12/03/1985"),
            SubjectIdentifier.of("nino", "QQ 12 34 56 C")));

    /** The terms of a location holding these detected names and values, and these words. */
    Set<HashedTerm> location(List<String> names, List<String[]> values, String words) {
        Set<HashedTerm> terms = new HashSet<>();
        names.forEach(n -> terms.addAll(protector.nameTerms(n)));
        values.forEach(v -> terms.add(protector.valueTerm(v[0], v[1])));
        protector.wordTerms(words).forEach(terms::add);
        return terms;
    }

    Evidence score(List<String> names, List<String[]> values, String words) {
        return scorer.score(jane, location(names, values, words));
    }

    @Test
    void matchesAreGradedAndCombined() {
        record Case(String what, Evidence evidence, double score, Confidence confidence, List<String> matched,
                MatchKind first) {
        }
        List<Case> cases = List.of(
                new Case("a strong identifier alone", score(List.of(), List.<String[]>of(new String[] {"PHONE_NUMBER",
                        "+44 20 7946 0018"}), ""), 0.85, Confidence.HIGH, List.of("PHONE_NUMBER"), MatchKind.EXACT),
                new Case("two identifiers", score(List.of("SMITH, Jane"), List.<String[]>of(new String[] {
                        "EMAIL_ADDRESS", "Jane.Smith@Example.com"}), ""), 0.95, Confidence.HIGH,
                        List.of("EMAIL_ADDRESS", "PERSON"), MatchKind.EXACT),
                new Case("name and date of birth", score(List.of("Jane Smith"), List.<String[]>of(new String[] {
                        "DATE_OF_BIRTH", "12 March 1985"}), ""), 0.625, Confidence.MEDIUM,
                        List.of("PERSON", "DATE_OF_BIRTH"), MatchKind.NAME_FULL),
                new Case("the full name alone (a common name)", score(List.of("Ms JANE SMITH"), List.of(), ""), 0.5,
                        Confidence.MEDIUM, List.of("PERSON"), MatchKind.NAME_FULL),
                new Case("every part, other order", score(List.of("Smith Jane"), List.of(), ""), 0.45, Confidence.LOW,
                        List.of("PERSON"), MatchKind.NAME_TOKENS),
                new Case("hyphenated", score(List.of("Jane Smith-Jones"), List.of(), ""), 0.45, Confidence.LOW,
                        List.of("PERSON"), MatchKind.NAME_TOKENS),
                new Case("spelling variant", score(List.of("Jayne Smyth"), List.of(), ""), 0.3, Confidence.LOW,
                        List.of("PERSON"), MatchKind.NAME_VARIANT),
                new Case("accents", score(List.of("Jâne Smîth"), List.of(), ""), 0.5, Confidence.MEDIUM,
                        List.of("PERSON"), MatchKind.NAME_FULL),
                new Case("words, no detector", score(List.of(), List.of(), "customer: smith, jane (gold)"), 0.3,
                        Confidence.LOW, List.of("PERSON"), MatchKind.NAME_VARIANT),
                new Case("a NINO written as a word", score(List.of(), List.of(), "ref QQ123456C"), 0.57,
                        Confidence.MEDIUM, List.of("UK_NINO"), MatchKind.WORD),
                new Case("surname and date of birth", score(List.of("Peter Smith"), List.<String[]>of(
                        new String[] {"DATE_OF_BIRTH", "1985-03-12"}), ""), 0.325, Confidence.LOW,
                        List.of("DATE_OF_BIRTH", "PERSON"), MatchKind.NAME_PARTIAL));
        for (Case c : cases) {
            assertThat(c.evidence().score()).as(c.what()).isEqualTo(c.score());
            assertThat(c.evidence().confidence()).as(c.what()).isEqualTo(c.confidence());
            assertThat(c.evidence().matchedTypes()).as(c.what()).containsExactlyElementsOf(c.matched());
            assertThat(c.evidence().matches()).as(c.what()).anySatisfy(m -> assertThat(m.how()).isEqualTo(c.first()));
        }
    }

    @Test
    void nothingOrPartsAloneIsNoEvidence() {
        assertThat(score(List.of("Peter Jones"), List.<String[]>of(new String[] {"PHONE_NUMBER", "020 7946 0999"}),
                "jane")).isEqualTo(Evidence.NONE);
        // a surname alone is a weak partial match, below the default minimum
        assertThat(score(List.of("Peter Smith"), List.of(), "").score()).isEqualTo(0.1);
        // phonetic keys are coarse: Double Metaphone gives Jane, John and Joan the same key, so "John Smith" is a
        // spelling variant of "Jane Smith" (low confidence, at the default minimum)
        assertThat(score(List.of("John Smith"), List.of(), "").matches().getFirst().how())
                .isEqualTo(MatchKind.NAME_VARIANT);
        // a first name heard as a word is nothing
        assertThat(score(List.of(), List.of(), "Jane called").isEmpty()).isTrue();
    }

    @Test
    void strongIdentifiersRankAboveTwoWeakOnesWhichRankAboveANameAlone() {
        double strong = score(List.of(), List.<String[]>of(new String[] {"UK_NINO", "QQ123456C"}), "").score();
        double nameAndDob = score(List.of("Jane Smith"), List.<String[]>of(new String[] {"DATE_OF_BIRTH",
                "12/03/85"}), "").score();
        double name = score(List.of("Jane Smith"), List.of(), "").score();
        assertThat(strong).isGreaterThan(nameAndDob);
        assertThat(nameAndDob).isGreaterThan(name);
        assertThat(name).isGreaterThan(score(List.of("Jayne Smyth"), List.of(), "").score());
    }

    @Test
    void aOneWordNameCountsLess() {
        HashedSubject madonna = new QueryHasher(protector).hash(List.of(SubjectIdentifier.name("Madonna")));
        Evidence e = scorer.score(madonna, location(List.of("Madonna"), List.of(), ""));
        assertThat(e.score()).isEqualTo(0.3);
        assertThat(e.matches().getFirst().how()).isEqualTo(MatchKind.NAME_FULL);
        assertThat(scorer.score(madonna, Set.of(new HashedTerm(TermKind.WORD, "x"))).isEmpty()).isTrue();
    }
}
