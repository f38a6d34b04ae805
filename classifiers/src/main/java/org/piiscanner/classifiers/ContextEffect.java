package org.piiscanner.classifiers;

/**
 * A context word found near a match and how much it moved the score (negative for negative context).
 *
 * @param word the configured context word or phrase (never text from the document)
 * @param delta the change it made to the score
 */
public record ContextEffect(String word, double delta) {
}
