package org.piiscanner.scanner.subject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.scanner.index.IndexSync;
import org.piiscanner.scanner.index.LocationIndex;
import org.piiscanner.scanner.protect.KeyedHasher;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.testing.Fixtures;
import org.piiscanner.scanner.testing.ScanTestbed;
import org.piiscanner.scanner.testing.TestStores;

/**
 * A data directory (H2 store, index) filled by a {@link ScanTestbed}, and the {@link SubjectService} over it, for
 * subject-request tests.
 */
final class Testbed implements AutoCloseable {

    final Path dataDir;
    final TestStores.Handle handle;
    final FindingStore store;
    final LocationIndex index;
    final IndexSync sync;
    final Protector protector = Fixtures.protector();
    final DetectionEngine engine;
    final ScanTestbed scans;

    private Testbed(Path dataDir, TestStores.Handle handle) throws IOException {
        this.dataDir = dataDir;
        this.handle = handle;
        this.store = handle.store();
        store.bindKey(protector.keyId());
        this.index = LocationIndex.open(dataDir.resolve("index"), protector.keyId());
        this.sync = new IndexSync(store, index);
        this.engine = ScanTestbed.engine(Files.createDirectories(dataDir));
        this.scans = new ScanTestbed(store, sync, protector, engine);
    }

    /** A testbed on an H2 store in {@code dataDir}. */
    static Testbed h2(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        return new Testbed(dataDir, TestStores.h2(dataDir));
    }

    long scanFiles(Path root) throws IOException {
        return scans.scanFiles(root);
    }

    long scanRows(String url, String table, Map<String, Map<String, String>> rows, List<String> nameColumns) {
        return scans.scanRows(url, table, rows, nameColumns);
    }

    /** The subject service over this testbed, with {@code readers} for rows. */
    SubjectService service(List<RowReader> readers, Clock clock) {
        return new SubjectService(protector, store, SubjectIndex.of(index), new SubjectRequests(handle.dataSource()),
                audit(clock), new LocationReader(new org.piiscanner.scanner.extraction.TikaTextExtractor(
                        org.piiscanner.scanner.extraction.ExtractionLimits.DEFAULTS), readers), () -> engine,
                SubjectConfiguration.memoize(() -> SigningKeys.loadOrCreate(dataDir.resolve(SigningKeys.DIRECTORY))),
                dataDir.resolve("reports"), handle.transactions(), clock, () -> "dpo-test");
    }

    /** The audit log of this testbed's store. */
    AuditLog audit(Clock clock) {
        return new AuditLog(handle.dataSource(), handle.transactions(), keyedHasher(),
                dataDir.resolve(AuditLog.ANCHOR_FILE), clock);
    }

    /** The hasher of {@link Fixtures#protector()} (same key). */
    static KeyedHasher keyedHasher() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (17 + i);
        }
        return new KeyedHasher(key);
    }

    @Override
    public void close() throws IOException {
        scans.finish();
        try {
            index.close();
        } finally {
            handle.close();
        }
    }
}
