package org.piiscanner.scanner.subject;

/** How an identifier matched at a location, from the most to the least telling. */
public enum MatchKind {
    /** The identifier's exact value (after normalisation): a detector found it there. */
    EXACT("exact value"),
    /** The identifier's canonical form as a plain word of the text: no detector marked it. */
    WORD("as a word (no detector finding)"),
    /** The whole name, after normalisation (case, accents, "Surname, Given" order, honorifics). */
    NAME_FULL("full name"),
    /** Every part of the name as a name, in any order or with parts hyphenated or joined differently. */
    NAME_TOKENS("every part of the name, any order"),
    /** Every part of the name, some as a spelling variant (same phonetic key) or as a plain word only. */
    NAME_VARIANT("every part of the name, with spelling variants"),
    /** Some parts of the name (a surname alone): adds little on its own. */
    NAME_PARTIAL("part of the name");

    private final String description;

    MatchKind(String description) {
        this.description = description;
    }

    /** A short description for users. */
    public String description() {
        return description;
    }
}
