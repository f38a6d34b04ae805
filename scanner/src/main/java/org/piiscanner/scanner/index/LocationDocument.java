package org.piiscanner.scanner.index;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.scanner.protect.HashedTerm;
import org.piiscanner.scanner.protect.ProtectedFinding;
import org.piiscanner.scanner.protect.TermKind;
import org.piiscanner.scanner.store.IndexableLocation;
import org.piiscanner.scanner.store.StoredFinding;

/**
 * The index document of one location: ids, path, categories, entity types and keyed-hash terms. Holds no
 * plaintext personal value by construction: every term comes from the {@link org.piiscanner.scanner.protect.Protector}.
 *
 * @param locationId the store's location id (the document's identity)
 * @param sourceId the location's source
 * @param path the displayed path
 * @param categories primary and secondary data categories of its findings
 * @param entityTypes entity type names of its findings
 * @param terms keyed-hash terms: value hashes, name terms and, unless {@code wordTokens} is false, word tokens
 * @param wordTokens whether the word tokens of the content are among the terms ({@code false} for documents
 *     rebuilt from the store, or when word tokens are switched off)
 */
public record LocationDocument(long locationId, long sourceId, String path, Set<DataCategory> categories,
        Set<String> entityTypes, Set<HashedTerm> terms, boolean wordTokens) {

    public LocationDocument {
        Objects.requireNonNull(path, "path");
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        entityTypes = Set.copyOf(entityTypes);
        terms = Set.copyOf(terms);
    }

    /**
     * The document of a location just scanned: its protected findings plus the word-token hashes of its text
     * ({@link org.piiscanner.scanner.protect.Protector#wordTokenHashes}), or null when word tokens are off.
     */
    public static LocationDocument of(long locationId, long sourceId, String path,
            Collection<ProtectedFinding> findings, Set<String> wordTokenHashes) {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        Set<String> types = new TreeSet<>();
        Set<HashedTerm> terms = new LinkedHashSet<>();
        for (ProtectedFinding f : findings) {
            categories.add(f.category());
            categories.addAll(f.secondaryCategories());
            types.add(f.entityType());
            terms.addAll(f.indexTerms());
        }
        if (wordTokenHashes != null) {
            for (String h : wordTokenHashes) {
                terms.add(new HashedTerm(TermKind.WORD, h));
            }
        }
        return new LocationDocument(locationId, sourceId, path, categories, types, terms, wordTokenHashes != null);
    }

    /** The document rebuilt from the store alone: everything but word tokens. */
    public static LocationDocument fromStore(IndexableLocation location) {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        Set<String> types = new TreeSet<>();
        Set<HashedTerm> terms = new LinkedHashSet<>();
        for (StoredFinding f : location.findings()) {
            categories.add(f.category());
            categories.addAll(f.secondaryCategories());
            types.add(f.entityType());
            terms.addAll(f.indexTerms());
        }
        return new LocationDocument(location.id(), location.sourceId(), location.path(), categories, types, terms,
                false);
    }
}
