/**
 * The keyed-hash index of locations (Lucene), and how it stays consistent with the findings store. The only
 * package that imports Lucene.
 *
 * <h2>What is indexed</h2>
 * One document per location that has been scanned and not deleted
 * ({@link org.piiscanner.scanner.index.LocationDocument}):
 * location id, source id, path, data categories, entity types, and keyed-hash terms from the
 * {@link org.piiscanner.scanner.protect.Protector}: identifier value hashes, person-name terms (full name, tokens,
 * Double Metaphone keys) and, unless {@code pii.index.word-tokens=false}, the hash of every distinct word of the
 * text, so a person can be found where no detector fired. Stored fields are ids, the path, categories, types and a
 * word-token flag; no plaintext personal value is indexed or stored. Lives in {@code <data-dir>/index}.
 *
 * <h2>Searching (issue 6)</h2>
 * {@link org.piiscanner.scanner.index.LocationIndex#search(java.util.Map, int)} takes hashed terms with weights
 * (the subject search hashes the identifiers it is given with the same {@code Protector}) and returns the best
 * locations with the terms each one matched; a location's score is the sum of its matched terms' weights, so two
 * identifiers outrank one and an exact identifier outranks a common name
 * ({@link org.piiscanner.scanner.protect.TermKind#defaultWeight()}). Ranking refinements belong to the search.
 * {@link org.piiscanner.scanner.index.LocationIndex#search(java.util.List, java.util.Map, int)} adds required groups
 * (a location must hold a term of each: "every part of the name"), so the index intersects postings instead of
 * scoring every location that shares a first name; the matched terms of all hits are found per segment, one term
 * lookup each, not per hit.
 *
 * <h2>Consistency with the store (the system of record)</h2>
 * {@link org.piiscanner.scanner.index.IndexSync} implements the protocol: a store write marks the location
 * {@code PENDING} in the chunk's transaction; the index change is applied after that transaction commits; after a
 * Lucene commit the location is marked {@code CURRENT}. A crash in between leaves it {@code PENDING}:
 * {@link org.piiscanner.scanner.index.IndexSync#repair()} deletes documents of deleted locations and rebuilds the
 * others from their stored findings.
 *
 * <h2>Rebuilding, and why word tokens need a rescan</h2>
 * The store holds value hashes and name terms, but not word-token hashes (they would multiply its size many times
 * over and duplicate the index). So a document rebuilt from the store ({@code repair}, or
 * {@link org.piiscanner.scanner.index.IndexSync#rebuild()} after losing the index directory) has every identifier
 * and name but no words, and its location is marked {@code PARTIAL}. {@code PARTIAL} locations never count as
 * unchanged, so the next scan reads them again and restores their words: a full rebuild costs one full rescan,
 * and identifier search works in the meantime.
 *
 * <h2>Limits</h2>
 * One writing process at a time (Lucene's write lock; a search in another process can open the index read-only).
 * A key rotation or normalisation change invalidates every term: rebuild by rescanning into a new data directory.
 */
package org.piiscanner.scanner.index;
