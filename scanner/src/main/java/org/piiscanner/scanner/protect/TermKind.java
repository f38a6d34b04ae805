package org.piiscanner.scanner.protect;

/**
 * The kinds of keyed-hash terms a location is indexed under, each hashed in its own namespace so that the same
 * string as a word and as a name token gives unrelated hashes.
 */
public enum TermKind {
    /** The canonical value of an identifier (e-mail, phone, NINO...), namespaced by entity type. */
    VALUE("value", 10f),
    /** A whole person name, normalised ({@code "jane smith"}). */
    NAME("name", 4f),
    /** One token of a person name ({@code "smith"}). */
    NAME_TOKEN("name-token", 1f),
    /** A Double Metaphone key of a name token ({@code SM0}, {@code XMT}): spelling variants. */
    NAME_PHONETIC("name-phonetic", 0.5f),
    /** A word of the location's text, whether or not a detector fired there. */
    WORD("word", 0.25f);

    private final String namespace;
    private final float defaultWeight;

    TermKind(String namespace, float defaultWeight) {
        this.namespace = namespace;
        this.defaultWeight = defaultWeight;
    }

    /** The HMAC namespace of this kind (without the type suffix of {@link #VALUE}). */
    String namespace() {
        return KeyedHasher.NAMESPACE_VERSION + "/" + namespace;
    }

    /**
     * A starting weight for ranking by evidence: an exact identifier outweighs a full name, which outweighs
     * tokens and phonetic keys. The subject search is free to use its own.
     */
    public float defaultWeight() {
        return defaultWeight;
    }
}
