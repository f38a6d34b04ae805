/**
 * The findings store: the system of record of scans, over JDBC (Spring's {@code JdbcClient}), on an embedded H2
 * file database in the data directory or on PostgreSQL. The schema is Flyway's ({@code db/migration/common} for
 * ours, portable SQL; {@code db/migration/{vendor}} for Spring Batch's job repository, which lives in the same
 * database). No column holds a raw personal value.
 *
 * <h2>Tables</h2>
 * <ul>
 *   <li>{@code scan_run}: kind (FILES|DB), description, detector-config hash, start/end, status, tallies frozen at
 *       finish ({@link org.piiscanner.scanner.store.ScanRun}).</li>
 *   <li>{@code scan_source}: kind and locator (root path, or JDBC URL with credentials removed by
 *       {@link org.piiscanner.scanner.store.JdbcUrls}); {@code scan_run_source} links runs to sources.</li>
 *   <li>{@code scan_location}: one row per file, container entry ({@code a.zip!/b.docx}) or database row
 *       ({@code schema.table!/key}), holding its <em>latest</em> state: fingerprint (size, mtime, content hash)
 *       and config hash of the last successful scan, outcome (SCANNED/UNCHANGED/SKIPPED/DELETED) with skip reason
 *       and detail, findings count, first/last seen run, last scanned run, the run that recorded the outcome, and
 *       the index state.</li>
 *   <li>{@code finding}: location, entity type, categories (primary, secondary, Art. 9 subtypes), offsets,
 *       section/page/line/column, score, detector, pattern, validation, explanation JSON, masked preview,
 *       {@code value_hash} (HMAC of the normalised value), name terms (person names), test-value flag, first/last
 *       seen run.</li>
 *   <li>{@code store_meta}: the id of the HMAC key the hashes were made with
 *       ({@link org.piiscanner.scanner.store.FindingStore#bindKey}).</li>
 *   <li>{@code run_snapshot}, {@code run_snapshot_type}: the only history. When a run finishes
 *       {@code COMPLETED}, each of its sources is snapshotted: per location, findings per entity type and category
 *       set (counts only: no preview, hash or offset). The two newest snapshots of each source are kept, which is
 *       what a report needs to say what changed since the previous run
 *       ({@link org.piiscanner.scanner.store.RunSnapshot}).</li>
 * </ul>
 *
 * <h2>What reports read</h2>
 * Reports never read a {@link org.piiscanner.scanner.store.StoredFinding}: they page through
 * {@code listLocations}, then read {@link org.piiscanner.scanner.store.FindingStore#findingDigests} (type,
 * categories, score, masked preview, section: no keyed hash, no name terms), the modification time of entries'
 * containers ({@code containerModifiedMillis}), a source's runs ({@code runsOfSource}) and snapshots
 * ({@code snapshot}). None of these needs the HMAC key, so a store can be reported on without
 * {@link org.piiscanner.scanner.store.FindingStore#bindKey} (an auditor's copy without {@code hmac.key}).
 *
 * <h2>What a scan job calls, in order</h2>
 * <pre>{@code
 * at job start (not in a chunk):
 *   runId    = store.startRun(FILES, "scan files /srv/share", configHash)     // or reopenRun(runId) on restart
 *   sourceId = store.upsertSource(runId, FILES, "/srv/share")                // per root; idempotent
 *   indexSync.repair()                                                       // fix what a crash left PENDING
 * per chunk (inside the step's transaction, same DataSource and transaction manager):
 *   states = store.lookupAll(sourceId, paths)                                // decide per top-level location:
 *     state.unchangedSince(fingerprint, configHash)        -> store.recordUnchanged(runId, sourceId, [...])
 *     state.fingerprint().worthHashing(fingerprint)        -> hash the content, ask unchangedSince again
 *     otherwise extract + detect + protector.protect(...)  -> id = store.recordScanned(runId, sourceId, loc)
 *                                                             indexSync.upsert(LocationDocument.of(id, ...,
 *                                                                 protector.wordTokenHashes(text)))
 *     cannot read it                                       -> store.recordSkipped(runId, sourceId, path, reason,
 *                                                                 detail)
 * after each chunk (a ChunkListener), outside the chunk's transaction:
 *   indexSync.commitIfDue()                                 // a Lucene commit at most every pii.index.commit-interval
 * at the end of the step:
 *   indexSync.commit()
 * when every root was walked completely (not after a failed walk):
 *   for (long id : store.markDeletedNotSeen(runId, sourceId)) indexSync.delete(id)
 *   indexSync.commit()
 * finally:
 *   store.finishRun(runId, COMPLETED | FAILED | STOPPED)                     // COMPLETED also takes the snapshots
 * }</pre>
 * Entries of a container are recorded like files, with {@code LocationPath.of(root, entry...)}; recording the
 * container unchanged or skipped carries its entries along.
 *
 * <h2>Restarts and idempotency</h2>
 * Writes join the caller's transaction, so a chunk's locations, findings and Spring Batch's step context commit
 * together. {@code recordScanned} replaces a location's findings, so replaying a chunk (a restart resumes from the
 * last committed chunk and may redo it) never doubles them; tallies are counted from locations at
 * {@code finishRun}. A job killed with {@code kill -9} and restarted continues the same run ({@code reopenRun}):
 * locations it recorded keep their outcome, the rest are recorded by the resumed execution. On H2, the data source
 * uses {@code WRITE_DELAY=0}: without it, commits of the last half second are lost on {@code kill -9}
 * ({@code StoreCrashIT}, which kills a writer process, fails without it).
 *
 * <h2>Limits</h2>
 * <ul>
 *   <li>Latest state only: a location's row says what the last run did; older runs' per-location outcomes are
 *       not kept ({@code listLocations} of an old run shows the locations whose outcome it still holds). Run
 *       snapshots keep the per-type counts of the two newest completed runs of each source, nothing more.</li>
 *   <li>One scan of a given source at a time ({@code markDeletedNotSeen} compares run ids).</li>
 *   <li>The embedded H2 database is opened by one process at a time.</li>
 *   <li>Paths, section labels and skip details are stored as given: callers must not put document content in
 *       them. A database row's key can itself be personal data (an e-mail primary key): the database scan must
 *       render such keys with a hash, not the value.</li>
 * </ul>
 */
package org.piiscanner.scanner.store;
