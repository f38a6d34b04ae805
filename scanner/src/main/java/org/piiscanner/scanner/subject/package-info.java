/**
 * Subject access and erasure requests: find everything held about one person, export it, prove its erasure, and
 * keep an audit log of all of it. Driven by the {@code subject}, {@code verify-report} and {@code audit} commands;
 * the entry point is {@link org.piiscanner.scanner.subject.SubjectService}.
 *
 * <h2>Find</h2>
 * The identifiers a DPO types ({@link org.piiscanner.scanner.subject.SubjectIdentifier}: a name, e-mail, phone,
 * NINO, date of birth or any identifier type of {@link org.piiscanner.scanner.subject.IdentifierTypes}) go through
 * the scanners' own {@link org.piiscanner.scanner.protect.Protector} at once, the one component that normalises and
 * hashes, so that {@code +44 20 7946 0018} finds the {@code 020 7946 0018} a file scan hashed and
 * {@code Smith, Jane} finds {@code Jane Smith}. From then on only hashes exist ({@code HashedSubject}): the
 * request is recorded by id with them, never with a value, and can be searched again without the DPO typing the
 * identifiers again.
 *
 * <p>{@code SubjectSearch} queries the index twice: locations holding any exact identifier or the whole name, and,
 * per name, locations holding every part of it (as a name token, a phonetic key or a plain word). Each hit knows
 * which of the request's terms it holds; {@code EvidenceScorer} turns them into a score: each identifier's strongest
 * match (exact value, value as a word, full name, name in parts, spelling variant) with its strength, combined as
 * {@code 1 - product(1 - strength)}. One strong identifier (e-mail, NINO, phone, account...) is enough on its own;
 * two identifiers outrank one; a name alone (a namesake) ranks below both. The store's findings then say where
 * each identifier is (page and line, or the column of a row) and which data categories the location holds.
 *
 * <h2>Export</h2>
 * CSV or JSON of the request's locations and findings. With values ({@code --with-values}, audited), files are
 * re-extracted with the same Tika extractor and rows re-read by key through a {@link
 * org.piiscanner.scanner.subject.RowReader}; a value is exported only if it hashes to what the scan stored, and
 * only if it is one of the person's identifiers or sits in a row found with high confidence: other people's data
 * in the same file is withheld (see {@code ExportBuilder}).
 *
 * <h2>Verify erasure</h2>
 * Every location of the request, and every location a new search of the index finds, is re-read at its source and
 * its current content turned into the terms a scan would index ({@code ContentTerms}: the detectors through the
 * Protector, plus word hashes), then scored like a hit: {@code GONE} (re-read, score under the request's minimum),
 * {@code STILL_PRESENT}, {@code LOCATION_MISSING} (file, embedded document or row no longer exists),
 * {@code UNVERIFIED} (unreachable: never counted as gone) or {@code EXCLUDED} (a namesake, by the DPO's decision).
 * The report ({@link org.piiscanner.scanner.subject.ErasureReport}) is signed with the data directory's Ed25519
 * key ({@link org.piiscanner.scanner.subject.SigningKeys}, {@link org.piiscanner.scanner.subject.SignedReport}).
 *
 * <h2>Audit</h2>
 * {@link org.piiscanner.scanner.subject.AuditLog}: every find, export and verification appends an HMAC-chained
 * entry (who, when, request, identifier hashes, counts) in the same transaction as the request's records; its
 * Javadoc states what the chain proves and what it cannot.
 *
 * <h2>What this package does not do</h2>
 * It never stores, logs or prints a value (only the CLI prints, and only the export with values holds values, in a
 * file the DPO names); it does not scan (the scan jobs fill the store and index), does not delete anything at the
 * sources (erasure is the data owners' job; this package proves it), and does not connect to source databases
 * itself (the database scan's {@code RowReader} does).
 */
package org.piiscanner.scanner.subject;
