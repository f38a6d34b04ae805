package org.piiscanner.scanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.testing.TestStores;

/**
 * {@code kill -9} in the middle of writing: every chunk reported committed survives, no location is half
 * written, and resuming from the last committed chunk (replaying it, as Spring Batch may) ends with exactly the
 * store of an uninterrupted run.
 */
class StoreCrashIT {

    private static final int CHUNKS = 400;

    @TempDir
    Path crashed;

    @TempDir
    Path reference;

    @Test
    void aKilledWriterLosesNoCommittedChunkAndResumesToTheSameStore() throws Exception {
        long[] crashedIds = prepare(crashed);
        long[] referenceIds = prepare(reference);

        // 1. a writer killed with SIGKILL after at least 40 committed chunks
        Process writer = worker(crashed, crashedIds, 0, CHUNKS);
        int lastCommitted = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    lastCommitted = Integer.parseInt(line.substring(10));
                    if (lastCommitted >= 40) {
                        writer.destroyForcibly(); // SIGKILL: no shutdown hook, no H2 close
                        break;
                    }
                }
            }
        }
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(lastCommitted).isBetween(40, CHUNKS - 2);

        // 2. after the crash: everything reported committed is there, nothing is half written
        try (TestStores.Handle h = TestStores.h2(crashed)) {
            List<LocationRecord> all = allLocations(h.store());
            assertThat(all.size()).isGreaterThanOrEqualTo((lastCommitted + 1) * StoreCrashWorker.CHUNK)
                    .isLessThanOrEqualTo((lastCommitted + 2) * StoreCrashWorker.CHUNK)
                    .isEqualTo(all.size() / StoreCrashWorker.CHUNK * StoreCrashWorker.CHUNK);
            for (LocationRecord r : all) {
                int i = Integer.parseInt(r.path().replaceAll(".*file(\\d+)\\.txt", "$1"));
                assertThat(r.findingsCount()).isEqualTo(StoreCrashWorker.expectedFindings(i));
                assertThat(h.store().countFindings(r.id())).isEqualTo(r.findingsCount());
            }
        }

        // 3. resume from the last committed chunk (replayed) to the end; reference: one uninterrupted run
        assertThat(run(worker(crashed, crashedIds, lastCommitted, CHUNKS))).isZero();
        assertThat(run(worker(reference, referenceIds, 0, CHUNKS))).isZero();

        try (TestStores.Handle a = TestStores.h2(crashed); TestStores.Handle b = TestStores.h2(reference)) {
            List<String> resumed = snapshot(a.store());
            assertThat(resumed).hasSize(CHUNKS * StoreCrashWorker.CHUNK + resumedFindingCount());
            assertThat(resumed).isEqualTo(snapshot(b.store()));
        }
    }

    private static int resumedFindingCount() {
        int n = 0;
        for (int i = 0; i < CHUNKS * StoreCrashWorker.CHUNK; i++) {
            n += StoreCrashWorker.expectedFindings(i);
        }
        return n;
    }

    /** A new store with one run and one source; returns {runId, sourceId}. */
    private static long[] prepare(Path dir) {
        try (TestStores.Handle h = TestStores.h2(dir)) {
            long run = h.store().startRun(ScanKind.FILES, "crash test", "cfg");
            long source = h.store().upsertSource(run, ScanKind.FILES, "/srv/share");
            return new long[] {run, source};
        }
    }

    private static Process worker(Path dir, long[] ids, int from, int to) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreCrashWorker.class.getName(),
                dir.toString(), Long.toString(ids[0]), Long.toString(ids[1]), Integer.toString(from),
                Integer.toString(to));
        pb.redirectError(dir.resolve("worker-" + from + ".err").toFile());
        return pb.start();
    }

    private static int run(Process p) throws Exception {
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private static List<LocationRecord> allLocations(FindingStore store) {
        List<LocationRecord> all = new ArrayList<>();
        Long cursor = null;
        do {
            Page<LocationRecord> page = store.listLocations(LocationQuery.all(), cursor, 500);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    /** Every location and finding as comparable text, without database ids. */
    private static List<String> snapshot(FindingStore store) {
        TreeSet<String> rows = new TreeSet<>();
        for (LocationRecord r : allLocations(store)) {
            rows.add("L " + r.path() + " " + r.outcome() + " " + r.findingsCount() + " " + r.fingerprint() + " "
                    + r.indexState());
            for (StoredFinding f : store.findings(r.id())) {
                rows.add("F " + r.path() + " " + f.ordinal() + " " + f.entityType() + " " + f.start() + "-" + f.end()
                        + " " + f.valueHash() + " " + f.maskedPreview() + " " + f.position() + " " + f.firstSeenRun()
                        + " " + f.lastSeenRun());
            }
        }
        return new ArrayList<>(rows);
    }
}
