package org.piiscanner.classifiers;

/**
 * What a compound must have for a detector to look at it, checked by the engine before calling
 * {@link Detector#scan}: a declaration, so that most of the compounds of a text reach only the detectors that could
 * match them (most numbers are too short to be a card number).
 *
 * <p>The features are properties of the whole compound: {@link #DIGIT} (a word holds a digit), {@link #UPPER} (an
 * upper-case letter), {@link #LETTER} (any letter), {@link #MIXED} (a word mixing letters and digits),
 * {@link #COLON} (a {@code :} or {@code ::} joiner, or {@code :} just before or after the compound), {@link #DOT},
 * {@link #HYPHEN}, {@link #SLASH}, {@link #SPACE} (joiners), {@link #LONG} (seven or more characters), {@link #AFFIX} (a {@code +} or
 * {@code (} just before the compound, or a {@code (} or {@code )} just after it) and {@link #WORD_AFTER} (a space or
 * hyphen then a letter just after it). A filter must never reject a compound its detector could match: when in doubt, ask for
 * less.
 *
 * @param minLength the compound's minimum length in characters (first word's start to last word's end)
 * @param allOf features the compound must all have
 * @param anyOf features of which the compound must have at least one (0 = no such requirement)
 */
public record CompoundFilter(int minLength, int allOf, int anyOf) {

    public static final int DIGIT = 1;
    public static final int UPPER = 2;
    public static final int LETTER = 4;
    public static final int MIXED = 8;
    public static final int COLON = 16;
    public static final int DOT = 32;
    public static final int HYPHEN = 64;
    public static final int SLASH = 128;
    public static final int LONG = 256;
    public static final int AFFIX = 512;
    public static final int WORD_AFTER = 1024;
    public static final int SPACE = 2048;

    /** Every compound. */
    public static final CompoundFilter ANY = new CompoundFilter(1, 0, 0);

    /** Compounds of at least {@code minLength} characters having all of {@code features}. */
    public static CompoundFilter of(int minLength, int features) {
        return new CompoundFilter(minLength, features, 0);
    }

    /** True if a compound of this length with these features may hold a match. */
    public boolean accepts(int length, int features) {
        return length >= minLength && (features & allOf) == allOf && (anyOf == 0 || (features & anyOf) != 0);
    }
}
