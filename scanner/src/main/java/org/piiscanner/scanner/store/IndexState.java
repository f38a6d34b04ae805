package org.piiscanner.scanner.store;

/**
 * Whether a location's document in the Lucene index matches the store (the store is the system of record).
 *
 * <p>A location becomes {@link #PENDING} in the same transaction that changes its findings or marks it deleted,
 * and {@link #CURRENT} only after a Lucene commit that contains the change ({@link FindingStore#markIndexed}). A
 * crash in between leaves it {@code PENDING}, which the index repair picks up. {@link #PARTIAL} means the document
 * was rebuilt from the store, which holds no word tokens: identifiers and names are searchable, words only after
 * the next scan reads the content again.
 */
public enum IndexState {
    CURRENT, PENDING, PARTIAL
}
