package org.piiscanner.scanner.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.scanner.protect.ProtectedFinding;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.Fingerprint;
import org.piiscanner.scanner.store.LocationPath;
import org.piiscanner.scanner.store.LocationState;
import org.piiscanner.scanner.store.RunStatus;
import org.piiscanner.scanner.store.ScanKind;
import org.piiscanner.scanner.store.ScannedLocation;
import org.piiscanner.scanner.store.UnchangedLocation;
import org.piiscanner.scanner.testing.Fixtures;
import org.piiscanner.scanner.testing.TestStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What recording costs a scan, per database: a first scan of {@value #LOCATIONS} locations (5 findings and a
 * 6 KB text each: protect, store, index with word tokens, in chunks of {@value #CHUNK}, index commits at most every
 * 2 s), then a rescan finding every location unchanged. Logs the rates; the floors only catch gross regressions.
 */
class StorageThroughputIT {

    private static final Logger LOG = LoggerFactory.getLogger(StorageThroughputIT.class);
    private static final int LOCATIONS = 2000;
    private static final int CHUNK = 50;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void firstScanAndUnchangedRescan(String database) throws Exception {
        Protector protector = Fixtures.protector();
        String[] texts = texts(protector);
        try (TestStores.Handle handle = database.equals("h2") ? TestStores.h2(dir) : TestStores.postgres();
                LocationIndex index = LocationIndex.open(dir.resolve("index"), protector.keyId())) {
            FindingStore store = handle.store();
            IndexSync sync = new IndexSync(store, index, java.time.Duration.ofSeconds(2));
            TransactionTemplate chunk = new TransactionTemplate(handle.transactions());

            long run1 = store.startRun(ScanKind.FILES, "", "cfg");
            long source = store.upsertSource(run1, ScanKind.FILES, "/srv");
            long t0 = System.nanoTime();
            for (int c = 0; c < LOCATIONS / CHUNK; c++) {
                int first = c * CHUNK;
                chunk.executeWithoutResult(status -> {
                    for (int i = first; i < first + CHUNK; i++) {
                        String text = texts[i % texts.length];
                        List<ProtectedFinding> findings = new ArrayList<>();
                        for (int k = 0; k < 5; k++) {
                            findings.add(protector.protect(Fixtures.finding(EntityType.EMAIL_ADDRESS,
                                    "person" + i + "." + k + "@example.com", k * 100)));
                        }
                        LocationPath path = LocationPath.of("dir" + i % 20 + "/file" + i + ".txt");
                        long id = store.recordScanned(run1, source, new ScannedLocation(path,
                                Fingerprint.of(text.length(), i), "cfg", findings));
                        sync.upsert(LocationDocument.of(id, source, path.display(), findings,
                                protector.wordTokenHashes(text)));
                    }
                });
                sync.commitIfDue();
            }
            sync.commit();
            double firstSeconds = (System.nanoTime() - t0) / 1e9;
            store.finishRun(run1, RunStatus.COMPLETED);

            long run2 = store.startRun(ScanKind.FILES, "", "cfg");
            long t1 = System.nanoTime();
            for (int c = 0; c < LOCATIONS / 500; c++) {
                List<LocationPath> paths = new ArrayList<>();
                for (int i = c * 500; i < (c + 1) * 500; i++) {
                    paths.add(LocationPath.of("dir" + i % 20 + "/file" + i + ".txt"));
                }
                chunk.executeWithoutResult(status -> {
                    Map<LocationPath, LocationState> states = store.lookupAll(source, paths);
                    List<UnchangedLocation> unchanged = new ArrayList<>();
                    for (LocationPath p : paths) {
                        LocationState s = states.get(p);
                        Fingerprint now = s.fingerprint();
                        assertThat(s.unchangedSince(now, "cfg")).isTrue();
                        unchanged.add(new UnchangedLocation(p, now));
                    }
                    store.recordUnchanged(run2, source, unchanged);
                });
            }
            double rescanSeconds = (System.nanoTime() - t1) / 1e9;
            assertThat(store.markDeletedNotSeen(run2, source)).isEmpty();
            assertThat(store.finishRun(run2, RunStatus.COMPLETED).counts().unchanged()).isEqualTo(LOCATIONS);
            assertThat(index.count()).isEqualTo(LOCATIONS);

            LOG.info(String.format(Locale.ROOT, "%s: first scan %.0f locations/s (%.0f findings/s, protect + store + "
                    + "index with word tokens, chunks of %d, index commit every 2 s); unchanged rescan %.0f "
                    + "locations/s (%.1f%% of the first scan's time)", database, LOCATIONS / firstSeconds, LOCATIONS * 5 / firstSeconds,
                    CHUNK, LOCATIONS / rescanSeconds, 100 * rescanSeconds / firstSeconds));
            assertThat(LOCATIONS / firstSeconds).isGreaterThan(20);
            assertThat(rescanSeconds).isLessThan(firstSeconds);
        }
    }

    /** 50 texts of about 6 KB: common words plus a few unique ones each. */
    private static String[] texts(Protector protector) {
        Random random = new Random(3);
        String[] words = "the of and to in is was for on that with as by at from his her it an be are this which or"
                .split(" ");
        String[] texts = new String[50];
        for (int t = 0; t < texts.length; t++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 6000) {
                sb.append(random.nextInt(10) == 0 ? "w" + random.nextInt(100_000) : words[random.nextInt(words.length)])
                        .append(' ');
            }
            texts[t] = sb.toString();
        }
        return texts;
    }
}
