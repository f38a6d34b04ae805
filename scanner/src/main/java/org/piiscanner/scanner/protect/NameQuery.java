package org.piiscanner.scanner.protect;

import java.util.List;
import java.util.Objects;

/**
 * A person name as a subject search looks for it: the whole normalised name and, per token, the terms that can
 * stand for that token in a location (see {@link Protector#nameQuery}). Holds hashes only.
 *
 * @param full the whole normalised name ({@link TermKind#NAME})
 * @param tokens the distinct tokens of two or more characters, in name order (possibly none, e.g. {@code "J."})
 */
public record NameQuery(HashedTerm full, List<Token> tokens) {

    public NameQuery {
        Objects.requireNonNull(full, "full");
        tokens = List.copyOf(tokens);
    }

    /**
     * One token of a name.
     *
     * @param token the token as a name token ({@link TermKind#NAME_TOKEN})
     * @param phonetic its Double Metaphone keys ({@link TermKind#NAME_PHONETIC}); empty for tokens with digits
     * @param word the token as a word of a text ({@link TermKind#WORD})
     */
    public record Token(HashedTerm token, List<HashedTerm> phonetic, HashedTerm word) {

        public Token {
            Objects.requireNonNull(token, "token");
            phonetic = List.copyOf(phonetic);
            Objects.requireNonNull(word, "word");
        }
    }
}
