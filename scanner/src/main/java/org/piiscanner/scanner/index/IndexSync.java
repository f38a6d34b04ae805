package org.piiscanner.scanner.index;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.IndexState;
import org.piiscanner.scanner.store.IndexableLocation;
import org.piiscanner.scanner.store.Outcome;
import org.piiscanner.scanner.store.Page;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the {@link LocationIndex} consistent with the {@link FindingStore}, the system of record, across commits,
 * crashes and restarts.
 *
 * <h2>The protocol</h2>
 * <ol>
 *   <li>The store write ({@code recordScanned}, {@code markDeletedNotSeen}) sets the location
 *       {@link IndexState#PENDING} in its transaction.</li>
 *   <li>{@link #upsert} / {@link #delete} change the index <em>after</em> that transaction commits: called inside
 *       a Spring transaction (a Batch chunk), they are deferred to its {@code afterCommit}; a rolled-back chunk
 *       never reaches the index. Outside a transaction they apply at once.</li>
 *   <li>{@link #commit()} (or {@link #commitIfDue()} after each chunk) commits Lucene, then marks the locations
 *       whose changes that commit holds {@link IndexState#CURRENT}.</li>
 * </ol>
 * A crash anywhere leaves the affected locations {@code PENDING} in the store (never {@code CURRENT} with a stale
 * document). {@link #repair()} fixes them from the store: documents of deleted locations are removed, the others
 * rebuilt from their stored findings and marked {@link IndexState#PARTIAL} (no word tokens; the next scan rescans
 * them because only {@code CURRENT} locations count as unchanged). A job calls {@code repair()} before it starts
 * writing and after its last {@code commit()}.
 *
 * <p>Thread-safe: partitions call {@link #upsert}/{@link #delete} concurrently; {@link #commit()} may be called
 * from any thread at any time.
 */
public final class IndexSync {

    private static final int PAGE = 500;

    /** The default {@link #commitIfDue()} interval. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(10);

    private final FindingStore store;
    private final LocationIndex index;
    private final long commitIntervalNanos;
    private volatile long lastCommit = System.nanoTime();
    /** Held (shared) while a change is applied and noted; held (exclusive) to swap the noted set at commit. */
    private final ReentrantReadWriteLock changes = new ReentrantReadWriteLock();
    private final ReentrantLock committing = new ReentrantLock();
    /** Location id -> whether its latest change gave it a complete document (else PARTIAL), since the last commit. */
    private volatile Map<Long, Boolean> applied = new ConcurrentHashMap<>();

    /** A sync committing at most every {@link #DEFAULT_COMMIT_INTERVAL} through {@link #commitIfDue()}. */
    public IndexSync(FindingStore store, LocationIndex index) {
        this(store, index, DEFAULT_COMMIT_INTERVAL);
    }

    /** A sync whose {@link #commitIfDue()} commits when {@code commitInterval} has passed since the last commit. */
    public IndexSync(FindingStore store, LocationIndex index, Duration commitInterval) {
        this.store = Objects.requireNonNull(store, "store");
        this.index = Objects.requireNonNull(index, "index");
        this.commitIntervalNanos = commitInterval.toNanos();
    }

    /** Puts the document of a just-recorded location into the index after the current transaction commits. */
    public void upsert(LocationDocument doc) {
        afterCommit(() -> apply(doc.locationId(), () -> index.upsert(doc), doc.wordTokens()));
    }

    /** Removes a location's document (deleted location) after the current transaction commits. */
    public void delete(long locationId) {
        afterCommit(() -> apply(locationId, () -> index.delete(locationId), true));
    }

    /**
     * {@link #commit()} if the commit interval has passed since the last commit, else nothing (returns 0). Call it
     * after every chunk: a Lucene commit syncs files to disk (about 0.1 s here), too slow for every chunk of a large
     * tree, while locations left uncommitted at a crash only cost a {@link #repair()}.
     */
    public int commitIfDue() {
        return System.nanoTime() - lastCommit >= commitIntervalNanos ? commit() : 0;
    }

    /** Commits the index and marks the locations it now holds as indexed; returns how many. */
    public int commit() {
        committing.lock();
        try {
            lastCommit = System.nanoTime();
            Map<Long, Boolean> committed;
            changes.writeLock().lock();
            try {
                committed = applied;
                applied = new ConcurrentHashMap<>();
            } finally {
                changes.writeLock().unlock();
            }
            index.commit();
            List<Long> complete = new ArrayList<>();
            List<Long> partial = new ArrayList<>();
            committed.forEach((id, full) -> (full ? complete : partial).add(id));
            store.markIndexed(complete, IndexState.CURRENT);
            store.markIndexed(partial, IndexState.PARTIAL);
            return committed.size();
        } finally {
            committing.unlock();
        }
    }

    /**
     * Brings every {@code PENDING} location's document in line with the store (see the class documentation) and
     * commits; returns how many locations it fixed.
     */
    public int repair() {
        int fixed = 0;
        Long cursor = null;
        do {
            Page<IndexableLocation> page = store.pendingIndexLocations(cursor, PAGE);
            for (IndexableLocation loc : page.items()) {
                if (loc.outcome() == Outcome.DELETED) {
                    apply(loc.id(), () -> index.delete(loc.id()), true);
                } else {
                    LocationDocument doc = LocationDocument.fromStore(loc);
                    apply(loc.id(), () -> index.upsert(doc), false);
                }
                fixed++;
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        if (fixed > 0) {
            commit();
        }
        return fixed;
    }

    /**
     * Rebuilds the whole index from the store (after the index directory was lost or corrupted): every location
     * that has been scanned and is not deleted gets its document back without word tokens, marked
     * {@link IndexState#PARTIAL}; word tokens return as the next scans read each location again. Returns the
     * number of documents.
     */
    public int rebuild() {
        index.deleteAll();
        int n = 0;
        Long cursor = null;
        do {
            Page<IndexableLocation> page = store.indexableLocations(cursor, PAGE);
            for (IndexableLocation loc : page.items()) {
                LocationDocument doc = LocationDocument.fromStore(loc);
                apply(loc.id(), () -> index.upsert(doc), false);
                n++;
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        commit();
        return n;
    }

    private void apply(long locationId, Runnable change, boolean complete) {
        changes.readLock().lock();
        try {
            change.run();
            applied.put(locationId, complete);
        } finally {
            changes.readLock().unlock();
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
