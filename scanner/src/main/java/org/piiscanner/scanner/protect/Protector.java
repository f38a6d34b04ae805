package org.piiscanner.scanner.protect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * <p>Thread-safe; its only state is a cache of recent word-token hashes.
 */
public final class Protector {

    /** Bytes kept of a word-token HMAC. */
    public static final int WORD_HASH_BYTES = 16;

    /** The shortest canonical identifier {@link #identifierWordTerm} turns into a word term. */
    static final int MIN_IDENTIFIER_WORD = 6;

    private final ValueNormalizer normalizer;
    private final KeyedHasher hasher;
    private final DoubleMetaphone metaphone = new DoubleMetaphone();
    /**
     * Word-token hashes of recent words, in memory only: the words of a corpus repeat (names, domains, towns), and
     * an HMAC costs about a microsecond.
     */
    private final RecentValues<String, String> recentWords = new RecentValues<>(RECENT_WORDS);

    /** How many word-token hashes {@link #wordTokenHashes} remembers. */
    static final int RECENT_WORDS = 1 << 16;

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
        NameQuery query = nameQuery(rawName);
        if (query == null) {
            return List.of();
        }
        Set<HashedTerm> terms = new LinkedHashSet<>();
        terms.add(query.full());
        for (NameQuery.Token token : query.tokens()) {
            terms.add(token.token());
        }
        for (NameQuery.Token token : query.tokens()) {
            terms.addAll(token.phonetic());
        }
        return List.copyOf(terms);
    }

    /**
     * The terms of a person name grouped for a subject search: the whole normalised name and, per token of two
     * or more characters, its name-token term, its Double Metaphone keys and its word-token hash (the same token
     * as a plain word of a text, where no detector marked a name). Exactly the terms {@link #nameTerms} and
     * {@link #wordTokenHashes} give a document holding the name. Null for a name with no letters or digits.
     */
    public NameQuery nameQuery(String rawName) {
        String full = normalizer.normalize(ValueNormalizer.PERSON, rawName);
        if (full.isEmpty()) {
            return null;
        }
        HashedTerm fullTerm = new HashedTerm(TermKind.NAME, hasher.base64Url(TermKind.NAME.namespace(), full));
        Set<String> seen = new LinkedHashSet<>();
        List<NameQuery.Token> tokens = new ArrayList<>();
        for (String token : ValueNormalizer.nameTokens(full)) {
            if (token.length() < 2 || !seen.add(token)) {
                continue;
            }
            Set<HashedTerm> phonetic = new LinkedHashSet<>();
            if (token.chars().allMatch(Character::isLetter)) {
                for (String key : new String[] {metaphone.doubleMetaphone(token),
                    metaphone.doubleMetaphone(token, true)}) {
                    if (key != null && !key.isEmpty()) {
                        phonetic.add(new HashedTerm(TermKind.NAME_PHONETIC,
                                hasher.base64Url(TermKind.NAME_PHONETIC.namespace(), key)));
                    }
                }
            }
            tokens.add(new NameQuery.Token(
                    new HashedTerm(TermKind.NAME_TOKEN, hasher.base64Url(TermKind.NAME_TOKEN.namespace(), token)),
                    List.copyOf(phonetic),
                    new HashedTerm(TermKind.WORD, hasher.base64Url(TermKind.WORD.namespace(), token,
                            WORD_HASH_BYTES))));
        }
        return new NameQuery(fullTerm, tokens);
    }

    /**
     * The word-token hash of an identifier's canonical form, when that form is a single word of at least
     * {@value #MIN_IDENTIFIER_WORD} characters (a NINO, an IBAN, a card or passport number written compactly): a
     * subject search uses it to find the identifier in texts where no detector fired. Empty for identifiers whose
     * canonical form is several words (e-mail addresses, dates, sort code and account).
     */
    public Optional<HashedTerm> identifierWordTerm(String typeName, String raw) {
        String canonical = normalizer.normalize(typeName, raw);
        Set<String> tokens = WordTokens.distinct(canonical);
        if (tokens.size() != 1) {
            return Optional.empty();
        }
        String token = tokens.iterator().next();
        if (token.length() < MIN_IDENTIFIER_WORD || token.length() < canonical.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new HashedTerm(TermKind.WORD, hasher.base64Url(TermKind.WORD.namespace(), token,
                WORD_HASH_BYTES)));
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
            hashes.add(recentWords.get(token, t -> hasher.base64Url(ns, t, WORD_HASH_BYTES)));
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
