/**
 * The one place raw personal values are turned into keyed hashes.
 *
 * <p>Nothing outside a source system may hold a raw value: the findings store, the index and the logs keep
 * offsets, masked previews and HMACs. This package is where a raw value is last seen. Scanners hand it each
 * {@link org.piiscanner.classifiers.Finding} (and, for the index, the extracted text); the subject search hands it
 * the identifiers it is asked about. Both go through the same code, so a phone number found in a file, in a
 * database row and typed into a search hash alike.
 *
 * <h2>What happens to a value</h2>
 * <ol>
 *   <li>{@link org.piiscanner.scanner.protect.ValueNormalizer} reduces it to one canonical string per entity type
 *       (e-mail lower-cased, phone E.164, NINO compact upper-case, sort code + account {@code SSSSSS-AAAAAAAA},
 *       date of birth ISO, names folded and reordered...). The class documentation is the table of rules; its
 *       test is one table with several spellings per type.</li>
 *   <li>{@link org.piiscanner.scanner.protect.KeyedHasher} computes HMAC-SHA256 of {@code namespace U+0000
 *       value} under the installation's secret key. Namespaces keep kinds apart: {@code pii1/value/UK_NINO},
 *       {@code pii1/name}, {@code pii1/name-token}, {@code pii1/name-phonetic}, {@code pii1/word}.</li>
 *   <li>{@link org.piiscanner.scanner.protect.Protector} assembles the results: a
 *       {@link org.piiscanner.scanner.protect.ProtectedFinding} (type, categories, offsets, position, score,
 *       detector, pattern, explanation JSON, masked preview, value hash, test-value flag, name terms), the name
 *       terms of a person name (whole name, tokens, Double Metaphone keys) and the word-token hashes of a text.</li>
 * </ol>
 *
 * <h2>Why a key, and where it lives</h2>
 * A plain hash of a phone number or NINO can be reversed by hashing every candidate (there are only about 10^10
 * UK phone numbers). An HMAC cannot be computed without the key, so the store and index are useless to someone
 * who has them but not the key. {@link org.piiscanner.scanner.protect.HmacKeys} finds the key, in order:
 * <ol>
 *   <li>configuration property {@code pii.hmac-key} (base64; use an environment-specific config, never a file
 *       in the repository);</li>
 *   <li>environment variable {@code PII_SCANNER_HMAC_KEY} (base64);</li>
 *   <li>the key file, {@code <data-dir>/hmac.key} unless {@code pii.hmac-key-file} says otherwise (base64 text).
 *       If it does not exist, a 32-byte random key is generated into it on first run, created {@code rw-------}.
 *       An existing key file readable or writable by group or others is refused at start-up.</li>
 * </ol>
 * The key is never logged or printed; only its <em>key id</em> (an HMAC of a fixed label) is, and the store and
 * the index record that id so that opening them with a different key fails loudly instead of silently finding
 * nothing. Every process that writes to or searches the same store (a scan, a search, remote partition workers)
 * must use the same key: copy {@code hmac.key} (or set {@code PII_SCANNER_HMAC_KEY} to its content) on each. Keep
 * the key away from people who only read reports: with the key and the store, values can be guessed back.
 *
 * <h2>Rotating the key (= re-indexing)</h2>
 * Hashes cannot be converted to a new key, because the raw values are not kept. Rotation is therefore a rebuild:
 * <ol>
 *   <li>stop scans and searches; keep the old data directory until step 4 succeeded;</li>
 *   <li>install the new key (replace {@code hmac.key}, or set the property or environment variable) and point the
 *       scanner at a new, empty data directory (or database and index directory);</li>
 *   <li>run every file and database scan again in full: every location is new, every value is re-hashed;</li>
 *   <li>recreate open subject requests from their originals (their stored hashes are under the old key), then
 *       delete the old data directory and destroy the old key.</li>
 * </ol>
 * The same applies when a normalisation rule changes: {@link org.piiscanner.scanner.protect.KeyedHasher#NAMESPACE_VERSION}
 * is bumped and the store and index must be rebuilt by rescanning.
 *
 * <h2>What this package does not do</h2>
 * It stores nothing, logs nothing and holds no raw value after a call returns. It does not decide what is personal
 * data (the detectors do) and does not rank search results (the subject search does, helped by
 * {@link org.piiscanner.scanner.protect.TermKind#defaultWeight()}).
 */
package org.piiscanner.scanner.protect;
