package org.piiscanner.classifiers.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.detectors.SpecialCategoryLexicon.FieldMatch;

class SpecialCategoryLexiconTest {

    /** Field name, then the expected matches as "TYPE=phrase" (the type without its SPECIAL_CATEGORY_ prefix). */
    static Stream<Arguments> fieldNames() {
        return Stream.of(
                Arguments.of("ethnicity", List.of("ETHNIC_ORIGIN=ethnicity")),
                Arguments.of("religion", List.of("RELIGIOUS_BELIEF=religion")),
                Arguments.of("diagnosis", List.of("HEALTH=diagnosis")),
                Arguments.of("dbs_check", List.of("CRIMINAL_OFFENCE=dbs check")),
                Arguments.of("union_member", List.of("TRADE_UNION=union member")),
                Arguments.of("sexual_orientation", List.of("SEX_LIFE=sexual orientation")),
                Arguments.of("criminal_record", List.of("CRIMINAL_OFFENCE=criminal record")),
                Arguments.of("CRIMINAL_RECORD", List.of("CRIMINAL_OFFENCE=criminal record")),
                Arguments.of("unionMember", List.of("TRADE_UNION=union member")),
                Arguments.of("DBSCheck", List.of("CRIMINAL_OFFENCE=dbs check")),
                Arguments.of("employee.ethnic-origin", List.of("ETHNIC_ORIGIN=ethnic origin")),
                Arguments.of("mentalHealthNotes", List.of("HEALTH=mental health")),
                Arguments.of("patient_nhs_number", List.of("HEALTH=nhs number")),
                Arguments.of("known_allergies", List.of("HEALTH=allergy")),
                Arguments.of("has_disability", List.of("HEALTH=disability")),
                Arguments.of("face_id", List.of("BIOMETRIC=face id")),
                Arguments.of("race_ethnicity", List.of("ETHNIC_ORIGIN=race/ethnicity")),
                Arguments.of("religion_and_ethnicity", List.of("RELIGIOUS_BELIEF=religion", "ETHNIC_ORIGIN=ethnicity")),
                Arguments.of("same_sex_partner", List.of("SEX_LIFE=same-sex partner")),
                Arguments.of("magistrates_court", List.of("CRIMINAL_OFFENCE=magistrates' court")),
                Arguments.of("trade-union.membership", List.of("TRADE_UNION=trade union")),
                // column-name words too ambiguous for running text
                Arguments.of("race", List.of("ETHNIC_ORIGIN=race")),
                Arguments.of("Convictions", List.of("CRIMINAL_OFFENCE=conviction")),
                Arguments.of("political_party", List.of("POLITICAL_OPINION=political")),
                Arguments.of("blood_group", List.of("HEALTH=blood group")),
                Arguments.of("dna_ref", List.of("GENETIC=dna")),
                // exclusions and non-matches
                Arguments.of("credit_union_member", List.of()),
                Arguments.of("health_and_safety_training", List.of()),
                Arguments.of("genetic_algorithm_version", List.of()),
                Arguments.of("european_union_country", List.of()),
                Arguments.of("customer_id", List.of()),
                Arguments.of("racecourse", List.of()),
                Arguments.of("fingerprint", List.of()),
                Arguments.of("", List.of()),
                Arguments.of("___", List.of()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("fieldNames")
    void classifiesFieldNames(String name, List<String> expected) {
        List<String> actual = SpecialCategoryLexicon.classifyFieldName(name).stream()
                .map(m -> m.type().name().replace("SPECIAL_CATEGORY_", "") + "=" + m.phrase()).toList();
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of("union_member", "union member"),
                Arguments.of("unionMember", "union member"),
                Arguments.of("DBSCheck", "dbs check"),
                Arguments.of("BRCA1Status", "brca1 status"),
                Arguments.of("  Sexual--Orientation ", "sexual orientation"),
                Arguments.of("patient.NHSNumber", "patient nhs number"),
                Arguments.of("__", ""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("splits")
    void splitsFieldNamesIntoWords(String name, String words) {
        assertThat(new String(SpecialCategoryLexicon.splitFieldName(name))).isEqualTo(words);
    }

    @Test
    void fieldMatchesAreValuesWithTheirType() {
        assertThat(SpecialCategoryLexicon.classifyFieldName("diagnosis_code"))
                .containsExactly(new FieldMatch(EntityType.SPECIAL_CATEGORY_HEALTH, "diagnosis"));
        assertThatThrownBy(() -> SpecialCategoryLexicon.classifyFieldName(null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new FieldMatch(null, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void listsCoverEveryTypeWithTheSpecSections() {
        assertThat(SpecialCategoryLexicon.types()).hasSize(9);
        for (SpecialCategoryLexicon.Entry e : SpecialCategoryLexicon.textEntries()) {
            String expected = switch (e.type().name()) {
                case "SPECIAL_CATEGORY_ETHNIC_ORIGIN" -> "§21.2";
                case "SPECIAL_CATEGORY_POLITICAL_OPINION" -> "§21.3";
                case "SPECIAL_CATEGORY_RELIGIOUS_BELIEF" -> "§21.4";
                case "SPECIAL_CATEGORY_TRADE_UNION" -> "§21.5";
                case "SPECIAL_CATEGORY_GENETIC" -> "§21.6";
                case "SPECIAL_CATEGORY_BIOMETRIC" -> "§21.7";
                case "SPECIAL_CATEGORY_HEALTH" -> "§21.8";
                case "SPECIAL_CATEGORY_SEX_LIFE" -> "§21.9";
                default -> "§21.10";
            };
            assertThat(e.section()).as(e.form()).isEqualTo(expected);
            assertThat(e.phrase()).as(e.form()).doesNotContain("~").isLowerCase();
        }
        // the spec's own examples of each list are present
        assertThat(SpecialCategoryLexicon.textEntries()).extracting(SpecialCategoryLexicon.Entry::phrase)
                .contains("ethnic origin", "political opinion", "religion", "trade union", "genetic test",
                        "biometric template", "diagnosis", "sexual orientation", "criminal record", "dbs check",
                        "attend church", "plead guilty", "reasonable adjustment", "arab");
    }
}
