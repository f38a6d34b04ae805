package org.piiscanner.classifiers.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands a phrase into the inflected forms an {@link PhraseMatcher#inflected} matcher looks for: regular English
 * suffix rules, no dictionary.
 *
 * <ul>
 *   <li>A word written with a trailing {@code ~} is a verb lemma and takes its regular forms: {@code attend~} gives
 *       attend, attends, attended, attending; {@code diagnose~} gives diagnose, diagnoses, diagnosed, diagnosing;
 *       {@code identify~} gives identifies, identified, identifying; {@code canvass~} gives canvasses. Consonants
 *       are never doubled and irregular forms are not generated: list them as phrases of their own
 *       ({@code came out as}, {@code pled guilty}).</li>
 *   <li>A last word ending in consonant + {@code y} also matches its {@code -ies} plural ({@code allergy},
 *       {@code allergies}); the {@code s}/{@code es} plurals need no variant because the matcher tolerates them
 *       after any phrase.</li>
 * </ul>
 *
 * <p>Stateless; the class only has static methods.
 */
public final class Inflections {

    private Inflections() {
    }

    /**
     * The forms of a normalised phrase (lower case, single spaces), the plain form first, without duplicates.
     *
     * @throws IllegalArgumentException if a {@code ~} is not at the end of a word or marks an empty word
     */
    public static List<String> variants(String phrase) {
        String[] words = phrase.split(" ");
        List<List<String>> forms = new ArrayList<>(words.length);
        for (int k = 0; k < words.length; k++) {
            String w = words[k];
            int tilde = w.indexOf('~');
            boolean last = k == words.length - 1;
            if (tilde >= 0) {
                if (tilde != w.length() - 1 || tilde == 0) {
                    throw new IllegalArgumentException("'~' must end a word: '" + phrase + "'");
                }
                List<String> verb = verbForms(w.substring(0, tilde));
                if (last) {
                    // the matcher tolerates a plural s/es after the phrase: no variant needed for lemma + s/es
                    String lemma = verb.get(0);
                    verb.removeIf(f -> f.equals(lemma + "s") || f.equals(lemma + "es"));
                }
                forms.add(verb);
            } else if (last && endsInConsonantY(w)) {
                forms.add(List.of(w, w.substring(0, w.length() - 1) + "ies"));
            } else {
                forms.add(List.of(w));
            }
        }
        Set<String> out = new LinkedHashSet<>();
        product(forms, 0, new StringBuilder(), out);
        return List.copyOf(out);
    }

    /** The lemma, its third-person singular, past and present participle forms (regular rules). */
    static List<String> verbForms(String lemma) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(lemma);
        if (endsInConsonantY(lemma)) {
            String stem = lemma.substring(0, lemma.length() - 1);
            forms.add(stem + "ies");
            forms.add(stem + "ied");
            forms.add(lemma + "ing");
            return new ArrayList<>(forms);
        }
        boolean sibilant = lemma.endsWith("s") || lemma.endsWith("x") || lemma.endsWith("z")
                || lemma.endsWith("ch") || lemma.endsWith("sh") || lemma.endsWith("o");
        forms.add(lemma + (sibilant ? "es" : "s"));
        forms.add(lemma.endsWith("e") ? lemma + "d" : lemma + "ed");
        if (lemma.endsWith("ie")) {
            forms.add(lemma.substring(0, lemma.length() - 2) + "ying");
        } else if (lemma.endsWith("e") && !lemma.endsWith("ee") && !lemma.endsWith("oe") && !lemma.endsWith("ye")
                && lemma.length() > 2) {
            forms.add(lemma.substring(0, lemma.length() - 1) + "ing");
        } else {
            forms.add(lemma + "ing");
        }
        return new ArrayList<>(forms);
    }

    private static boolean endsInConsonantY(String w) {
        int n = w.length();
        return n >= 3 && w.charAt(n - 1) == 'y' && Character.isLetter(w.charAt(n - 2))
                && "aeiouy".indexOf(w.charAt(n - 2)) < 0;
    }

    private static void product(List<List<String>> forms, int k, StringBuilder prefix, Set<String> out) {
        if (k == forms.size()) {
            out.add(prefix.toString());
            return;
        }
        int mark = prefix.length();
        for (String f : forms.get(k)) {
            if (k > 0) {
                prefix.append(' ');
            }
            prefix.append(f);
            product(forms, k + 1, prefix, out);
            prefix.setLength(mark);
        }
    }
}
