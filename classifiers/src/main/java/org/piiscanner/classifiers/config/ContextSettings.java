package org.piiscanner.classifiers.config;

/**
 * How context words move scores (Presidio's context-enhancer knobs, per deployment).
 *
 * @param windowBefore characters before a match searched for context words (default 100)
 * @param windowAfter characters after a match searched for context words (default 50)
 * @param similarityFactor score added when a positive context word is found (default 0.35)
 * @param minScoreWithContext floor of the score of a match with positive context (default 0.4)
 * @param negativeFactor score removed when a negative context word is found (default 0.3)
 * @param negativeWindowBefore characters before a match searched for negative context words (default 30: a
 *     negative word qualifies the value right after it, as in "version 1.2.3.4" or "invoice date 01/02/2020")
 * @param negativeWindowAfter characters after a match searched for negative context words (default 15)
 * @param stopAtParagraph when true the window does not cross a blank line (default true)
 */
public record ContextSettings(int windowBefore, int windowAfter, double similarityFactor,
        double minScoreWithContext, double negativeFactor, int negativeWindowBefore, int negativeWindowAfter,
        boolean stopAtParagraph) {

    public static final ContextSettings DEFAULTS = new ContextSettings(100, 50, 0.35, 0.4, 0.3, 30, 15, true);

    public ContextSettings {
        for (int w : new int[] {windowBefore, windowAfter, negativeWindowBefore, negativeWindowAfter}) {
            if (w < 0 || w > 10_000) {
                throw new IllegalArgumentException("context windows must be between 0 and 10000 characters");
            }
        }
        checkUnit("similarity-factor", similarityFactor);
        checkUnit("min-score-with-context", minScoreWithContext);
        checkUnit("negative-factor", negativeFactor);
    }

    static void checkUnit(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + v);
        }
    }
}
