package org.piiscanner.scanner.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.piiscanner.classifiers.ContextEffect;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Explanation;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.classifiers.SpecialCategory;
import org.piiscanner.classifiers.Validation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class ProtectorTest {

    static final EntityType PERSON = EntityType.builtIn("PERSON")
            .orElseGet(() -> EntityType.custom("PERSON", DataCategory.IDENTITY));

    private final Protector protector = protector(1);

    static Protector protector(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed + i);
        }
        return new Protector(new ValueNormalizer(), new KeyedHasher(key));
    }

    @Test
    void spellingsOfOneValueShareAHashThatDependsOnTypeAndKey() {
        String hash = protector.valueHash(EntityType.UK_NINO, "QQ 12 34 56 C");
        assertThat(protector.valueHash(EntityType.UK_NINO, "qq123456c")).isEqualTo(hash);
        assertThat(protector.valueHash("UK_NINO", "QQ-12-34-56-C")).isEqualTo(hash);
        assertThat(hash).hasSize(43);
        assertThat(protector.valueHash(EntityType.UK_NINO, "QQ 12 34 56 D")).isNotEqualTo(hash);
        assertThat(protector.valueHash("UK_NINO_LOOKALIKE", "QQ123456C")).isNotEqualTo(hash);
        assertThat(protector(2).valueHash(EntityType.UK_NINO, "QQ 12 34 56 C")).isNotEqualTo(hash);
        assertThat(protector.valueTerm("UK_NINO", "qq123456c")).isEqualTo(new HashedTerm(TermKind.VALUE, hash));
    }

    @Test
    void nameTermsMatchAcrossOrderCaseAccentsAndHyphens() {
        assertThat(Set.copyOf(protector.nameTerms("SMITH, Jane"))).isEqualTo(Set.copyOf(protector.nameTerms("Jane Smith")));
        assertThat(Set.copyOf(protector.nameTerms("José García-López")))
                .isEqualTo(Set.copyOf(protector.nameTerms("GARCIA LOPEZ, Jose")));

        List<HashedTerm> terms = protector.nameTerms("Jane Smith");
        assertThat(kinds(terms, TermKind.NAME)).hasSize(1);
        assertThat(kinds(terms, TermKind.NAME_TOKEN)).hasSize(2);
        // Double Metaphone: JN / AN for "jane", SM0 / XMT for "smith"
        assertThat(kinds(terms, TermKind.NAME_PHONETIC)).hasSize(4);
        assertThat(terms).doesNotHaveDuplicates();
    }

    @Test
    void phoneticTermsBridgeSpellingVariants() {
        Set<HashedTerm> smith = kinds(protector.nameTerms("John Smith"), TermKind.NAME_PHONETIC);
        Set<HashedTerm> smyth = kinds(protector.nameTerms("Jon Smyth"), TermKind.NAME_PHONETIC);
        assertThat(smyth).isEqualTo(smith);
        assertThat(kinds(protector.nameTerms("Jon Smyth"), TermKind.NAME_TOKEN))
                .doesNotContainAnyElementsOf(kinds(protector.nameTerms("John Smith"), TermKind.NAME_TOKEN));
        assertThat(kinds(protector.nameTerms("Mary Jones"), TermKind.NAME_PHONETIC)).doesNotContainAnyElementsOf(smith);
    }

    @Test
    void initialsAndEmptyNamesGiveNoTokenTerms() {
        assertThat(kinds(protector.nameTerms("J. Smith"), TermKind.NAME_TOKEN))
                .containsExactlyElementsOf(kinds(protector.nameTerms("Smith"), TermKind.NAME_TOKEN));
        assertThat(protector.nameTerms(" , ")).isEmpty();
    }

    @Test
    void aNameQueryGroupsTheDocumentTermsOfANamePerToken() {
        NameQuery query = protector.nameQuery("Smith-Jones, Dr Zoë");
        assertThat(query.tokens()).hasSize(3); // zoe, smith, jones (the honorific and the order are dropped)
        Set<HashedTerm> grouped = new HashSet<>();
        grouped.add(query.full());
        query.tokens().forEach(t -> {
            grouped.add(t.token());
            grouped.addAll(t.phonetic());
        });
        // a document naming "Zoe Smith Jones" holds exactly these name terms
        assertThat(grouped).isEqualTo(Set.copyOf(protector.nameTerms("Zoe Smith Jones")));
        // and each token's word term is the hash a text containing that word is indexed under
        assertThat(protector.wordTokenHashes("Letter to ZOË SMITH-JONES"))
                .containsAll(query.tokens().stream().map(t -> t.word().hash()).toList());
        assertThat(query.tokens()).allSatisfy(t -> assertThat(t.word().kind()).isEqualTo(TermKind.WORD));
        assertThat(protector.nameQuery("Jane Smith").full()).isEqualTo(protector.nameQuery("SMITH, Jane").full());
        assertThat(protector.nameQuery("Smith Jane").full()).isNotEqualTo(protector.nameQuery("Jane Smith").full());
        assertThat(protector.nameQuery(" , ")).isNull();
        assertThat(protector.nameQuery("J. Smith").tokens()).hasSize(1);
        assertThat(protector.nameQuery("Agent 007").tokens().get(1).phonetic()).isEmpty();
    }

    @Test
    void anIdentifierWrittenAsOneWordHasAWordTerm() {
        HashedTerm nino = protector.identifierWordTerm("UK_NINO", "QQ 12 34 56 C").orElseThrow();
        assertThat(nino.kind()).isEqualTo(TermKind.WORD);
        assertThat(protector.wordTokenHashes("ref qq123456c on file")).contains(nino.hash());
        assertThat(protector.identifierWordTerm("IBAN_CODE", "GB82 WEST 1234 5698 7654 32")).isPresent();
        assertThat(protector.identifierWordTerm("EMAIL_ADDRESS", "jane@example.com")).isEmpty();
        assertThat(protector.identifierWordTerm("DATE_OF_BIRTH", "12/03/1985")).isEmpty();
        assertThat(protector.identifierWordTerm("UK_POSTCODE", "N1 9GU")).isEmpty(); // too short to be telling
    }

    @Test
    void wordTokensAreFoldedDeduplicatedAndAgreeWithNameTokens() {
        Set<String> hashes = protector.wordTokenHashes("José met JOSE and jose; Jose's O'Brien-Smith.");
        // jose, met, and, s, o, brien, smith
        assertThat(hashes).hasSize(7).allSatisfy(h -> assertThat(h).hasSize(22));
        assertThat(hashes).containsAll(protector.wordTokenHashes("BRIEN smith"));
        assertThat(protector.wordTerms("Smith")).containsExactly(
                new HashedTerm(TermKind.WORD, protector.wordTokenHashes("smith").iterator().next()));
        assertThat(protector.wordTokenHashes("")).isEmpty();
        assertThat(protector.wordTokenHashes("x".repeat(65) + " ok")).hasSize(1);
        assertThat(protector.wordTokenHashes("ﬁle file")).hasSize(1);
    }

    @Test
    void protectKeepsEverythingButTheValue() throws Exception {
        String raw = "QQ 12 34 56 C";
        Explanation explanation = new Explanation("uk_nino", "UK_NINO (spaced)", 0.5, Validation.VALID,
                List.of(new ContextEffect("national insurance", 0.35)), 0.85, "");
        Finding finding = new Finding(EntityType.UK_NINO, 120, 133, 0.85, false, explanation, raw);

        ProtectedFinding p = protector.protect(finding, new FindingPosition("page 2", 2, 14, 7));

        assertThat(p.entityType()).isEqualTo("UK_NINO");
        assertThat(p.category()).isEqualTo(DataCategory.IDENTITY);
        assertThat(p.secondaryCategories()).containsExactly(DataCategory.FINANCIAL);
        assertThat(p.specialCategories()).isEmpty();
        assertThat(p.start()).isEqualTo(120);
        assertThat(p.end()).isEqualTo(133);
        assertThat(p.position()).isEqualTo(new FindingPosition("page 2", 2, 14, 7));
        assertThat(p.score()).isEqualTo(0.85);
        assertThat(p.detector()).isEqualTo("uk_nino");
        assertThat(p.pattern()).isEqualTo("UK_NINO (spaced)");
        assertThat(p.validation()).isEqualTo(Validation.VALID);
        assertThat(p.maskedPreview()).isEqualTo(finding.maskedPreview()).contains("*");
        assertThat(p.valueHash()).isEqualTo(protector.valueHash(EntityType.UK_NINO, "QQ123456C"));
        assertThat(p.testValue()).isFalse();
        assertThat(p.nameTerms()).isEmpty();
        assertThat(p.indexTerms()).containsExactly(new HashedTerm(TermKind.VALUE, p.valueHash()));

        JsonNode json = new ObjectMapper().readTree(p.explanationJson());
        assertThat(json.get("detector").asString()).isEqualTo("uk_nino");
        assertThat(json.get("pattern").asString()).isEqualTo("UK_NINO (spaced)");
        assertThat(json.get("base_score").asDouble()).isEqualTo(0.5);
        assertThat(json.get("validation").asString()).isEqualTo("VALID");
        assertThat(json.get("context").get(0).get("word").asString()).isEqualTo("national insurance");
        assertThat(json.get("context").get(0).get("delta").asDouble()).isEqualTo(0.35);
        assertThat(json.get("final_score").asDouble()).isEqualTo(0.85);

        assertNoRawValue(p, raw, "QQ123456C");
    }

    @Test
    void protectGivesPersonNamesTheirNameTermsAndSpecialCategoriesSurvive() {
        Explanation e = new Explanation("person_name", "PERSON (model)", 0.7, Validation.NOT_APPLICABLE, List.of(),
                0.7, "");
        ProtectedFinding name = protector.protect(new Finding(PERSON, 0, 10, 0.7, false, e, "Jane Smith"));
        assertThat(name.nameTerms()).containsExactlyElementsOf(protector.nameTerms("Jane Smith"));
        assertThat(name.indexTerms()).hasSize(1 + name.nameTerms().size());
        assertThat(name.position()).isEqualTo(FindingPosition.NONE);
        assertNoRawValue(name, "Jane Smith", "jane smith");

        Explanation nhs = new Explanation("uk_nhs", "NHS (spaced)", 0.5, Validation.VALID, List.of(), 0.9, "NHS");
        ProtectedFinding health = protector.protect(new Finding(EntityType.UK_NHS, 0, 12, 0.9, true, nhs,
                "943 476 5919"));
        assertThat(health.specialCategories()).containsExactly(SpecialCategory.HEALTH);
        assertThat(health.secondaryCategories()).containsExactly(DataCategory.SPECIAL_CATEGORY);
        assertThat(health.testValue()).isTrue();
        assertNoRawValue(health, "943 476 5919", "9434765919");
    }

    @Test
    void explanationJsonEscapesText() throws Exception {
        Explanation e = new Explanation("d\"x", "p\\q\n", 0.1, Validation.INVALID, List.of(), 1.0, "tab\there");
        JsonNode json = new ObjectMapper().readTree(ExplanationJson.of(e));
        assertThat(json.get("detector").asString()).isEqualTo("d\"x");
        assertThat(json.get("pattern").asString()).isEqualTo("p\\q\n");
        assertThat(json.get("note").asString()).isEqualTo("tab\there");
        assertThat(json.get("final_score").asDouble()).isEqualTo(1.0);
    }

    /** No string-valued component of {@code p} contains the raw or canonical value. */
    static void assertNoRawValue(ProtectedFinding p, String... values) {
        Set<String> strings = new HashSet<>();
        for (RecordComponent c : ProtectedFinding.class.getRecordComponents()) {
            try {
                strings.add(String.valueOf(c.getAccessor().invoke(p)));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        strings.add(p.toString());
        for (String s : strings) {
            for (String v : values) {
                assertThat(s.toLowerCase()).doesNotContain(v.toLowerCase());
            }
        }
    }

    private static Set<HashedTerm> kinds(List<HashedTerm> terms, TermKind kind) {
        return terms.stream().filter(t -> t.kind() == kind).collect(Collectors.toSet());
    }
}
