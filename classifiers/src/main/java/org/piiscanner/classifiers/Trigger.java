package org.piiscanner.classifiers;

/**
 * What makes the engine call a detector. The engine walks the text once and calls each detector only for the
 * triggers it subscribed to, so detectors validate candidates instead of searching whole texts.
 */
public enum Trigger {
    /**
     * A compound: letters-and-digits words joined by single separators ({@code ' ' - . / :}, {@code ::} and runs of
     * {@code <}) that holds a digit, an upper-case word of two or more letters, a colon, or starts with {@code www.}.
     * A space joins two words only when both hold a digit or are all upper-case.
     */
    COMPOUND,
    /** An {@code @} sign. */
    AT_SIGN,
    /** The {@code ://} of a URL scheme, or the start of a compound beginning {@code www.}. */
    URL_SCHEME,
    /** Called once per text with the whole text (custom regex and deny-list detectors): slow, use sparingly. */
    WHOLE_TEXT
}
