package org.piiscanner.scanner.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.scanner.config.RetentionConfigLoader;
import org.piiscanner.scanner.protect.ProtectedFinding;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.Fingerprint;
import org.piiscanner.scanner.store.LocationPath;
import org.piiscanner.scanner.store.RunStatus;
import org.piiscanner.scanner.store.ScanKind;
import org.piiscanner.scanner.store.ScannedLocation;
import org.piiscanner.scanner.testing.Fixtures;
import org.piiscanner.scanner.testing.TestStores;

/**
 * Not a test: times a report over a large synthetic store (H2), two runs of {@code -Dreport.bench.locations}
 * locations (default 50,000; in 500 folders, three findings each, a tenth of them changed by the second run),
 * and prints the time per format and the peak heap. Run it by name:
 *
 * <pre>
 * mvn -B -q -pl scanner -am test -Dtest=ReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dreport.bench.locations=50000
 * </pre>
 */
class ReportBenchmark {

    @TempDir
    Path dir;

    @Test
    void timeAReportOnALargeStore() throws Exception {
        int n = Integer.getInteger("report.bench.locations", 50_000);
        Protector protector = Fixtures.protector();
        try (TestStores.Handle h = TestStores.h2(dir.resolve("data"))) {
            FindingStore store = h.store();
            long t0 = System.nanoTime();
            for (int run = 0; run < 2; run++) {
                long id = store.startRun(ScanKind.FILES, "bench", "cfg");
                long source = store.upsertSource(id, ScanKind.FILES, "/srv/bench");
                List<ScannedLocation> batch = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    boolean changed = run == 1 && i % 10 == 0;
                    List<ProtectedFinding> f = new ArrayList<>();
                    f.add(Fixtures.protectedFinding(protector, EntityType.EMAIL_ADDRESS, "user" + i + "@example.com",
                            0, 1));
                    f.add(Fixtures.protectedFinding(protector, EntityType.UK_POSTCODE, "SW1A 1AA", 40, 2));
                    f.add(Fixtures.protectedFinding(protector, changed ? EntityType.UK_NINO : EntityType.PERSON,
                            changed ? "QQ 12 34 56 C" : "Ada Quill", 60, 3));
                    batch.add(new ScannedLocation(LocationPath.of(String.format(Locale.ROOT, "dept%03d/file%06d.docx",
                            i % 500, i)), Fingerprint.of(1000 + i, 1_600_000_000_000L), "cfg", f));
                    if (batch.size() == 500) {
                        store.recordScanned(id, source, batch);
                        batch.clear();
                    }
                }
                store.recordScanned(id, source, batch);
                store.markDeletedNotSeen(id, source);
                store.finishRun(id, RunStatus.COMPLETED);
            }
            System.out.printf(Locale.ROOT, "store of 2 x %,d locations written in %.1f s%n", n,
                    (System.nanoTime() - t0) / 1e9);
            ReportService service = new ReportService(store, List.of(), java.time.Clock.systemUTC());
            for (ReportFormat format : ReportFormat.values()) {
                resetPeaks();
                long t = System.nanoTime();
                ReportService.Result r = service.write(null, RetentionConfigLoader.load(Path.of(
                        "../config/retention.yml")), EnumSet.of(format), dir.resolve("out"));
                long bytes = 0;
                for (Path p : r.files()) {
                    bytes += Files.size(p);
                }
                System.out.printf(Locale.ROOT, "%-4s %6.1f s  %,12d bytes  peak heap %,d MB  (%,d locations with "
                        + "personal data, %,d breaches)%n", format, (System.nanoTime() - t) / 1e9, bytes,
                        peakHeap() >> 20, r.locationsWithPersonalData(), r.breaches());
            }
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
