package org.piiscanner.classifiers.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private static List<String> find(PhraseMatcher m, String text) {
        List<String> hits = new ArrayList<>();
        char[] t = text.toCharArray();
        m.find(t, 0, t.length, t.length, (p, s, e) -> {
            hits.add(m.phrase(p) + "@" + s + "-" + e);
            return true;
        });
        return hits;
    }

    @Test
    void matchesWholeWordsCaseInsensitively() {
        PhraseMatcher m = PhraseMatcher.of(List.of("NHS number", "nhs", "patient"));
        assertThat(find(m, "Patient NHS Number: 943")).containsExactly(
                "patient@0-7", "nhs@8-11", "nhs number@8-18");
        assertThat(find(m, "outpatients nhsx")).isEmpty();
    }

    @Test
    void collapsesWhitespaceRunsAndToleratesPlurals() {
        PhraseMatcher m = PhraseMatcher.of(List.of("date of birth", "passport", "address"));
        assertThat(find(m, "dates  of\n birth")).isEmpty();
        assertThat(find(m, "Date  of\n Birth")).containsExactly("date of birth@0-15");
        assertThat(find(m, "two passports, three addresses")).containsExactly(
                "passport@4-13", "address@21-30");
        assertThat(find(m, "passportx")).isEmpty();
    }

    @Test
    void phrasesWithPunctuationNeedNoWordBoundaryOnThatSide() {
        PhraseMatcher m = PhraseMatcher.of(List.of("d.o.b.", "ni no."));
        assertThat(find(m, "D.O.B.01/02/1985, NI No.AB")).containsExactly("d.o.b.@0-6", "ni no.@18-24");
    }

    @Test
    void overlappingPhrasesAreAllReported() {
        PhraseMatcher m = PhraseMatcher.of(List.of("he", "she", "his", "hers"));
        assertThat(find(m, "ushers")).isEmpty();
        assertThat(find(m, "she hers his")).containsExactly("she@0-3", "hers@4-8", "his@9-12");
    }

    @Test
    void nonAsciiPhrasesWork() {
        PhraseMatcher m = PhraseMatcher.of(List.of("né le", "DIČ"));
        assertThat(find(m, "Né le 3 mai; dič: CZ1")).containsExactly("né le@0-5", "dič@13-16");
    }

    @Test
    void emptyMatcherFindsNothing() {
        PhraseMatcher m = PhraseMatcher.of(List.of(" ", ""));
        assertThat(m.isEmpty()).isTrue();
        assertThat(find(m, "anything")).isEmpty();
    }
}
