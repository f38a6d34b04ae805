package org.piiscanner.scanner.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.scanner.protect.HashedTerm;
import org.piiscanner.scanner.protect.ProtectedFinding;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.Fingerprint;
import org.piiscanner.scanner.store.IndexState;
import org.piiscanner.scanner.store.LocationPath;
import org.piiscanner.scanner.store.ScanKind;
import org.piiscanner.scanner.store.ScannedLocation;
import org.piiscanner.scanner.testing.Fixtures;
import org.piiscanner.scanner.testing.TestStores;
import org.springframework.transaction.support.TransactionTemplate;

/** The store-index protocol: index changes follow store commits, crashes are repaired from the store. */
class IndexSyncIT {

    private final Protector protector = Fixtures.protector();
    private final HashedTerm nino = protector.valueTerm("UK_NINO", "QQ123456C");

    @TempDir
    Path dir;

    private TestStores.Handle handle;
    private FindingStore store;
    private LocationIndex index;
    private IndexSync sync;
    private long run;
    private long source;

    @BeforeEach
    void open() throws Exception {
        handle = TestStores.h2(dir);
        store = handle.store();
        index = LocationIndex.open(dir.resolve("index"), protector.keyId());
        sync = new IndexSync(store, index);
        run = store.startRun(ScanKind.FILES, "", "cfg");
        source = store.upsertSource(run, ScanKind.FILES, "/srv");
    }

    @AfterEach
    void close() throws Exception {
        index.close();
        handle.close();
    }

    private long scan(String path, String text) {
        List<ProtectedFinding> findings = List.of(protector.protect(Fixtures.finding(EntityType.UK_NINO,
                "QQ 12 34 56 C", 0)));
        long id = store.recordScanned(run, source, new ScannedLocation(LocationPath.of(path), Fingerprint.of(1, 1),
                "cfg", findings));
        sync.upsert(LocationDocument.of(id, source, path, findings, protector.wordTokenHashes(text)));
        return id;
    }

    private IndexState state(long id) {
        return store.findLocation(id).orElseThrow().indexState();
    }

    @Test
    void insideAChunkTheIndexChangesOnlyAfterTheStoreCommits() {
        TransactionTemplate chunk = new TransactionTemplate(handle.transactions());
        long id = chunk.execute(status -> {
            long locationId = scan("a.txt", "hello world");
            sync.commit();
            assertThat(index.get(locationId)).as("not before the chunk commits").isEmpty();
            return locationId;
        });
        assertThat(state(id)).isEqualTo(IndexState.PENDING);
        assertThat(sync.commit()).isEqualTo(1);
        assertThat(state(id)).isEqualTo(IndexState.CURRENT);
        assertThat(index.search(List.of(nino), 5).hits()).extracting(IndexHit::locationId).containsExactly(id);
        assertThat(index.search(protector.wordTerms("WORLD"), 5).hits()).hasSize(1);
    }

    @Test
    void aRolledBackChunkNeverReachesTheIndex() {
        TransactionTemplate chunk = new TransactionTemplate(handle.transactions());
        assertThatThrownBy(() -> chunk.executeWithoutResult(status -> {
            scan("a.txt", "hello");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(sync.commit()).isZero();
        assertThat(index.count()).isZero();
    }

    @Test
    void aCrashBeforeTheIndexCommitIsRepairedFromTheStore() throws Exception {
        long kept = scan("kept.txt", "alpha");
        sync.commit();
        long crashed = scan("crashed.txt", "beta"); // recorded and upserted, never committed to Lucene
        long deleted = kept;
        // the run ends: kept.txt was not seen again, but the process dies before the index hears of it
        long run2 = store.startRun(ScanKind.FILES, "", "cfg");
        store.recordScanned(run2, source, new ScannedLocation(LocationPath.of("crashed.txt"), Fingerprint.of(1, 1),
                "cfg", List.of(protector.protect(Fixtures.finding(EntityType.UK_NINO, "QQ123456C", 0)))));
        assertThat(store.markDeletedNotSeen(run2, source)).containsExactly(deleted);
        index.close(); // like kill -9: uncommitted index changes are gone

        index = LocationIndex.open(dir.resolve("index"), protector.keyId());
        sync = new IndexSync(store, index);
        assertThat(index.get(crashed)).isEmpty();
        assertThat(index.get(deleted)).isPresent();
        assertThat(state(crashed)).isEqualTo(IndexState.PENDING);

        assertThat(sync.repair()).isEqualTo(2);

        assertThat(index.get(deleted)).isEmpty();
        assertThat(state(deleted)).isEqualTo(IndexState.CURRENT);
        IndexHit repaired = index.get(crashed).orElseThrow();
        assertThat(repaired.wordTokens()).isFalse();
        assertThat(index.holds(crashed, nino)).isTrue();
        assertThat(state(crashed)).as("words need a rescan").isEqualTo(IndexState.PARTIAL);
        assertThat(sync.repair()).isZero();
    }

    @Test
    void deletionsReachTheIndexAtTheNextCommit() {
        long a = scan("a.txt", "x");
        long b = scan("b.txt", "y");
        sync.commit();
        long run2 = store.startRun(ScanKind.FILES, "", "cfg");
        store.recordScanned(run2, source, new ScannedLocation(LocationPath.of("a.txt"), Fingerprint.of(1, 1), "cfg",
                List.of()));
        sync.upsert(LocationDocument.of(a, source, "a.txt", List.of(), Set.of()));
        for (long id : store.markDeletedNotSeen(run2, source)) {
            sync.delete(id);
        }
        sync.commit();
        assertThat(index.count()).isEqualTo(1);
        assertThat(index.get(b)).isEmpty();
        assertThat(state(b)).isEqualTo(IndexState.CURRENT);
        assertThat(index.holds(a, nino)).isFalse();
    }

    @Test
    void aLostIndexIsRebuiltFromTheStoreWithoutWordTokens() throws Exception {
        long a = scan("a.txt", "gamma");
        long b = scan("b.txt", "delta");
        sync.commit();
        index.deleteAll();
        index.commit();

        assertThat(sync.rebuild()).isEqualTo(2);

        assertThat(index.search(List.of(nino), 10).hits()).extracting(IndexHit::locationId).containsExactly(a, b);
        assertThat(index.search(protector.wordTerms("gamma"), 10).hits()).isEmpty();
        assertThat(state(a)).isEqualTo(IndexState.PARTIAL);
        assertThat(store.lookup(source, LocationPath.of("a.txt")).orElseThrow().reusable("cfg")).isFalse();
    }

    @Test
    void commitIfDueWaitsForTheInterval() {
        IndexSync lazy = new IndexSync(store, index, java.time.Duration.ofHours(1));
        long id = scan("a.txt", "x");
        lazy.upsert(LocationDocument.of(id, source, "a.txt", List.of(), Set.of()));
        assertThat(lazy.commitIfDue()).isZero();
        assertThat(state(id)).isEqualTo(IndexState.PENDING);
        IndexSync eager = new IndexSync(store, index, java.time.Duration.ZERO);
        eager.upsert(LocationDocument.of(id, source, "a.txt", List.of(), Set.of()));
        assertThat(eager.commitIfDue()).isEqualTo(1);
        assertThat(state(id)).isEqualTo(IndexState.CURRENT);
    }
}
