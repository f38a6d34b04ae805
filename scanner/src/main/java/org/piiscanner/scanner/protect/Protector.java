package org.piiscanner.scanner.protect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;

/**
 * The one place raw values become hashes: normalises per entity type ({@link ValueNormalizer}) and HMACs
 * ({@link KeyedHasher}) values, names and word tokens, and turns a {@link Finding} into a {@link ProtectedFinding}
 * that holds no raw value. Scanners call it on what they find; the subject search calls it on what it is asked,
 * so both sides agree by construction.
 *
 * <p>Namespaces (under {@link KeyedHasher#NAMESPACE_VERSION}): {@code value/<TYPE>} per entity type,
 * {@code name}, {@code name-token}, {@code name-phonetic}, {@code word}. Value and name hashes are full 32-byte
 * HMACs; word-token hashes are truncated to {@value #WORD_HASH_BYTES} bytes (128 bits) to keep the index small.
 * All are unpadded base64url.
 *
 * <p>Immutable and thread-safe.
 */
public final class Protector {

    /** Bytes kept of a word-token HMAC. */
    public static final int WORD_HASH_BYTES = 16;

    private final ValueNormalizer normalizer;
    private final KeyedHasher hasher;
    private final DoubleMetaphone metaphone = new DoubleMetaphone();

    public Protector(ValueNormalizer normalizer, KeyedHasher hasher) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** The key id of the underlying key (see {@link KeyedHasher#keyId()}). */
    public String keyId() {
        return hasher.keyId();
    }

    /** The keyed hash of {@code raw} normalised as a value of {@code type}. */
    public String valueHash(EntityType type, String raw) {
        return valueHash(type.name(), raw);
    }

    /** The keyed hash of {@code raw} normalised as a value of the type named {@code typeName}. */
    public String valueHash(String typeName, String raw) {
        return hasher.base64Url(TermKind.VALUE.namespace() + "/" + typeName, normalizer.normalize(typeName, raw));
    }

    /** {@link #valueHash} as an index term. */
    public HashedTerm valueTerm(String typeName, String raw) {
        return new HashedTerm(TermKind.VALUE, valueHash(typeName, raw));
    }

    /**
     * The terms of a person name: the whole normalised name, each token of two or more characters, and each
     * token's Double Metaphone keys (primary and alternate), each in its own namespace, without duplicates. Empty
     * for a name with no letters or digits.
     */
    public List<HashedTerm> nameTerms(String rawName) {
        String full = normalizer.normalize(ValueNormalizer.PERSON, rawName);
        if (full.isEmpty()) {
            return List.of();
        }
        Set<HashedTerm> terms = new LinkedHashSet<>();
        terms.add(new HashedTerm(TermKind.NAME, hasher.base64Url(TermKind.NAME.namespace(), full)));
        List<String> tokens = ValueNormalizer.nameTokens(full);
        for (String token : tokens) {
            if (token.length() >= 2) {
                terms.add(new HashedTerm(TermKind.NAME_TOKEN,
                        hasher.base64Url(TermKind.NAME_TOKEN.namespace(), token)));
            }
        }
        for (String token : tokens) {
            if (token.length() >= 2 && token.chars().allMatch(Character::isLetter)) {
                for (String key : new String[] {metaphone.doubleMetaphone(token),
                    metaphone.doubleMetaphone(token, true)}) {
                    if (key != null && !key.isEmpty()) {
                        terms.add(new HashedTerm(TermKind.NAME_PHONETIC,
                                hasher.base64Url(TermKind.NAME_PHONETIC.namespace(), key)));
                    }
                }
            }
        }
        return List.copyOf(terms);
    }

    /**
     * The keyed hashes of the distinct word tokens of {@code text} (lower-cased, accent-folded letter-digit runs),
     * each HMAC'd in the word namespace and truncated to {@value #WORD_HASH_BYTES} bytes.
     */
    public Set<String> wordTokenHashes(CharSequence text) {
        Set<String> tokens = WordTokens.distinct(text);
        Set<String> hashes = new HashSet<>(Math.max(16, tokens.size() * 4 / 3 + 1));
        String ns = TermKind.WORD.namespace();
        for (String token : tokens) {
            hashes.add(hasher.base64Url(ns, token, WORD_HASH_BYTES));
        }
        return hashes;
    }

    /** {@link #wordTokenHashes} as index terms (for a search over words). */
    public List<HashedTerm> wordTerms(CharSequence text) {
        List<HashedTerm> terms = new ArrayList<>();
        for (String hash : wordTokenHashes(text)) {
            terms.add(new HashedTerm(TermKind.WORD, hash));
        }
        return terms;
    }

    /** {@link #protect(Finding, FindingPosition)} with no position beyond the offsets. */
    public ProtectedFinding protect(Finding finding) {
        return protect(finding, FindingPosition.NONE);
    }

    /**
     * Everything the store and index keep about {@code finding}, with its value replaced by a keyed hash (and, for
     * person names, name terms). The raw value is read here and nowhere downstream.
     */
    public ProtectedFinding protect(Finding finding, FindingPosition position) {
        EntityType type = finding.type();
        String raw = finding.sensitiveValue();
        List<HashedTerm> nameTerms = ValueNormalizer.PERSON.equals(type.name()) ? nameTerms(raw) : List.of();
        return new ProtectedFinding(type.name(), type.category(), type.secondaryCategories(),
                type.specialCategories(), finding.start(), finding.end(), position, finding.score(),
                finding.detector(), finding.explanation().pattern(), finding.explanation().validation(),
                ExplanationJson.of(finding.explanation()), finding.maskedPreview(), valueHash(type, raw),
                finding.testValue(), nameTerms);
    }

    @Override
    public String toString() {
        return "Protector[" + hasher + "]";
    }
}
