package org.piiscanner.classifiers.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.piiscanner.classifiers.EntityType.CRIMINAL_OFFENCE;
import static org.piiscanner.classifiers.EntityType.SPECIAL_CATEGORY_BIOMETRIC;
import static org.piiscanner.classifiers.EntityType.SPECIAL_CATEGORY_ETHNIC_ORIGIN;
import static org.piiscanner.classifiers.EntityType.SPECIAL_CATEGORY_GENETIC;
import static org.piiscanner.classifiers.EntityType.SPECIAL_CATEGORY_HEALTH;
import static org.piiscanner.classifiers.EntityType.SPECIAL_CATEGORY_POLITICAL_OPINION;
import static org.piiscanner.classifiers.EntityType.SPECIAL_CATEGORY_RELIGIOUS_BELIEF;
import static org.piiscanner.classifiers.EntityType.SPECIAL_CATEGORY_SEX_LIFE;
import static org.piiscanner.classifiers.EntityType.SPECIAL_CATEGORY_TRADE_UNION;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.DetectorCase;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.classifiers.ScoredPattern;
import org.piiscanner.classifiers.Trigger;
import org.piiscanner.classifiers.Validation;

class SpecialCategoryDetectorTest {

    private static final SpecialCategoryDetector DETECTOR = new SpecialCategoryDetector();
    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(DETECTOR));

    private static final String PHRASE = "phrase";
    private static final String WORD = "word";
    private static final String WEAK = "weak phrase";
    private static final String PURPOSE = "phrase + identification purpose";
    private static final String PRONOUN = "pronoun";
    private static final String ROLE = "role noun";
    private static final String NAME = "name";
    private static final String ID = "identifier";

    /** One marked span, with its score and pattern (type, evidence, anchor kind). */
    private static Arguments hit(EntityType type, String evidence, String anchor, String marked) {
        double score = switch (evidence) {
            case WORD -> 0.5;
            case WEAK -> 0.45;
            default -> 0.7;
        };
        return Arguments.of(type, DetectorCase.found(marked, score, score)
                .pattern(type.name() + " (" + evidence + " + " + anchor + " anchor)"));
    }

    /** Several marked spans of one type, each scoring 0.45 to 0.7. */
    private static Arguments hits(EntityType type, String marked) {
        return Arguments.of(type, DetectorCase.found(marked, 0.45, 0.7));
    }

    /** No finding of any type. */
    private static Arguments none(String text) {
        return Arguments.of(null, DetectorCase.none(text));
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // ---- §21.8 health
                hit(SPECIAL_CATEGORY_HEALTH, PHRASE, PRONOUN, "She was «diagnosed with» asthma in 2019."),
                hit(SPECIAL_CATEGORY_HEALTH, WORD, ROLE, "The patient has a history of «depression»."),
                hit(SPECIAL_CATEGORY_HEALTH, WORD, NAME, "Priya takes «medication» for epilepsy."),
                hit(SPECIAL_CATEGORY_HEALTH, PHRASE, ID, "Payroll 20045561 received a «fit note» today."),
                hit(SPECIAL_CATEGORY_HEALTH, PHRASE, NAME, "Dr. Patel reviewed the «medical history»."),
                hit(SPECIAL_CATEGORY_HEALTH, WEAK, PRONOUN, "She starts «maternity leave» in June."),
                hit(SPECIAL_CATEGORY_HEALTH, PHRASE, PRONOUN, "He «tested positive» for COVID-19."),
                hit(SPECIAL_CATEGORY_HEALTH, WORD, PRONOUN, "He is «HIV» positive."),
                hit(SPECIAL_CATEGORY_HEALTH, WORD, PRONOUN, "Her «allergies» include nuts."),
                hit(SPECIAL_CATEGORY_HEALTH, PHRASE, PRONOUN, "She was\n«diagnosed with» asthma."),
                hits(SPECIAL_CATEGORY_HEALTH, "Name: Jane Doe\n«Diagnosis»: «diabetes»"),
                // negation is not exclusion
                hit(SPECIAL_CATEGORY_HEALTH, WORD, ROLE, "The applicant has no «disability»."),
                hits(SPECIAL_CATEGORY_HEALTH, "He has never been «diagnosed with» «cancer»."),
                // records: a CSV row, a header without a person
                hit(SPECIAL_CATEGORY_HEALTH, WORD, NAME, "Jane Doe,1985,Type 2 «diabetes»"),
                hit(SPECIAL_CATEGORY_HEALTH, WORD, NAME, "name,diagnosis\nJane Doe,«diabetes»"),
                none("name,ethnicity,religion,diagnosis"),
                // exclusions, with an anchor present
                none("She leads our occupational health and safety training."),
                none("Her grandfather lost his farm in the great depression."),
                none("Her grandfather lost his farm in the Great Depression."),
                none("A tropical depression flooded their town."),
                none("Her star sign is cancer, she says."),
                none("His account was disabled by the administrator."),
                none("They must apply in the prescribed form."),
                // false keywords
                none("She is a Cancer and loves astrology."),
                none("The server health check failed for them."),
                // no anchor, or the anchor in another sentence or record
                none("Diabetes is a common condition."),
                none("Depression is treatable."),
                none("Jane Smith joined in May. Diabetes is common in the UK."),
                none("Jane Smith\nDiabetes clinic opens on Monday."),
                none("In May the diabetes clinic moved."),
                none("Will you bring the sick note?"),
                none("On 2024-03-12 the diabetes clinic moved."),
                none("The diabetes budget is \u00a31500000."),
                none("He is hiv positive."),

                // ---- §21.2 ethnic origin
                hits(SPECIAL_CATEGORY_ETHNIC_ORIGIN, "Name: Jane Doe\n«Ethnicity»: «White British»"),
                hits(SPECIAL_CATEGORY_ETHNIC_ORIGIN, "He describes his «ethnic origin» as «Black Caribbean»."),
                hit(SPECIAL_CATEGORY_ETHNIC_ORIGIN, PHRASE, ID, "Candidate 4411223344 chose «Asian British»."),
                hit(SPECIAL_CATEGORY_ETHNIC_ORIGIN, WORD, ROLE, "The employee is «Arab»."),
                hit(SPECIAL_CATEGORY_ETHNIC_ORIGIN, PHRASE, PRONOUN, "Her «race/ethnicity» was recorded."),
                hit(SPECIAL_CATEGORY_ETHNIC_ORIGIN, WORD, NAME, "Mohammed is not from a «BAME» background."),
                hit(SPECIAL_CATEGORY_ETHNIC_ORIGIN, PHRASE, PRONOUN, "She is not «White Irish»."),
                none("He rode an Arab horse at the show."),
                none("She won the race by a second."),
                none("Black and white photos line her hallway."),
                none("The ethnicity field is optional."),
                none("Ethnicity: White British"),

                // ---- §21.3 political opinions
                hit(SPECIAL_CATEGORY_POLITICAL_OPINION, PHRASE, PRONOUN, "She is a «member of the Labour Party»."),
                hit(SPECIAL_CATEGORY_POLITICAL_OPINION, PHRASE, NAME, "Tom Harris «voted Leave» in 2016."),
                hit(SPECIAL_CATEGORY_POLITICAL_OPINION, PHRASE, ROLE, "The member «canvassed for» the Greens."),
                hit(SPECIAL_CATEGORY_POLITICAL_OPINION, PHRASE, ID, "Voter 55512345 made a «political donation»."),
                hit(SPECIAL_CATEGORY_POLITICAL_OPINION, PHRASE, PRONOUN, "He has no «political affiliation»."),
                hit(SPECIAL_CATEGORY_POLITICAL_OPINION, PHRASE, PRONOUN, "She is an «SNP member»."),
                none("Click the button in the far-right corner of their screen."),
                none("This is a conservative estimate of their costs."),
                none("They hired a hall for her birthday party."),
                none("A political donation was made last year."),

                // ---- §21.4 religious or philosophical beliefs
                hit(SPECIAL_CATEGORY_RELIGIOUS_BELIEF, PHRASE, PRONOUN, "He «attends church» every Sunday."),
                hit(SPECIAL_CATEGORY_RELIGIOUS_BELIEF, PHRASE, NAME, "Mr Okafor asked for a «prayer room»."),
                hit(SPECIAL_CATEGORY_RELIGIOUS_BELIEF, PHRASE, ROLE, "The resident asked for a «kosher meal»."),
                hit(SPECIAL_CATEGORY_RELIGIOUS_BELIEF, PHRASE, ID, "Staff 20457781 «attends church» weekly."),
                hits(SPECIAL_CATEGORY_RELIGIOUS_BELIEF, "The pupil is «Muslim» and needs a «halal meal»."),
                hits(SPECIAL_CATEGORY_RELIGIOUS_BELIEF, "Staff 20457781, «religion»: «Sikh»."),
                hit(SPECIAL_CATEGORY_RELIGIOUS_BELIEF, WORD, PRONOUN, "She has no «religion»."),
                hit(SPECIAL_CATEGORY_RELIGIOUS_BELIEF, WORD, PRONOUN, "She is «agnostic» about it."),
                hit(SPECIAL_CATEGORY_RELIGIOUS_BELIEF, PHRASE, PRONOUN, "She is a \u00abJehovah\u2019s Witness\u00bb."),
                none("He attends Church Street Primary School."),
                none("Our platform-agnostic tool suits their needs."),
                none("The tool is vendor agnostic for their team."),
                none("They signed the contract in good faith."),
                none("A prayer room is on the second floor."),

                // ---- §21.5 trade union membership
                hit(SPECIAL_CATEGORY_TRADE_UNION, PHRASE, PRONOUN, "She is a «union member»."),
                hit(SPECIAL_CATEGORY_TRADE_UNION, PHRASE, ROLE, "The employee pays «union dues» monthly."),
                hit(SPECIAL_CATEGORY_TRADE_UNION, PHRASE, NAME, "Jane Smith is the «union rep» for nurses."),
                hit(SPECIAL_CATEGORY_TRADE_UNION, WORD, ID, "Payroll 88001234: «check-off» deduction."),
                hit(SPECIAL_CATEGORY_TRADE_UNION, PHRASE, PRONOUN, "He is not a «trade union member»."),
                hit(SPECIAL_CATEGORY_TRADE_UNION, WORD, PRONOUN, "They joined «UNISON» last year."),
                none("The European Union member states met their targets."),
                none("Her credit union member account is open."),
                none("They sang in unison."),
                none("SELECT id FROM staff UNION ALL SELECT member_id FROM their_table"),
                none("The Union Jack flew over her house."),
                none("Trade union member numbers rose last year."),
                none("Union dues rose this year."),

                // ---- §21.6 genetic data
                hits(SPECIAL_CATEGORY_GENETIC, "Her «genetic test» showed a «BRCA1» «pathogenic variant»."),
                hit(SPECIAL_CATEGORY_GENETIC, PHRASE, ROLE, "The patient consented to «whole genome sequencing»."),
                hit(SPECIAL_CATEGORY_GENETIC, PHRASE, NAME, "Sample of Jane Doe: «DNA profile» stored."),
                hit(SPECIAL_CATEGORY_GENETIC, PHRASE, ID, "Donor 73302211 gave a «DNA sample»."),
                hit(SPECIAL_CATEGORY_GENETIC, PHRASE, PRONOUN, "His «paternity test» came back."),
                hit(SPECIAL_CATEGORY_GENETIC, PHRASE, PRONOUN, "She has never had «genetic testing»."),
                none("We used a genetic algorithm to tune their model."),
                none("Gene Wilder starred in it with his friends."),
                none("Genome sequencing costs fell."),

                // ---- §21.7 biometric data: only with an identification purpose
                hit(SPECIAL_CATEGORY_BIOMETRIC, PURPOSE, PRONOUN, "Her «iris scan» is used to verify her identity."),
                hit(SPECIAL_CATEGORY_BIOMETRIC, PURPOSE, ROLE, "Employees clock in with a «fingerprint scan»."),
                hit(SPECIAL_CATEGORY_BIOMETRIC, WORD, ROLE, "The bank stores a «voiceprint» for each customer."),
                hit(SPECIAL_CATEGORY_BIOMETRIC, PHRASE, NAME, "Jane Doe enrolled her «face template»."),
                hit(SPECIAL_CATEGORY_BIOMETRIC, PHRASE, ID, "User 99887766 set up «Touch ID»."),
                hit(SPECIAL_CATEGORY_BIOMETRIC, PHRASE, PRONOUN, "He refused «facial recognition» at the gate."),
                none("His iris scan was done at the opticians."),
                none("A photo of her was added to her file."),
                none("They applied for a biometric residence permit."),
                none("Compare the SSH key fingerprint before he connects."),
                none("Facial recognition is controversial."),
                none("The customer uses face id to log in."),

                // ---- §21.9 sex life and sexual orientation
                hit(SPECIAL_CATEGORY_SEX_LIFE, WORD, PRONOUN, "He is «gay»."),
                hit(SPECIAL_CATEGORY_SEX_LIFE, PHRASE, ROLE, "The client attends a «sexual health clinic»."),
                hit(SPECIAL_CATEGORY_SEX_LIFE, PHRASE, NAME, "Jane Doe lives with a «same-sex partner»."),
                hit(SPECIAL_CATEGORY_SEX_LIFE, WEAK, ID, "Member 44556677 listed a «civil partner»."),
                hits(SPECIAL_CATEGORY_SEX_LIFE, "She «came out as» «bisexual» in 2015."),
                hit(SPECIAL_CATEGORY_SEX_LIFE, PHRASE, PRONOUN, "She has no «sexual partner»."),
                none("Mr Gay spoke at the meeting."),
                none("The results came out as expected for them."),
                none("Asexual reproduction in their lab plants was studied."),
                none("Sexual orientation is a protected characteristic."),
                none("Pride month starts in June for them."),

                // ---- §21.10 criminal offence data (the absence of convictions included)
                hit(CRIMINAL_OFFENCE, PHRASE, PRONOUN, "He has no «criminal record»."),
                hit(CRIMINAL_OFFENCE, PHRASE, ROLE, "The applicant needs an «enhanced DBS check»."),
                hit(CRIMINAL_OFFENCE, PHRASE, NAME, "Tom Harris «pleaded guilty» to fraud."),
                hit(CRIMINAL_OFFENCE, PHRASE, ID, "Defendant 20331122 was «remanded in custody»."),
                hit(CRIMINAL_OFFENCE, PHRASE, PRONOUN, "I was «convicted of» theft in 2010."),
                hits(CRIMINAL_OFFENCE, "She was «sentenced to» two years at «Crown Court»."),
                hits(CRIMINAL_OFFENCE, "Name: John Brown\n«DBS check»: clear"),
                hit(CRIMINAL_OFFENCE, PHRASE, PRONOUN, "He was «charged with» burglary."),
                hit(CRIMINAL_OFFENCE, PHRASE, ID, "Contact jo.bloggs@example.com about the «spent conviction»."),
                none("He suffered a cardiac arrest for ten minutes."),
                none("He was charged with a fee of ten pounds."),
                none("She has a strong conviction for justice."),
                none("Use with caution: their sentence is too long."),
                none("The tenant played on the tennis court."),
                none("She is on probation period until May."),
                none("A criminal record check is required for this role."));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("table")
    void table(EntityType type, DetectorCase row) {
        if (type == null) {
            assertThat(ENGINE.detect(row.text())).as("findings in '%s'", row.text()).isEmpty();
            return;
        }
        row.check(ENGINE, type);
        assertThat(ENGINE.detect(row.text())).as("findings of other types in '%s'", row.text())
                .allMatch(f -> f.type().equals(type));
    }

    @Test
    void explanationNamesListRuleAndAnchorKindButNoPersonalText() {
        Finding f = single("Jane Doe was «diagnosed with» asthma.");
        assertThat(f.type()).isEqualTo(SPECIAL_CATEGORY_HEALTH);
        assertThat(f.explanation().detector()).isEqualTo("special_category");
        assertThat(f.explanation().pattern()).isEqualTo("SPECIAL_CATEGORY_HEALTH (phrase + name anchor)");
        assertThat(f.explanation().note()).isEqualTo("§21.8 list; name anchor in the same sentence or record");
        assertThat(f.explanation().note()).doesNotContain("Jane").doesNotContain("Doe");
        assertThat(f.explanation().validation()).isEqualTo(Validation.NOT_APPLICABLE);
        assertThat(f.explanation().contextEffects()).isEmpty();

        Finding b = single("Her «iris scan» is used to verify her identity.");
        assertThat(b.explanation().note())
                .isEqualTo("§21.7 list; pronoun anchor and identification purpose in the same sentence or record");
    }

    @Test
    void strongestAnchorKindIsReported() {
        // identifier > name > role noun > pronoun
        assertThat(single("She, patient Jane Doe, NHS no 943 476 5919, has «diabetes».").explanation().pattern())
                .isEqualTo("SPECIAL_CATEGORY_HEALTH (word + identifier anchor)");
        assertThat(single("She, patient Jane Doe, has «diabetes».").explanation().pattern())
                .isEqualTo("SPECIAL_CATEGORY_HEALTH (word + name anchor)");
        assertThat(single("She, our patient, has «diabetes».").explanation().pattern())
                .isEqualTo("SPECIAL_CATEGORY_HEALTH (word + role noun anchor)");
    }

    @Test
    void anchorMustBeWithinReachInALongSentence() {
        String filler = " and the weather was mild".repeat(12); // 300 characters without a sentence end
        assertThat(ENGINE.detect("He said" + filler + " then diabetes came up")).isEmpty();
        assertThat(ENGINE.detect("He said" + filler.substring(0, 150) + " diabetes came up")).hasSize(1);
    }

    @Test
    void everyFindingIsOneOfTheNineTypes() {
        assertThat(DETECTOR.entityTypes()).containsExactly(SPECIAL_CATEGORY_ETHNIC_ORIGIN,
                SPECIAL_CATEGORY_POLITICAL_OPINION, SPECIAL_CATEGORY_RELIGIOUS_BELIEF, SPECIAL_CATEGORY_TRADE_UNION,
                SPECIAL_CATEGORY_GENETIC, SPECIAL_CATEGORY_BIOMETRIC, SPECIAL_CATEGORY_HEALTH,
                SPECIAL_CATEGORY_SEX_LIFE, CRIMINAL_OFFENCE);
        assertThat(DETECTOR.entityTypes()).allMatch(t -> t.category() == DataCategory.SPECIAL_CATEGORY
                || t.category() == DataCategory.CRIMINAL_OFFENCE);
        assertThat(DETECTOR.id()).isEqualTo("special_category");
        assertThat(DETECTOR.triggers()).containsExactly(Trigger.WHOLE_TEXT);
    }

    @Test
    void patternsGradeEvidenceAndAnchor() {
        List<ScoredPattern> patterns = DETECTOR.patterns();
        assertThat(patterns).extracting(ScoredPattern::name)
                .contains("SPECIAL_CATEGORY_HEALTH (phrase + pronoun anchor)",
                        "CRIMINAL_OFFENCE (word + identifier anchor)",
                        "SPECIAL_CATEGORY_SEX_LIFE (weak phrase + role noun anchor)",
                        "SPECIAL_CATEGORY_BIOMETRIC (phrase + identification purpose + name anchor)")
                .doesNotHaveDuplicates();
        assertThat(patterns).allMatch(p -> !p.contextRequired());
        assertThat(patterns).allMatch(p -> p.score() == (p.name().contains("(phrase") ? 0.7
                : p.name().contains("(word") ? 0.5 : 0.45));
    }

    @Test
    void everyListedPhraseMatchesItselfInAnAnchoredSentence() {
        for (SpecialCategoryLexicon.Entry e : SpecialCategoryLexicon.textEntries()) {
            String form = e.form().replace("~", "");
            String purpose = e.has(SpecialCategoryLexicon.NEEDS_PURPOSE) ? " to verify identity" : "";
            String text = "Records show that he declared " + form + purpose + " on the form.";
            List<Finding> found = ENGINE.detect(text).stream().filter(f -> f.type().equals(e.type())).toList();
            assertThat(found).as("'%s' (%s)", form, e.type()).isNotEmpty();
        }
    }

    static Stream<Arguments> adversarial() {
        return Stream.of(
                Arguments.of("'HIV ' x 250k", (Supplier<String>) () -> "HIV ".repeat(250_000)),
                Arguments.of("'he has HIV ' x 100k", (Supplier<String>) () -> "he has HIV ".repeat(100_000)),
                Arguments.of("'Name: Jane\\nDiagnosis: cancer\\n' x 30k",
                        (Supplier<String>) () -> "Name: Jane\nDiagnosis: cancer\n".repeat(30_000)),
                Arguments.of("'cancer cancer. ' x 70k", (Supplier<String>) () -> "cancer Cancer. ".repeat(70_000)),
                Arguments.of("'union member 123456 ' x 50k",
                        (Supplier<String>) () -> "union member 123456 ".repeat(50_000)),
                Arguments.of("'a@b.co EU union member ' x 40k",
                        (Supplier<String>) () -> "a@b.co EU union member ".repeat(40_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adversarial")
    void linearOnDensePhrases(String name, Supplier<String> input) {
        String text = input.get();
        ENGINE.detect(text.substring(0, 10_000)); // warm-up
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> ENGINE.detect(text), name);
    }

    private static Finding single(String marked) {
        DetectorCase row = DetectorCase.found(marked, 0, 1);
        List<Finding> findings = ENGINE.detect(row.text());
        assertThat(findings).as("findings in '%s'", row.text()).hasSize(1);
        Finding f = findings.get(0);
        assertThat(new int[] {f.start(), f.end()}).containsExactly(row.spans().get(0));
        return f;
    }
}
