package org.piiscanner.scanner.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.SpecialCategory;
import org.piiscanner.classifiers.Validation;
import org.piiscanner.scanner.protect.FindingPosition;
import org.piiscanner.scanner.protect.HashedTerm;
import org.piiscanner.scanner.protect.ProtectedFinding;
import org.piiscanner.scanner.protect.TermKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The findings store: scan runs, sources, locations and findings over JDBC (H2 or PostgreSQL, schema by Flyway).
 * The system of record: the Lucene index and every report are derived from it.
 *
 * <h2>Atomic and idempotent writes</h2>
 * Each write method runs in a transaction, joining the caller's if there is one (a Spring Batch chunk's, when the
 * step's transaction manager is the one given here), so a chunk's store writes commit or roll back with the chunk.
 * Every write is idempotent: {@link #recordScanned} <em>replaces</em> the location's findings, so a chunk replayed
 * after a crash (or a location scanned twice) never doubles findings; run tallies are computed from the locations,
 * never incremented. Writers of different locations may run concurrently; one location must be written by one
 * thread at a time (a partition owns its locations).
 *
 * <h2>Index consistency</h2>
 * A write that changes what the index should hold ({@link #recordScanned}, {@link #markDeletedNotSeen}) sets the
 * location's {@link IndexState#PENDING} in the same transaction; {@link #markIndexed} clears it after the Lucene
 * commit. See the {@code index} package.
 *
 * <p>Thread-safe. Never logs; holds no raw value.
 */
public final class FindingStore {

    static final String KEY_ID = "hmac_key_id";
    /** How many run snapshots ({@link RunSnapshot}) of each source are kept. */
    public static final int SNAPSHOTS_KEPT = 2;
    /**
     * Keys per {@code IN (...)} list. PostgreSQL plans a list of 500 keys against a table of 100,000 locations as a
     * sequential scan (cheaper on paper than 500 index probes), so each chunk of a database scan read the whole
     * table; at 100 it probes the unique index.
     */
    private static final int IN_LIST = 100;
    private static final int MAX_DETAIL = 1000;

    private static final String LOCATION_STATE_COLUMNS = "id, path_key, outcome, size_bytes, modified_millis, "
            + "content_hash, config_hash, last_scanned_run, index_state, findings_count, skip_reason, skip_detail, "
            + "skipped_size, skipped_modified_millis";
    private static final String LOCATION_COLUMNS = "id, source_id, path, depth, outcome, skip_reason, skip_detail, "
            + "findings_count, size_bytes, modified_millis, content_hash, config_hash, first_seen_run, "
            + "last_seen_run, last_scanned_run, outcome_run, index_state, updated_at";
    private static final String FINDING_COLUMNS = "id, location_id, ordinal, entity_type, category, "
            + "secondary_categories, special_categories, start_offset, end_offset, section_label, page_no, line_no, "
            + "column_no, score, detector, pattern, validation, explanation, masked_preview, value_hash, name_terms, "
            + "test_value, first_seen_run, last_seen_run";
    private static final String RUN_COLUMNS = "id, kind, description, config_hash, status, started_at, ended_at, "
            + "scanned_count, unchanged_count, skipped_count, deleted_count, findings_count, scanned_bytes";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final TransactionTemplate newTx;
    private final Clock clock;

    /** A store on {@code dataSource}, whose schema Flyway has migrated, writing through {@code transactions}. */
    public FindingStore(DataSource dataSource, PlatformTransactionManager transactions) {
        this(dataSource, transactions, Clock.systemUTC());
    }

    /** As {@link #FindingStore(DataSource, PlatformTransactionManager)}, with a clock for timestamps. */
    public FindingStore(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.template = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(transactions);
        this.newTx = new TransactionTemplate(transactions);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ------------------------------------------------------------------------------------------------ key

    /**
     * Records the HMAC key id on first use, and afterwards checks it: hashes made under one key never match those
     * of another, so a store opened with a different key must fail instead of silently finding nothing.
     *
     * @throws KeyMismatchException if the store was built with another key
     */
    public void bindKey(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        String recorded = newTx.execute(status -> {
            Optional<String> existing = metaValue(KEY_ID);
            if (existing.isPresent()) {
                return existing.get();
            }
            try {
                jdbc.sql("INSERT INTO store_meta (meta_key, meta_value) VALUES (?, ?)").params(KEY_ID, keyId)
                        .update();
                return keyId;
            } catch (DuplicateKeyException race) {
                return null;
            }
        });
        if (recorded == null) {
            recorded = metaValue(KEY_ID).orElseThrow();
        }
        if (!recorded.equals(keyId)) {
            throw new KeyMismatchException("the findings store was built with the HMAC key whose id is " + recorded
                    + ", but the configured key has id " + keyId + ": its hashes would match nothing. Configure the "
                    + "original key (pii.hmac-key, PII_SCANNER_HMAC_KEY or the data directory's hmac.key), or "
                    + "rotate the key by rescanning into a new data directory (see the protect package "
                    + "documentation)");
        }
    }

    private Optional<String> metaValue(String key) {
        return jdbc.sql("SELECT meta_value FROM store_meta WHERE meta_key = ?").param(key).query(String.class)
                .optional();
    }

    // ------------------------------------------------------------------------------------------------ runs

    /** Starts a run; returns its id. */
    public long startRun(ScanKind kind, String description, String configHash) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(configHash, "configHash");
        return tx.execute(status -> {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO scan_run (kind, description, config_hash, status, started_at) VALUES (?, ?, ?, ?, ?)")
                    .params(kind.name(), truncate(description, 2000), configHash, RunStatus.RUNNING.name(), now())
                    .update(key, "id");
            return generatedId(key);
        });
    }

    /**
     * Marks a run running again, for a job restarted after a crash or a stop: it continues the same run, so
     * locations it already recorded stay recorded.
     *
     * @throws IllegalArgumentException if there is no such run
     */
    public void reopenRun(long runId) {
        int n = tx.execute(status -> jdbc.sql("UPDATE scan_run SET status = ?, ended_at = NULL WHERE id = ?")
                .params(RunStatus.RUNNING.name(), runId).update());
        if (n == 0) {
            throw new IllegalArgumentException("no scan run " + runId);
        }
    }

    /**
     * Finishes a run with {@code status}, freezing its tallies; returns the finished run. A {@code COMPLETED} run
     * also takes a {@link RunSnapshot} of each of its sources (and drops the snapshots older than the
     * {@value #SNAPSHOTS_KEPT} newest), in the same transaction.
     */
    public ScanRun finishRun(long runId, RunStatus status) {
        Objects.requireNonNull(status, "status");
        return tx.execute(s -> {
            if (status == RunStatus.COMPLETED) {
                takeSnapshots(runId);
            }
            RunCounts c = runCounts(runId);
            int n = jdbc.sql("UPDATE scan_run SET status = ?, ended_at = ?, scanned_count = ?, unchanged_count = ?, "
                            + "skipped_count = ?, deleted_count = ?, findings_count = ?, scanned_bytes = ? "
                            + "WHERE id = ?")
                    .params(status.name(), now(), c.scanned(), c.unchanged(), c.skipped(), c.deleted(), c.findings(),
                            c.scannedBytes(), runId)
                    .update();
            if (n == 0) {
                throw new IllegalArgumentException("no scan run " + runId);
            }
            return findRun(runId).orElseThrow();
        });
    }

    /** Live tallies of a run, from the locations whose current outcome it recorded. */
    public RunCounts runCounts(long runId) {
        long[] t = new long[6];
        jdbc.sql("SELECT outcome, COUNT(*) AS n, COALESCE(SUM(findings_count), 0) AS f, "
                        + "COALESCE(SUM(CASE WHEN depth = 0 THEN size_bytes ELSE 0 END), 0) AS b "
                        + "FROM scan_location WHERE outcome_run = ? GROUP BY outcome")
                .param(runId)
                .query((RowMapper<Void>) (rs, i) -> {
                    Outcome o = Outcome.valueOf(rs.getString("outcome"));
                    t[o.ordinal()] = rs.getLong("n");
                    if (o != Outcome.DELETED) {
                        t[4] += rs.getLong("f");
                    }
                    if (o == Outcome.SCANNED) {
                        t[5] = rs.getLong("b");
                    }
                    return null;
                })
                .list();
        return new RunCounts(t[Outcome.SCANNED.ordinal()], t[Outcome.UNCHANGED.ordinal()],
                t[Outcome.SKIPPED.ordinal()], t[Outcome.DELETED.ordinal()], t[4], t[5]);
    }

    /**
     * Locations a run found it could not scan, by skip reason (reason name -> count), most frequent first.
     */
    public Map<String, Long> skippedByReason(long runId) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("SELECT skip_reason, COUNT(*) AS n FROM scan_location WHERE outcome_run = ? AND outcome = 'SKIPPED' "
                        + "GROUP BY skip_reason ORDER BY n DESC, skip_reason")
                .param(runId)
                .query((RowMapper<Void>) (rs, i) -> {
                    out.put(rs.getString("skip_reason"), rs.getLong("n"));
                    return null;
                })
                .list();
        return out;
    }

    /**
     * Findings held by the locations a run scanned or found unchanged, by primary category (category name ->
     * count), most frequent first.
     */
    public Map<String, Long> findingsByCategory(long runId) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("SELECT f.category, COUNT(*) AS n FROM finding f JOIN scan_location l ON f.location_id = l.id "
                        + "WHERE l.outcome_run = ? AND l.outcome <> 'DELETED' GROUP BY f.category "
                        + "ORDER BY n DESC, f.category")
                .param(runId)
                .query((RowMapper<Void>) (rs, i) -> {
                    out.put(rs.getString("category"), rs.getLong("n"));
                    return null;
                })
                .list();
        return out;
    }

    public Optional<ScanRun> findRun(long runId) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM scan_run WHERE id = ?").param(runId).query(this::run)
                .optional();
    }

    /**
     * Runs, newest first.
     *
     * @param beforeId list runs with a smaller id (the previous page's {@link Page#nextCursor()}), or null
     * @param limit page size, at least 1
     */
    public Page<ScanRun> listRuns(Long beforeId, int limit) {
        checkLimit(limit);
        String where = beforeId == null ? "" : " WHERE id < :before";
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT " + RUN_COLUMNS + " FROM scan_run" + where
                + " ORDER BY id DESC LIMIT :limit").param("limit", limit + 1);
        if (beforeId != null) {
            spec = spec.param("before", beforeId);
        }
        return page(spec.query(this::run).list(), limit, ScanRun::id);
    }

    /**
     * The runs that covered a source, newest first.
     */
    public List<ScanRun> runsOfSource(long sourceId) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM scan_run WHERE id IN "
                        + "(SELECT run_id FROM scan_run_source WHERE source_id = ?) ORDER BY id DESC")
                .param(sourceId).query(this::run).list();
    }

    // ------------------------------------------------------------------------------------------------ snapshots

    /**
     * Writes the snapshots of a run's sources: per location seen by the run (not deleted), its findings per
     * entity type and category set. Replaces an earlier snapshot of the same run (a restarted run finishing
     * again), then keeps only the {@value #SNAPSHOTS_KEPT} newest snapshots of each source.
     */
    private void takeSnapshots(long runId) {
        OffsetDateTime now = now();
        for (long sourceId : sourcesOfRun(runId)) {
            jdbc.sql("DELETE FROM run_snapshot_type WHERE run_id = ? AND source_id = ?").params(runId, sourceId)
                    .update();
            jdbc.sql("DELETE FROM run_snapshot WHERE run_id = ? AND source_id = ?").params(runId, sourceId).update();
            long locations = jdbc.sql("SELECT COUNT(*) FROM scan_location WHERE source_id = ? AND last_seen_run = ? "
                    + "AND outcome <> 'DELETED'").params(sourceId, runId).query(Long.class).single();
            jdbc.sql("INSERT INTO run_snapshot (run_id, source_id, taken_at, locations) VALUES (?, ?, ?, ?)")
                    .params(runId, sourceId, now, locations).update();
            jdbc.sql("INSERT INTO run_snapshot_type (run_id, source_id, location_id, entity_type, category, "
                            + "secondary_categories, special_categories, findings) "
                            + "SELECT ?, l.source_id, f.location_id, f.entity_type, f.category, "
                            + "f.secondary_categories, f.special_categories, COUNT(*) "
                            + "FROM finding f JOIN scan_location l ON l.id = f.location_id "
                            + "WHERE l.source_id = ? AND l.last_seen_run = ? AND l.outcome <> 'DELETED' "
                            + "GROUP BY l.source_id, f.location_id, f.entity_type, f.category, f.secondary_categories, "
                            + "f.special_categories")
                    .params(runId, sourceId, runId).update();
            List<Long> kept = jdbc.sql("SELECT run_id FROM run_snapshot WHERE source_id = ? ORDER BY run_id DESC")
                    .param(sourceId).query(Long.class).list();
            if (kept.size() > SNAPSHOTS_KEPT) {
                long oldestKept = kept.get(SNAPSHOTS_KEPT - 1);
                jdbc.sql("DELETE FROM run_snapshot_type WHERE source_id = ? AND run_id < ?")
                        .params(sourceId, oldestKept).update();
                jdbc.sql("DELETE FROM run_snapshot WHERE source_id = ? AND run_id < ?").params(sourceId, oldestKept)
                        .update();
            }
        }
    }

    /** The snapshot of {@code sourceId} at the end of run {@code runId}, if one was taken and is still kept. */
    public Optional<RunSnapshot> snapshot(long runId, long sourceId) {
        return jdbc.sql("SELECT taken_at, locations FROM run_snapshot WHERE run_id = ? AND source_id = ?")
                .params(runId, sourceId)
                .query((rs, i) -> new RunSnapshot(runId, sourceId, rs.getObject("taken_at", OffsetDateTime.class),
                        rs.getLong("locations")))
                .optional();
    }

    /**
     * Streams the entries of a snapshot (none if it does not exist) to {@code each}, by location then entity
     * type, with each location's path and current state; nothing is collected in memory. Entity type names are
     * shared between entries.
     */
    public void snapshotEntries(long runId, long sourceId, Consumer<SnapshotEntry> each) {
        Map<String, String> names = new HashMap<>();
        template.query("SELECT s.location_id, l.path, l.depth, l.outcome, l.first_seen_run, s.entity_type, "
                        + "s.category, s.secondary_categories, s.special_categories, s.findings "
                        + "FROM run_snapshot_type s JOIN scan_location l ON l.id = s.location_id "
                        + "WHERE s.run_id = ? AND s.source_id = ? ORDER BY s.location_id, s.entity_type",
                (RowCallbackHandler) rs -> each.accept(new SnapshotEntry(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        Outcome.DELETED.name().equals(rs.getString(4)), rs.getLong(5),
                        names.computeIfAbsent(rs.getString(6), n -> n), DataCategory.valueOf(rs.getString(7)),
                        enums(DataCategory.class, rs.getString(8)), enums(SpecialCategory.class, rs.getString(9)),
                        rs.getInt(10))),
                runId, sourceId);
    }

    // ------------------------------------------------------------------------------------------------ sources

    /**
     * The id of the source {@code kind} + {@code locator}, recorded if new, and linked to {@code runId}.
     * Credentials are removed from database locators ({@link JdbcUrls}). Idempotent and safe to call
     * concurrently; runs in its own transaction.
     */
    public long upsertSource(long runId, ScanKind kind, String locator) {
        Objects.requireNonNull(kind, "kind");
        String clean = kind == ScanKind.DB ? JdbcUrls.withoutCredentials(locator) : Objects.requireNonNull(locator);
        String key = LocationPath.sha256(kind.name() + "\0" + clean);
        Long id = newTx.execute(status -> {
            Optional<Long> existing = sourceId(key);
            if (existing.isPresent()) {
                return existing.get();
            }
            try {
                KeyHolder holder = new GeneratedKeyHolder();
                jdbc.sql("INSERT INTO scan_source (kind, locator, locator_key, created_at) VALUES (?, ?, ?, ?)")
                        .params(kind.name(), clean, key, now()).update(holder, "id");
                return generatedId(holder);
            } catch (DuplicateKeyException race) {
                return null;
            }
        });
        long sourceId = id != null ? id : sourceId(key).orElseThrow();
        newTx.executeWithoutResult(status -> {
            boolean linked = jdbc.sql("SELECT COUNT(*) FROM scan_run_source WHERE run_id = ? AND source_id = ?")
                    .params(runId, sourceId).query(Long.class).single() > 0;
            if (!linked) {
                try {
                    jdbc.sql("INSERT INTO scan_run_source (run_id, source_id) VALUES (?, ?)").params(runId, sourceId)
                            .update();
                } catch (DuplicateKeyException race) {
                    status.setRollbackOnly();
                }
            }
        });
        return sourceId;
    }

    private Optional<Long> sourceId(String key) {
        return jdbc.sql("SELECT id FROM scan_source WHERE locator_key = ?").param(key).query(Long.class).optional();
    }

    /** All sources, by id. */
    public List<Source> sources() {
        return jdbc.sql("SELECT id, kind, locator, created_at FROM scan_source ORDER BY id")
                .query((rs, i) -> new Source(rs.getLong("id"), ScanKind.valueOf(rs.getString("kind")),
                        rs.getString("locator"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /** The ids of the sources a run covered. */
    public List<Long> sourcesOfRun(long runId) {
        return jdbc.sql("SELECT source_id FROM scan_run_source WHERE run_id = ? ORDER BY source_id").param(runId)
                .query(Long.class).list();
    }

    // ------------------------------------------------------------------------------------------------ lookups

    /** What the store knows about one location, for incremental skipping. */
    public Optional<LocationState> lookup(long sourceId, LocationPath path) {
        return Optional.ofNullable(lookupAll(sourceId, List.of(path)).get(path));
    }

    /** {@link #lookup} for many locations at once (unknown ones are absent from the map). */
    public Map<LocationPath, LocationState> lookupAll(long sourceId, Collection<LocationPath> paths) {
        Map<String, LocationPath> byKey = new LinkedHashMap<>();
        for (LocationPath p : paths) {
            byKey.put(p.key(sourceId), p);
        }
        Map<LocationPath, LocationState> result = new HashMap<>();
        for (List<String> keys : chunks(new ArrayList<>(byKey.keySet()))) {
            jdbc.sql("SELECT " + LOCATION_STATE_COLUMNS + " FROM scan_location WHERE path_key IN (:keys)")
                    .param("keys", keys)
                    .query((RowMapper<Void>) (rs, i) -> {
                        LocationPath p = byKey.get(rs.getString("path_key"));
                        result.put(p, new LocationState(rs.getLong("id"), p, Outcome.valueOf(rs.getString("outcome")),
                                fingerprint(rs), rs.getString("config_hash"), nullableLong(rs, "last_scanned_run"),
                                IndexState.valueOf(rs.getString("index_state")), rs.getInt("findings_count"),
                                rs.getString("skip_reason") == null ? null
                                        : SkipReason.valueOf(rs.getString("skip_reason")),
                                rs.getString("skip_detail"), skippedAs(rs)));
                        return null;
                    })
                    .list();
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------------ writes

    /**
     * Records a scanned location and replaces its findings, atomically and idempotently; returns its id. A
     * finding keeps its first-seen run when the same type and value hash were already recorded for the location.
     * The location's index state becomes {@code PENDING}.
     */
    public long recordScanned(long runId, long sourceId, ScannedLocation location) {
        return recordScanned(runId, sourceId, List.of(location)).getFirst();
    }

    /**
     * {@link #recordScanned(long, long, ScannedLocation)} for several locations in one transaction, with a few
     * statements per batch rather than per location: one lookup of the paths, one batch insert of the new
     * locations, one lookup of their ids and one batch insert of every finding (a database scan records thousands of
     * rows a second, and a PostgreSQL store pays a round trip per statement).
     */
    public List<Long> recordScanned(long runId, long sourceId, List<ScannedLocation> locations) {
        return tx.execute(status -> {
            Map<String, Long> ids = new HashMap<>();
            List<String> keys = new ArrayList<>(locations.size());
            for (ScannedLocation loc : locations) {
                keys.add(loc.path().key(sourceId));
            }
            idsByKey(new ArrayList<>(new LinkedHashSet<>(keys)), " FOR UPDATE", ids);
            List<FindingRows> rows = new ArrayList<>();
            List<ScannedLocation> fresh = new ArrayList<>();
            List<String> freshKeys = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < locations.size(); i++) {
                ScannedLocation loc = locations.get(i);
                Long id = ids.get(keys.get(i));
                if (id != null) {
                    rows.add(new FindingRows(id, loc.findings(), rewriteScanned(runId, id, loc)));
                } else if (seen.add(keys.get(i))) {
                    fresh.add(loc);
                    freshKeys.add(keys.get(i));
                }
            }
            if (!fresh.isEmpty()) {
                insertLocations(runId, sourceId, fresh);
                idsByKey(freshKeys, "", ids);
                for (int i = 0; i < fresh.size(); i++) {
                    rows.add(new FindingRows(ids.get(freshKeys.get(i)), fresh.get(i).findings(), Map.of()));
                }
            }
            insertFindings(runId, rows);
            List<Long> result = new ArrayList<>(locations.size());
            for (String key : keys) {
                result.add(ids.get(key));
            }
            return result;
        });
    }

    /** Puts the ids of the locations with these path keys into {@code ids}; {@code lock}: "" or " FOR UPDATE". */
    private void idsByKey(List<String> keys, String lock, Map<String, Long> ids) {
        for (List<String> chunk : chunks(keys)) {
            jdbc.sql("SELECT id, path_key FROM scan_location WHERE path_key IN (:keys)" + lock)
                    .param("keys", chunk)
                    .query((RowMapper<Void>) (rs, i) -> {
                        ids.put(rs.getString("path_key"), rs.getLong("id"));
                        return null;
                    })
                    .list();
        }
    }

    /** The findings of one location to insert, with the first-seen runs of its earlier findings. */
    private record FindingRows(long locationId, List<ProtectedFinding> findings, Map<String, Long> firstSeen) {
    }

    /**
     * Updates an existing location as scanned by {@code runId} and deletes its findings; returns the first-seen
     * runs of the deleted findings by type and value hash.
     */
    private Map<String, Long> rewriteScanned(long runId, long id, ScannedLocation loc) {
        Fingerprint fp = loc.fingerprint();
        Map<String, Long> firstSeen = new HashMap<>();
        jdbc.sql("SELECT entity_type, value_hash, MIN(first_seen_run) AS first_run FROM finding "
                        + "WHERE location_id = ? GROUP BY entity_type, value_hash")
                .param(id)
                .query((RowMapper<Void>) (rs, i) -> {
                    firstSeen.put(rs.getString("entity_type") + "\0" + rs.getString("value_hash"),
                            rs.getLong("first_run"));
                    return null;
                })
                .list();
        jdbc.sql("DELETE FROM finding WHERE location_id = ?").param(id).update();
        jdbc.sql("UPDATE scan_location SET size_bytes = ?, modified_millis = ?, content_hash = ?, config_hash = ?, "
                        + "outcome = ?, skip_reason = NULL, skip_detail = NULL, skipped_size = NULL, "
                        + "skipped_modified_millis = NULL, findings_count = ?, "
                        + "last_seen_run = ?, last_scanned_run = ?, outcome_run = ?, index_state = ?, "
                        + "updated_at = ? WHERE id = ?")
                .params(fp.size(), modified(fp), fp.contentHash(), loc.configHash(), Outcome.SCANNED.name(),
                        loc.findings().size(), runId, runId, runId, IndexState.PENDING.name(), now(), id)
                .update();
        return firstSeen;
    }

    private void insertLocations(long runId, long sourceId, List<ScannedLocation> fresh) {
        OffsetDateTime now = now();
        template.batchUpdate("INSERT INTO scan_location (source_id, path, path_key, root_key, depth, size_bytes, "
                        + "modified_millis, content_hash, config_hash, outcome, findings_count, first_seen_run, "
                        + "last_seen_run, last_scanned_run, outcome_run, index_state, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ScannedLocation loc = fresh.get(i);
                        LocationPath path = loc.path();
                        Fingerprint fp = loc.fingerprint();
                        int c = 1;
                        ps.setLong(c++, sourceId);
                        ps.setString(c++, path.display());
                        ps.setString(c++, path.key(sourceId));
                        ps.setString(c++, path.rootKey(sourceId));
                        ps.setInt(c++, path.depth());
                        StatementCreatorUtils.setParameterValue(ps, c++, SqlTypeValue.TYPE_UNKNOWN, fp.size());
                        StatementCreatorUtils.setParameterValue(ps, c++, SqlTypeValue.TYPE_UNKNOWN, modified(fp));
                        ps.setString(c++, fp.contentHash());
                        ps.setString(c++, loc.configHash());
                        ps.setString(c++, Outcome.SCANNED.name());
                        ps.setInt(c++, loc.findings().size());
                        for (int k = 0; k < 4; k++) {
                            ps.setLong(c++, runId);
                        }
                        ps.setString(c++, IndexState.PENDING.name());
                        StatementCreatorUtils.setParameterValue(ps, c, SqlTypeValue.TYPE_UNKNOWN, now);
                    }

                    @Override
                    public int getBatchSize() {
                        return fresh.size();
                    }
                });
    }

    private void insertFindings(long runId, List<FindingRows> rows) {
        List<ProtectedFinding> all = new ArrayList<>();
        List<Long> locationIds = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        List<Map<String, Long>> firstSeen = new ArrayList<>();
        for (FindingRows r : rows) {
            List<ProtectedFinding> sorted = new ArrayList<>(r.findings());
            sorted.sort(Comparator.comparingInt(ProtectedFinding::start).thenComparingInt(ProtectedFinding::end)
                    .thenComparing(ProtectedFinding::entityType));
            for (int i = 0; i < sorted.size(); i++) {
                all.add(sorted.get(i));
                locationIds.add(r.locationId());
                ordinals.add(i);
                firstSeen.add(r.firstSeen());
            }
        }
        if (all.isEmpty()) {
            return;
        }
        template.batchUpdate(INSERT_FINDING, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                setFinding(ps, locationIds.get(i), ordinals.get(i), all.get(i), firstSeen.get(i), runId);
            }

            @Override
            public int getBatchSize() {
                return all.size();
            }
        });
    }

    private static final String INSERT_FINDING = "INSERT INTO finding (location_id, ordinal, entity_type, category, "
            + "secondary_categories, special_categories, start_offset, end_offset, section_label, page_no, line_no, "
            + "column_no, score, detector, pattern, validation, explanation, masked_preview, value_hash, name_terms, "
            + "test_value, first_seen_run, last_seen_run) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static void setFinding(PreparedStatement ps, long locationId, int ordinal, ProtectedFinding f,
            Map<String, Long> firstSeen, long runId) throws SQLException {
        FindingPosition pos = f.position();
        int c = 1;
        ps.setLong(c++, locationId);
        ps.setInt(c++, ordinal);
        ps.setString(c++, f.entityType());
        ps.setString(c++, f.category().name());
        ps.setString(c++, names(f.secondaryCategories()));
        ps.setString(c++, names(f.specialCategories()));
        ps.setInt(c++, f.start());
        ps.setInt(c++, f.end());
        ps.setString(c++, truncate(pos.section(), 512));
        setPositive(ps, c++, pos.page());
        setPositive(ps, c++, pos.line());
        setPositive(ps, c++, pos.column());
        ps.setDouble(c++, f.score());
        ps.setString(c++, f.detector());
        ps.setString(c++, truncate(f.pattern(), 256));
        ps.setString(c++, f.validation().name());
        ps.setString(c++, f.explanationJson());
        ps.setString(c++, truncate(f.maskedPreview(), 1024));
        ps.setString(c++, f.valueHash());
        ps.setString(c++, f.nameTerms().isEmpty() ? null : f.nameTerms().stream()
                .map(t -> t.kind().name() + ":" + t.hash()).collect(Collectors.joining(" ")));
        ps.setBoolean(c++, f.testValue());
        ps.setLong(c++, firstSeen.getOrDefault(f.entityType() + "\0" + f.valueHash(), runId));
        ps.setLong(c, runId);
    }

    /**
     * Records locations found unchanged: each location, and the entries inside it, are marked seen by this run
     * ({@code UNCHANGED}; entries that were {@code SKIPPED} stay skipped) and the stored fingerprint takes the
     * current one. Their findings are not rewritten: a finding's {@code lastSeenRun} is the last run that read it,
     * and its location's {@code lastSeenRun} says it is still there. So an unchanged rescan costs a few statements
     * per batch of locations, whatever the number of findings.
     *
     * @throws IllegalStateException if a location is unknown or deleted (it needed a scan, not this)
     */
    public void recordUnchanged(long runId, long sourceId, List<UnchangedLocation> locations) {
        recordUnchanged(runId, sourceId, locations, true);
    }

    /**
     * {@link #recordUnchanged(long, long, List)} for locations that may hold entries ({@code withEntries}: files,
     * archives) or that cannot (false: database rows, whose table holds thousands of sibling rows under the same
     * root, so looking for entries inside each row would read them all, once per row).
     */
    public void recordUnchanged(long runId, long sourceId, List<UnchangedLocation> locations, boolean withEntries) {
        if (locations.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            OffsetDateTime now = now();
            // 1. the locations themselves, by path key
            Map<String, UnchangedLocation> byKey = new LinkedHashMap<>();
            for (UnchangedLocation u : locations) {
                byKey.put(u.path().key(sourceId), u);
            }
            record Known(long id, Fingerprint fingerprint) {
            }
            Map<String, Known> known = new HashMap<>();
            for (List<String> keys : chunks(new ArrayList<>(byKey.keySet()))) {
                jdbc.sql("SELECT id, path_key, size_bytes, modified_millis, content_hash FROM scan_location "
                                + "WHERE path_key IN (:keys) AND outcome <> 'DELETED'")
                        .param("keys", keys)
                        .query((RowMapper<Void>) (rs, i) -> {
                            known.put(rs.getString("path_key"), new Known(rs.getLong("id"), fingerprint(rs)));
                            return null;
                        })
                        .list();
            }
            List<Long> ids = new ArrayList<>(byKey.size());
            List<Object[]> newFingerprints = new ArrayList<>();
            for (Map.Entry<String, UnchangedLocation> e : byKey.entrySet()) {
                Known k = known.get(e.getKey());
                if (k == null) {
                    throw new IllegalStateException("recordUnchanged: " + e.getValue().path()
                            + " is not a scanned location of source " + sourceId);
                }
                ids.add(k.id());
                Fingerprint fp = e.getValue().fingerprint();
                Fingerprint stored = k.fingerprint();
                String hash = fp.contentHash() != null ? fp.contentHash()
                        : stored == null ? null : stored.contentHash();
                if (!new Fingerprint(fp.size(), fp.modifiedMillis(), hash).equals(stored)) {
                    newFingerprints.add(new Object[] {fp.size(), modified(fp), hash, k.id()});
                }
            }
            if (!newFingerprints.isEmpty()) {
                template.batchUpdate("UPDATE scan_location SET size_bytes = ?, modified_millis = ?, content_hash = ? "
                        + "WHERE id = ?", newFingerprints, new int[] {Types.BIGINT, Types.BIGINT, Types.VARCHAR,
                            Types.BIGINT});
            }
            for (List<Long> chunk : chunks(ids)) {
                jdbc.sql("UPDATE scan_location SET outcome = 'UNCHANGED', skip_reason = NULL, skip_detail = NULL, "
                                + "last_seen_run = :run, outcome_run = :run, updated_at = :now WHERE id IN (:ids)")
                        .param("run", runId).param("now", now).param("ids", chunk).update();
            }
            // 2. the entries inside them (skipped entries stay skipped)
            if (!withEntries) {
                return;
            }
            List<Long> entries = entriesOf(sourceId, locations.stream().map(UnchangedLocation::path).toList());
            for (List<Long> chunk : chunks(entries)) {
                jdbc.sql("UPDATE scan_location SET outcome = CASE WHEN outcome = 'SKIPPED' THEN 'SKIPPED' "
                                + "ELSE 'UNCHANGED' END, last_seen_run = :run, outcome_run = :run, updated_at = :now "
                                + "WHERE id IN (:ids)")
                        .param("run", runId).param("now", now).param("ids", chunk).update();
            }
        });
    }

    /** The ids of the (not deleted) entries inside {@code paths}: one query for top-level paths, one per deeper one. */
    private List<Long> entriesOf(long sourceId, List<LocationPath> paths) {
        List<Long> ids = new ArrayList<>();
        List<String> rootKeys = paths.stream().filter(p -> p.depth() == 0).map(p -> p.rootKey(sourceId)).distinct()
                .toList();
        for (List<String> keys : chunks(rootKeys)) {
            ids.addAll(jdbc.sql("SELECT id FROM scan_location WHERE root_key IN (:keys) AND depth > 0 "
                            + "AND outcome <> 'DELETED'")
                    .param("keys", keys).query(Long.class).list());
        }
        for (LocationPath p : paths) {
            if (p.depth() > 0) {
                ids.addAll(jdbc.sql("SELECT id FROM scan_location WHERE root_key = ? AND depth > ? "
                                + "AND path LIKE ? ESCAPE '\\' AND outcome <> 'DELETED'")
                        .params(p.rootKey(sourceId), p.depth(), descendantsPattern(p)).query(Long.class).list());
            }
        }
        return ids;
    }

    /**
     * Records a location that could not be scanned; returns its id. Findings of an earlier successful scan are
     * kept (the content may well be unchanged, and losing them would hide data from a subject search), as are the
     * location's entries, which are marked seen so that the end-of-run deletion does not remove them. The stored
     * fingerprint stays that of the last successful scan.
     *
     * @param detail a short non-sensitive detail (an exception class, a limit); truncated to 1,000 characters
     */
    public long recordSkipped(long runId, long sourceId, LocationPath path, SkipReason reason, String detail) {
        return recordSkipped(runId, sourceId, path, reason, detail, null);
    }

    /**
     * As {@link #recordSkipped(long, long, LocationPath, SkipReason, String)}, also recording the size and
     * modification time of the content that was skipped ({@code skippedAs}, may be null), so that a later scan
     * can tell the same content would be skipped again ({@link LocationState#skippedUnchanged}).
     */
    public long recordSkipped(long runId, long sourceId, LocationPath path, SkipReason reason, String detail,
            Fingerprint skippedAs) {
        Objects.requireNonNull(reason, "reason");
        Long skippedSize = skippedAs == null ? null : skippedAs.size();
        Long skippedModified = skippedAs == null ? null : modified(skippedAs);
        String cleanDetail = truncate(detail == null ? null : detail.replaceAll("\\p{Cntrl}", " "), MAX_DETAIL);
        return tx.execute(status -> {
            OffsetDateTime now = now();
            Optional<Long> existing = jdbc.sql("SELECT id FROM scan_location WHERE path_key = ? FOR UPDATE")
                    .param(path.key(sourceId)).query(Long.class).optional();
            long id;
            if (existing.isPresent()) {
                id = existing.get();
                jdbc.sql("UPDATE scan_location SET outcome = ?, skip_reason = ?, skip_detail = ?, skipped_size = ?, "
                                + "skipped_modified_millis = ?, last_seen_run = ?, outcome_run = ?, updated_at = ? "
                                + "WHERE id = ?")
                        .params(Outcome.SKIPPED.name(), reason.name(), cleanDetail, skippedSize, skippedModified,
                                runId, runId, now, id).update();
                jdbc.sql("UPDATE scan_location SET last_seen_run = ?, updated_at = ? WHERE root_key = ? AND depth > ? "
                                + "AND path LIKE ? ESCAPE '\\' AND outcome <> 'DELETED'")
                        .params(runId, now, path.rootKey(sourceId), path.depth(), descendantsPattern(path))
                        .update();
            } else {
                KeyHolder key = new GeneratedKeyHolder();
                jdbc.sql("INSERT INTO scan_location (source_id, path, path_key, root_key, depth, outcome, skip_reason, "
                                + "skip_detail, skipped_size, skipped_modified_millis, findings_count, first_seen_run, "
                                + "last_seen_run, outcome_run, index_state, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)")
                        .params(sourceId, path.display(), path.key(sourceId), path.rootKey(sourceId), path.depth(),
                                Outcome.SKIPPED.name(), reason.name(), cleanDetail, skippedSize, skippedModified,
                                runId, runId, runId, IndexState.CURRENT.name(), now)
                        .update(key, "id");
                id = generatedId(key);
            }
            return id;
        });
    }

    /**
     * Marks every location of the source that this run did not see as {@code DELETED}, removes their findings
     * and forgets their fingerprints; returns their ids (whose index documents must be deleted: they are
     * {@code PENDING}). Call only after a complete walk of the source; locations seen by a later run are left
     * alone.
     */
    public List<Long> markDeletedNotSeen(long runId, long sourceId) {
        return tx.execute(status -> {
            List<Long> ids = jdbc.sql("SELECT id FROM scan_location WHERE source_id = ? AND last_seen_run < ? "
                            + "AND outcome <> 'DELETED' ORDER BY id")
                    .params(sourceId, runId).query(Long.class).list();
            OffsetDateTime now = now();
            for (List<Long> chunk : chunks(ids)) {
                jdbc.sql("DELETE FROM finding WHERE location_id IN (:ids)").param("ids", chunk).update();
                jdbc.sql("UPDATE scan_location SET outcome = 'DELETED', outcome_run = :run, findings_count = 0, "
                                + "size_bytes = NULL, modified_millis = NULL, content_hash = NULL, config_hash = NULL, "
                                + "skip_reason = NULL, skip_detail = NULL, skipped_size = NULL, "
                                + "skipped_modified_millis = NULL, index_state = 'PENDING', updated_at = :now "
                                + "WHERE id IN (:ids)")
                        .param("run", runId).param("now", now).param("ids", chunk).update();
            }
            return ids;
        });
    }

    /** Marks locations whose index documents a Lucene commit now holds as {@code CURRENT}. */
    public void markIndexed(Collection<Long> locationIds) {
        markIndexed(locationIds, IndexState.CURRENT);
    }

    /** Sets the index state of {@code PENDING} (or, for {@code PARTIAL}, any) locations among {@code locationIds}. */
    public void markIndexed(Collection<Long> locationIds, IndexState state) {
        if (locationIds.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            for (List<Long> chunk : chunks(new ArrayList<>(locationIds))) {
                jdbc.sql("UPDATE scan_location SET index_state = :state WHERE id IN (:ids)"
                                + (state == IndexState.CURRENT ? " AND index_state = 'PENDING'" : ""))
                        .param("state", state.name()).param("ids", chunk).update();
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ reads

    /**
     * Locations matching {@code query}, by id.
     *
     * @param afterId list locations with a greater id (the previous page's cursor), or null
     * @param limit page size, at least 1
     */
    public Page<LocationRecord> listLocations(LocationQuery query, Long afterId, int limit) {
        checkLimit(limit);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.runId() != null) {
            where.add("outcome_run = :run");
            params.put("run", query.runId());
        }
        if (query.sourceId() != null) {
            where.add("source_id = :source");
            params.put("source", query.sourceId());
        }
        if (query.outcome() != null) {
            where.add("outcome = :outcome");
            params.put("outcome", query.outcome().name());
        }
        if (query.skipReason() != null) {
            where.add("skip_reason = :reason");
            params.put("reason", query.skipReason().name());
        }
        if (afterId != null) {
            where.add("id > :after");
            params.put("after", afterId);
        }
        params.put("limit", limit + 1);
        String sql = "SELECT " + LOCATION_COLUMNS + " FROM scan_location"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY id LIMIT :limit";
        return page(jdbc.sql(sql).params(params).query(this::location).list(), limit, LocationRecord::id);
    }

    /** A location by id. */
    public Optional<LocationRecord> findLocation(long locationId) {
        return jdbc.sql("SELECT " + LOCATION_COLUMNS + " FROM scan_location WHERE id = ?").param(locationId)
                .query(this::location).optional();
    }

    /** The findings of a location, by offset. */
    public List<StoredFinding> findings(long locationId) {
        return jdbc.sql("SELECT " + FINDING_COLUMNS + " FROM finding WHERE location_id = ? ORDER BY ordinal")
                .param(locationId).query(this::finding).list();
    }

    /** Locations by id, for a subject search's hits; ids without a location are absent from the map. */
    public Map<Long, LocationRecord> findLocations(Collection<Long> locationIds) {
        Map<Long, LocationRecord> result = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(new ArrayList<>(new java.util.LinkedHashSet<>(locationIds)))) {
            jdbc.sql("SELECT " + LOCATION_COLUMNS + " FROM scan_location WHERE id IN (:ids) ORDER BY id")
                    .param("ids", chunk).query(this::location).list().forEach(l -> result.put(l.id(), l));
        }
        return result;
    }

    /** The findings of several locations, each list by offset; locations without findings are absent. */
    public Map<Long, List<StoredFinding>> findings(Collection<Long> locationIds) {
        Map<Long, List<StoredFinding>> result = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(new ArrayList<>(new java.util.LinkedHashSet<>(locationIds)))) {
            jdbc.sql("SELECT " + FINDING_COLUMNS + " FROM finding WHERE location_id IN (:ids) "
                            + "ORDER BY location_id, ordinal")
                    .param("ids", chunk).query(this::finding).list()
                    .forEach(f -> result.computeIfAbsent(f.locationId(), k -> new ArrayList<>()).add(f));
        }
        return result;
    }

    /** The number of findings recorded for a location (as opposed to its {@code findings_count} column). */
    public long countFindings(long locationId) {
        return jdbc.sql("SELECT COUNT(*) FROM finding WHERE location_id = ?").param(locationId).query(Long.class)
                .single();
    }

    /**
     * Digests of the findings of {@code locationIds} (no hash, no offsets: see {@link FindingDigest}), by location
     * then offset. Locations without findings are absent from the map.
     */
    public Map<Long, List<FindingDigest>> findingDigests(Collection<Long> locationIds) {
        Map<Long, List<FindingDigest>> out = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(new ArrayList<>(new LinkedHashSet<>(locationIds)))) {
            jdbc.sql("SELECT location_id, entity_type, category, secondary_categories, special_categories, score, "
                            + "masked_preview, test_value, section_label, first_seen_run FROM finding "
                            + "WHERE location_id IN (:ids) ORDER BY location_id, ordinal")
                    .param("ids", chunk)
                    .query((rs, i) -> new FindingDigest(rs.getLong("location_id"), rs.getString("entity_type"),
                            DataCategory.valueOf(rs.getString("category")),
                            enums(DataCategory.class, rs.getString("secondary_categories")),
                            enums(SpecialCategory.class, rs.getString("special_categories")), rs.getDouble("score"),
                            rs.getString("masked_preview"), rs.getBoolean("test_value"), rs.getString("section_label"),
                            rs.getLong("first_seen_run")))
                    .list()
                    .forEach(d -> out.computeIfAbsent(d.locationId(), k -> new ArrayList<>()).add(d));
        }
        return out;
    }

    /**
     * For entries inside containers ({@code depth > 0}) among {@code locationIds}: the modification time (epoch
     * milliseconds) of the top-level location that holds them, where known. An entry has no time of its own, but
     * it cannot have changed after its container did.
     */
    public Map<Long, Long> containerModifiedMillis(Collection<Long> locationIds) {
        Map<Long, Long> out = new HashMap<>();
        for (List<Long> chunk : chunks(new ArrayList<>(new LinkedHashSet<>(locationIds)))) {
            jdbc.sql("SELECT e.id, r.modified_millis FROM scan_location e JOIN scan_location r "
                            + "ON r.root_key = e.root_key AND r.depth = 0 "
                            + "WHERE e.id IN (:ids) AND e.depth > 0 AND r.modified_millis IS NOT NULL")
                    .param("ids", chunk)
                    .query((RowMapper<Void>) (rs, i) -> {
                        out.put(rs.getLong(1), rs.getLong(2));
                        return null;
                    })
                    .list();
        }
        return out;
    }

    /**
     * Locations whose index document is {@code PENDING} (changed in the store, not yet in a Lucene commit), with
     * their findings, by id.
     */
    public Page<IndexableLocation> pendingIndexLocations(Long afterId, int limit) {
        return indexable("index_state = 'PENDING'", afterId, limit);
    }

    /** Every location that has an index document (scanned at least once, not deleted), with findings, by id. */
    public Page<IndexableLocation> indexableLocations(Long afterId, int limit) {
        return indexable("outcome <> 'DELETED' AND last_scanned_run IS NOT NULL", afterId, limit);
    }

    private Page<IndexableLocation> indexable(String condition, Long afterId, int limit) {
        checkLimit(limit);
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT id, source_id, path, outcome, index_state FROM scan_location "
                + "WHERE " + condition + (afterId == null ? "" : " AND id > :after") + " ORDER BY id LIMIT :limit")
                .param("limit", limit + 1);
        if (afterId != null) {
            spec = spec.param("after", afterId);
        }
        record Row(long id, long sourceId, String path, Outcome outcome, IndexState state) {
        }
        List<Row> rows = spec.query((rs, i) -> new Row(rs.getLong("id"), rs.getLong("source_id"), rs.getString("path"),
                Outcome.valueOf(rs.getString("outcome")), IndexState.valueOf(rs.getString("index_state")))).list();
        Map<Long, List<StoredFinding>> findings = new HashMap<>();
        List<Long> ids = rows.stream().limit(limit).map(Row::id).toList();
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("SELECT " + FINDING_COLUMNS + " FROM finding WHERE location_id IN (:ids) "
                            + "ORDER BY location_id, ordinal")
                    .param("ids", chunk).query(this::finding).list()
                    .forEach(f -> findings.computeIfAbsent(f.locationId(), k -> new ArrayList<>()).add(f));
        }
        List<IndexableLocation> items = rows.stream().map(r -> new IndexableLocation(r.id(), r.sourceId(), r.path(),
                r.outcome(), r.state(), findings.getOrDefault(r.id(), List.of()))).toList();
        return page(items, limit, IndexableLocation::id);
    }

    // ------------------------------------------------------------------------------------------------ mapping

    private ScanRun run(ResultSet rs, int row) throws SQLException {
        return new ScanRun(rs.getLong("id"), ScanKind.valueOf(rs.getString("kind")), rs.getString("description"),
                rs.getString("config_hash"), RunStatus.valueOf(rs.getString("status")),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("ended_at", OffsetDateTime.class),
                new RunCounts(rs.getLong("scanned_count"), rs.getLong("unchanged_count"), rs.getLong("skipped_count"),
                        rs.getLong("deleted_count"), rs.getLong("findings_count"), rs.getLong("scanned_bytes")));
    }

    private LocationRecord location(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("skip_reason");
        return new LocationRecord(rs.getLong("id"), rs.getLong("source_id"), rs.getString("path"), rs.getInt("depth"),
                Outcome.valueOf(rs.getString("outcome")), reason == null ? null : SkipReason.valueOf(reason),
                rs.getString("skip_detail"), rs.getInt("findings_count"), fingerprint(rs), rs.getString("config_hash"),
                rs.getLong("first_seen_run"), rs.getLong("last_seen_run"), nullableLong(rs, "last_scanned_run"),
                rs.getLong("outcome_run"), IndexState.valueOf(rs.getString("index_state")),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private StoredFinding finding(ResultSet rs, int row) throws SQLException {
        FindingPosition position = new FindingPosition(rs.getString("section_label"), rs.getInt("page_no"),
                rs.getInt("line_no"), rs.getInt("column_no"));
        String terms = rs.getString("name_terms");
        List<HashedTerm> nameTerms = new ArrayList<>();
        if (terms != null && !terms.isEmpty()) {
            for (String t : terms.split(" ")) {
                int colon = t.indexOf(':');
                nameTerms.add(new HashedTerm(TermKind.valueOf(t.substring(0, colon)), t.substring(colon + 1)));
            }
        }
        return new StoredFinding(rs.getLong("id"), rs.getLong("location_id"), rs.getInt("ordinal"),
                rs.getString("entity_type"), DataCategory.valueOf(rs.getString("category")),
                enums(DataCategory.class, rs.getString("secondary_categories")),
                enums(SpecialCategory.class, rs.getString("special_categories")), rs.getInt("start_offset"),
                rs.getInt("end_offset"), position, rs.getDouble("score"), rs.getString("detector"),
                rs.getString("pattern"), Validation.valueOf(rs.getString("validation")), rs.getString("explanation"),
                rs.getString("masked_preview"), rs.getString("value_hash"), List.copyOf(nameTerms),
                rs.getBoolean("test_value"), rs.getLong("first_seen_run"), rs.getLong("last_seen_run"));
    }

    private static Fingerprint fingerprint(ResultSet rs) throws SQLException {
        Long size = nullableLong(rs, "size_bytes");
        if (size == null) {
            return null;
        }
        Long modified = nullableLong(rs, "modified_millis");
        return new Fingerprint(size, modified == null ? Fingerprint.UNKNOWN_TIME : modified,
                rs.getString("content_hash"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String names) {
        Set<E> set = EnumSet.noneOf(type);
        if (names != null && !names.isEmpty()) {
            for (String n : names.split(",")) {
                set.add(Enum.valueOf(type, n));
            }
        }
        return set;
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().sorted(Comparator.comparingInt(Enum::ordinal)).map(Enum::name)
                .collect(Collectors.joining(","));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static Fingerprint skippedAs(ResultSet rs) throws SQLException {
        long size = rs.getLong("skipped_size");
        if (rs.wasNull()) {
            return null;
        }
        long modifiedMillis = rs.getLong("skipped_modified_millis");
        return Fingerprint.of(size, rs.wasNull() ? Fingerprint.UNKNOWN_TIME : modifiedMillis);
    }

    private static Long modified(Fingerprint fp) {
        return fp.modifiedMillis() == Fingerprint.UNKNOWN_TIME ? null : fp.modifiedMillis();
    }

    private static void setModified(PreparedStatement ps, int index, Fingerprint fp) throws SQLException {
        if (fp.modifiedMillis() == Fingerprint.UNKNOWN_TIME) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, fp.modifiedMillis());
        }
    }

    private static void setPositive(PreparedStatement ps, int index, int value) throws SQLException {
        if (value > 0) {
            ps.setInt(index, value);
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }

    /** A LIKE pattern matching the displayed paths of the entries inside {@code path}. */
    static String descendantsPattern(LocationPath path) {
        String prefix = path.display() + LocationPath.SEPARATOR;
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static long generatedId(KeyHolder key) {
        Map<String, Object> keys = key.getKeys();
        Object id = keys != null && keys.size() > 1 ? keys.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("id")).findFirst().orElseThrow().getValue() : key.getKey();
        return ((Number) Objects.requireNonNull(id, "generated id")).longValue();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("page size must be at least 1, got " + limit);
        }
    }

    private static <T> Page<T> page(List<T> rows, int limit, java.util.function.ToLongFunction<T> id) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, id.applyAsLong(items.getLast()));
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_LIST) {
            out.add(all.subList(i, Math.min(all.size(), i + IN_LIST)));
        }
        return out;
    }
}
