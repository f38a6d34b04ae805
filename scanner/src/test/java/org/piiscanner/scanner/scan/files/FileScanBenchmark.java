package org.piiscanner.scanner.scan.files;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.piiscanner.scanner.extraction.DocumentSource;
import org.piiscanner.scanner.extraction.Extraction;
import org.piiscanner.scanner.extraction.ExtractionLimits;
import org.piiscanner.scanner.extraction.TikaTextExtractor;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.LocationQuery;
import org.piiscanner.scanner.store.LocationRecord;
import org.piiscanner.scanner.store.Page;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures the whole file scan over a folder of real files (not a unit test: run it by hand). In one JVM, after a
 * warm-up pass of each: {@code RUNS} times, (a) Tika extraction alone over the same files, one thread, as
 * {@code ExtractionBenchmark throughput} does (every part extracted, text discarded); (b) a first scan of the
 * folder with {@code THREADS} partitions into a fresh data directory (walk, fingerprint, extract, detect, protect,
 * store, index, finish); (c) a rescan of the unchanged folder. Prints MB/s per pass, the medians, the ratio of
 * (b) to (a), (c) as a share of (b), the outcome of every file and part, whether every file is accounted for,
 * and the peak heap.
 *
 * <pre>
 * mvn -B -q -pl scanner -am test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt \
 *     -Dmdep.includeScope=test
 * java -Xmx1g -cp scanner/target/test-classes:scanner/target/classes:$(cat scanner/target/test-cp.txt) \
 *     org.piiscanner.scanner.scan.files.FileScanBenchmark ../shared/datasets/tika_test_documents/files 3 1
 * </pre>
 */
public final class FileScanBenchmark {

    private FileScanBenchmark() {
    }

    /** Arguments: DIR RUNS THREADS. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        int runs = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        System.out.printf(Locale.ROOT, "%d files, %.1f MB, %d thread(s) for the scan%n", files.size(), bytes / 1e6,
                threads);
        TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.DEFAULTS);
        Path work = Files.createTempDirectory("file-scan-bench");
        List<Double> extraction = new ArrayList<>();
        List<Double> scans = new ArrayList<>();
        List<Double> rescans = new ArrayList<>();
        List<Double> scanSeconds = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            double a = time(() -> extractAll(extractor, dir, files));
            double[] b = new double[2];
            Map<String, Integer> outcomes = new TreeMap<>();
            long[] topLevel = {0};
            try (ConfigurableApplicationContext context = FileScanTestbed.start(work.resolve("data-" + run))) {
                FileScanLauncher launcher = context.getBean(FileScanLauncher.class);
                FileScanParameters scan = FileScanTestbed.scanOf(threads, dir);
                b[0] = time(() -> launcher.run(scan));
                b[1] = time(() -> launcher.run(scan));
                FindingStore store = context.getBean(FindingStore.class);
                Long after = null;
                do {
                    Page<LocationRecord> page = store.listLocations(LocationQuery.all(), after, 1000);
                    for (LocationRecord l : page.items()) {
                        String key = (l.depth() == 0 ? "file " : "part ") + l.outcome()
                                + (l.skipReason() != null ? " " + l.skipReason() : "");
                        outcomes.merge(key, 1, Integer::sum);
                        if (l.depth() == 0) {
                            topLevel[0]++;
                        }
                    }
                    after = page.nextCursor();
                } while (after != null);
            }
            System.out.printf(Locale.ROOT, "%s: extraction alone %.2f MB/s (%.1f s); first scan %.2f MB/s (%.1f s); "
                            + "rescan %.2f s (%.1f%% of the first scan)%n", run == 0 ? "warm-up" : "run " + run,
                    bytes / 1e6 / a, a, bytes / 1e6 / b[0], b[0], b[1], 100 * b[1] / b[0]);
            if (run == runs) {
                System.out.println("outcomes after the rescan (file = top-level location, part = inside one): "
                        + outcomes);
                System.out.printf(Locale.ROOT, "every file accounted for: %s (%d top-level locations, %d files)%n",
                        topLevel[0] == files.size(), topLevel[0], files.size());
            }
            if (run > 0) {
                extraction.add(bytes / 1e6 / a);
                scans.add(bytes / 1e6 / b[0]);
                rescans.add(b[1] / b[0]);
                scanSeconds.add(b[0]);
            }
        }
        System.out.printf(Locale.ROOT, "median: extraction alone %.2f MB/s, first scan %.2f MB/s (ratio %.2f, "
                        + "%.1f s), rescan %.1f%% of the first scan%n", median(extraction), median(scans),
                median(scans) / median(extraction), median(scanSeconds), 100 * median(rescans));
        System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks): %.0f MB of %.0f MB%n", peakHeap() / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        System.exit(0);
    }

    private static void extractAll(TikaTextExtractor extractor, Path root, List<Path> files) {
        long[] chars = {0};
        for (Path f : files) {
            try {
                extractor.extract(DocumentSource.ofFile(root.relativize(f).toString(), f), part -> {
                    if (part.extraction() instanceof Extraction.Text t) {
                        chars[0] += t.text().length();
                    }
                });
            } catch (IOException e) {
                // counted as nothing extracted, as the scan records it skipped
            }
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double time(Work work) {
        long start = System.nanoTime();
        try {
            work.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
