package org.piiscanner.scanner.eval;

import java.util.List;
import java.util.Objects;

/**
 * One sentence of a labelled corpus with its gold spans (labels as the corpus spells them).
 *
 * @param text the sentence
 * @param gold the gold spans, each inside the text
 */
public record LabelledText(String text, List<Span> gold) {

    public LabelledText {
        Objects.requireNonNull(text, "text");
        gold = List.copyOf(gold);
        for (Span s : gold) {
            if (s.end() > text.length()) {
                throw new IllegalArgumentException(s + " ends after the text (length " + text.length() + ")");
            }
        }
    }
}
