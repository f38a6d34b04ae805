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

    @Test
    void typographicApostrophesReadAsPlainOnes() {
        PhraseMatcher m = PhraseMatcher.of(List.of("Jehovah’s Witness", "magistrates' court"));
        assertThat(find(m, "a Jehovah's Witness; Magistrates’ Court")).containsExactly(
                "jehovah's witness@2-19", "magistrates' court@21-39");
    }

    @Test
    void inflectedMatcherReportsThePhraseIndexForEveryForm() {
        PhraseMatcher m = PhraseMatcher.inflected(List.of("attend~ church", "allergy", "diagnose~ with", "allergy"));
        assertThat(m.size()).isEqualTo(4);
        assertThat(m.phrase(0)).isEqualTo("attend church");
        assertThat(find(m, "She attends church; he attended Church; attending church"))
                .containsExactly("attend church@4-18", "attend church@23-38", "attend church@40-56");
        assertThat(find(m, "Diagnosed with, diagnosing with, diagnoses with"))
                .containsExactly("diagnose with@0-14", "diagnose with@16-31", "diagnose with@33-47");
        // a repeated phrase keeps its own index; the -ies plural and the tolerated -s plural both match
        List<String> hits = new ArrayList<>();
        char[] t = "two allergies".toCharArray();
        m.find(t, 0, t.length, t.length, (p, s, e) -> hits.add(p + "@" + s + "-" + e));
        assertThat(hits).containsExactlyInAnyOrder("1@4-13", "3@4-13");
        assertThat(find(m, "attendance church, attend churchyard")).isEmpty();
    }

    @Test
    void inflectedFormsAreNotReportedTwice() {
        PhraseMatcher m = PhraseMatcher.inflected(List.of("match~", "test~ positive"));
        assertThat(find(m, "matches matched matching match")).containsExactly(
                "match@0-7", "match@8-15", "match@16-24", "match@25-30");
        assertThat(find(m, "tested positive, tests positive")).containsExactly(
                "test positive@0-15", "test positive@17-31");
    }

    @Test
    void inflectedMatcherRejectsMisplacedMarks() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PhraseMatcher.inflected(List.of("at~tend")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'~' must end a word");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PhraseMatcher.inflected(List.of("  ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    @Test
    void phrasesStartingWithPunctuationMatchAnywhere() {
        PhraseMatcher m = PhraseMatcher.of(List.of("#urgent", "(c)", "nhs"));
        assertThat(find(m, "a#urgent note (c) NHS x(c)")).containsExactly(
                "#urgent@1-8", "(c)@14-17", "nhs@18-21", "(c)@23-26");
    }

    /**
     * A matcher whose phrases all start with a letter or digit walks a trie from word starts; one with any other
     * phrase runs the Aho-Corasick automaton. Both must find the same matches.
     */
    @Test
    void wordStartWalkFindsWhatTheAutomatonFinds() {
        List<String> phrases = List.of("he", "she", "hers", "his", "union member", "trade union", "trade union member",
                "a&e", "d.o.b.", "same-sex partner", "lgbtq+", "ab", "abab", "b a", "aa");
        List<String> withPunctuation = new ArrayList<>(phrases);
        withPunctuation.add("\u00a7\u00a7");
        PhraseMatcher walk = PhraseMatcher.of(phrases);
        PhraseMatcher automaton = PhraseMatcher.of(withPunctuation);
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        String[] pieces = {"he", "she", "rs", "his", "union", "member", "trade", " ", "  ", "-", "a", "b", "&", "e",
            "d.o.b.", "same-sex", "partner", "lgbtq", "+", "x", "\n", ".", "S", "A"};
        for (int k = 0; k < 2_000; k++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + r.nextInt(12);
            for (int i = 0; i < len; i++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            assertThat(new java.util.TreeSet<>(find(walk, text))).as(text)
                    .isEqualTo(new java.util.TreeSet<>(find(automaton, text)));
        }
    }

    @Test
    void searchRangeStartingInsideAWordSkipsThatWord() {
        PhraseMatcher m = PhraseMatcher.of(List.of("he", "she"));
        List<String> hits = new ArrayList<>();
        char[] t = "ashe he she".toCharArray();
        m.find(t, 1, t.length, t.length, (p, s, e) -> hits.add(m.phrase(p) + "@" + s + "-" + e));
        assertThat(hits).containsExactly("he@5-7", "she@8-11");
    }

    /** Long texts are searched by two interleaved runs; they must report what one run reports, in the same order. */
    @Test
    void twoRunSearchOfLongTextsEqualsOneRun() {
        PhraseMatcher m = PhraseMatcher.inflected(List.of("union member", "trade union member", "he", "she",
                "diagnose~ with", "a&e", "x y z", "health and safety"));
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        String[] pieces = {"union", "member", "trade", " ", "he", "she", "diagnosed", "with", "a&e", "x", "y", "z",
            "health", "and", "safety", ".", "\n", "q"};
        int total = 0;
        for (int k = 0; k < 300; k++) {
            StringBuilder sb = new StringBuilder();
            int target = 4_096 + r.nextInt(20_000);
            while (sb.length() < target) {
                sb.append(pieces[r.nextInt(pieces.length)]).append(r.nextInt(4) == 0 ? "" : " ");
                if (r.nextInt(400) == 0) {
                    sb.append(" ".repeat(r.nextInt(3_000))); // whitespace runs, some across the middle
                }
            }
            char[] t = sb.toString().toCharArray();
            List<String> split = new ArrayList<>();
            List<String> single = new ArrayList<>();
            m.find(t, 0, t.length, t.length, (p, s, e) -> split.add(p + "@" + s + "-" + e));
            m.findInOneRun(t, 0, t.length, t.length, (p, s, e) -> single.add(p + "@" + s + "-" + e));
            assertThat(split).containsExactlyElementsOf(single);
            total += single.size();
        }
        assertThat(total).isGreaterThan(10_000);
    }

    @Test
    void longestPhraseIsFoundAcrossTheMiddleAtEveryOffset() {
        String phrase = "trade union member";
        PhraseMatcher m = PhraseMatcher.of(List.of(phrase, "union"));
        for (int k = 0; k <= phrase.length(); k++) {
            int start = 4_000 - k;
            String text = "x".repeat(start - 1) + " " + phrase + " " + "x".repeat(8_000 - start - phrase.length() - 1);
            assertThat(find(m, text)).as("offset %d", k).containsExactly(
                    "union@" + (start + 6) + "-" + (start + 11), phrase + "@" + start + "-" + (start + 18));
        }
    }

    @Test
    void twoRunSearchStopsWhenAsked() {
        PhraseMatcher m = PhraseMatcher.of(List.of("he"));
        char[] t = "he ".repeat(10_000).toCharArray();
        List<Integer> starts = new ArrayList<>();
        assertThat(m.find(t, 0, t.length, t.length, (p, s, e) -> starts.add(s) && starts.size() < 3)).isFalse();
        assertThat(starts).containsExactly(0, 3, 6);
    }
}
