package org.piiscanner.classifiers.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.classifiers.config.DetectionSettings;
import org.piiscanner.classifiers.config.DetectorSettings;

/**
 * Whole-run throughput benchmark: generates a corpus once ({@link CorpusGenerator}: prose with a planted
 * identifier about every 270 bytes and look-alike decoys), then measures single-threaded MB/s (MB = 10^6 bytes of
 * UTF-8 text) of
 * <ol>
 *   <li>the structured engine: every registered detector except the name finder ({@code person_name}) and the
 *       special-category phrase detector ({@code special_category}), over every document — the identifier
 *       detectors' throughput,</li>
 *   <li>the regex baseline: one {@code java.util.regex} alternation of the spec's patterns ({@link RegexBaseline}),
 *       {@code find()} over every document,</li>
 *   <li>a trivial baseline: a loop counting digits (a memory-bandwidth reference),</li>
 * </ol>
 * in the same JVM and session, after a warm-up, and then the full default engine (names and special categories
 * included) over the first {@code --full-mb} MB of the corpus, fewer times because it is far slower. It prints every run and the median of each, the ratio
 * engine/regex, the engine's recall of the planted items (a planted span overlapped by a finding of the right
 * type) and its findings on decoys. The machines are noisy: compare medians and ratios, not single runs.
 *
 * <p>Run it with the {@code bench} profile (the profile compiles test sources and skips the tests):
 * <pre>{@code
 * export JAVA_HOME=/path/to/jdk-21-or-newer
 * mvn -B -q -pl classifiers -Pbench verify -Dbench.args="--mb 40 --runs 5 --doc-kb 64"
 * }</pre>
 * Options: {@code --mb N} corpus size (default 40), {@code --runs R} measured runs (default 5), {@code --doc-kb K}
 * document size in KiB (default 64), {@code --seed S} (default 42), {@code --full-mb N} slice for the full engine
 * (default 4). Arguments may also arrive as one string.
 */
public final class ThroughputBenchmark {

    private ThroughputBenchmark() {
    }

    /** Benchmark options. */
    record Options(int megabytes, int runs, int documentKb, long seed, int fullMegabytes) {

        static Options parse(String... args) {
            List<String> tokens = new ArrayList<>();
            for (String a : args) {
                for (String t : a.trim().split("\\s+|=")) {
                    if (!t.isEmpty()) {
                        tokens.add(t);
                    }
                }
            }
            int mb = 40;
            int runs = 5;
            int docKb = 64;
            long seed = 42;
            int fullMb = 4;
            for (int i = 0; i < tokens.size(); i++) {
                String name = tokens.get(i);
                if (i + 1 >= tokens.size()) {
                    throw new IllegalArgumentException("missing value for " + name);
                }
                String value = tokens.get(++i);
                switch (name) {
                    case "--mb" -> mb = positive(name, value);
                    case "--runs" -> runs = positive(name, value);
                    case "--doc-kb" -> docKb = positive(name, value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--full-mb" -> fullMb = positive(name, value);
                    default -> throw new IllegalArgumentException("unknown option " + name
                            + " (options: --mb N, --runs R, --doc-kb K, --seed S, --full-mb N)");
                }
            }
            return new Options(mb, runs, docKb, seed, fullMb);
        }

        private static int positive(String name, String value) {
            int v;
            try {
                v = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a positive integer, got '" + value + "'");
            }
            if (v <= 0) {
                throw new IllegalArgumentException(name + " needs a positive integer, got '" + value + "'");
            }
            return v;
        }
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ThroughputBenchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        run(o);
    }

    static void run(Options o) {
        System.out.printf(Locale.ROOT, "Java %s (%s), %d processors available; single-threaded measurements%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors());
        long t0 = System.nanoTime();
        CorpusGenerator.Corpus corpus = new CorpusGenerator(o.seed()).generate(o.megabytes() * 1_000_000L,
                o.documentKb() * 1024);
        List<String> docs = corpus.documents().stream().map(CorpusGenerator.Document::text).toList();
        double mb = corpus.utf8Bytes() / 1e6;
        System.out.printf(Locale.ROOT, "Corpus: %.1f MB in %d documents of ~%d KiB (seed %d), %d planted "
                + "identifiers (one per %.0f bytes), %d decoys; generated in %.1f s%n", mb, docs.size(),
                o.documentKb(), o.seed(), corpus.planted(), (double) corpus.utf8Bytes() / corpus.planted(),
                corpus.decoys(), (System.nanoTime() - t0) / 1e9);

        DetectionEngine engine = structuredEngine();
        RegexBaseline regex = new RegexBaseline();
        System.out.println("Structured engine detectors: " + String.join(", ", engine.detectorIds()));
        System.out.println();

        ToLongFunction<String> engineRun = d -> engine.detect(d).size();
        ToLongFunction<String> regexRun = regex::count;
        ToLongFunction<String> digitRun = ThroughputBenchmark::countDigits;

        // warm-up: JIT-compile every path before measuring
        int warmDocs = Math.max(1, docs.size() / 4);
        for (int i = 0; i < 3; i++) {
            pass(docs, engineRun);
            pass(docs, digitRun);
        }
        pass(docs.subList(0, warmDocs), regexRun);
        pass(docs.subList(0, warmDocs), regexRun);

        double[] engineMbs = new double[o.runs()];
        double[] regexMbs = new double[o.runs()];
        double[] digitMbs = new double[o.runs()];
        long engineFindings = 0;
        long regexMatches = 0;
        for (int r = 0; r < o.runs(); r++) {
            Timed e = pass(docs, engineRun);
            Timed x = pass(docs, regexRun);
            Timed d = pass(docs, digitRun);
            engineMbs[r] = mb / e.seconds();
            regexMbs[r] = mb / x.seconds();
            digitMbs[r] = mb / d.seconds();
            engineFindings = e.result();
            regexMatches = x.result();
            System.out.printf(Locale.ROOT, "run %d: engine %8.2f MB/s | regex alternation %6.2f MB/s | "
                    + "digit count %8.1f MB/s%n", r + 1, engineMbs[r], regexMbs[r], digitMbs[r]);
        }
        double engineMedian = median(engineMbs);
        double regexMedian = median(regexMbs);
        System.out.println();
        System.out.printf(Locale.ROOT, "MEDIAN structured engine (%d detectors): %.2f MB/s (%d findings)%n",
                engine.detectorIds().size(), engineMedian, engineFindings);
        System.out.printf(Locale.ROOT, "MEDIAN regex alternation (%d spec patterns, java.util.regex): %.2f MB/s "
                + "(%d matches)%n", RegexBaseline.PATTERNS.size(), regexMedian, regexMatches);
        System.out.printf(Locale.ROOT, "MEDIAN digit count (memory-bandwidth reference): %.1f MB/s%n",
                median(digitMbs));
        System.out.printf(Locale.ROOT, "RATIO structured engine / regex: %.1fx%n", engineMedian / regexMedian);
        System.out.println();
        quality(corpus, engine);
        System.out.println();
        full(docs, o.fullMegabytes());
    }

    /** Every registered detector except the name finder and the special-category phrases. */
    static DetectionEngine structuredEngine() {
        DetectionSettings d = DetectionSettings.defaults();
        Map<String, DetectorSettings> off = Map.of(
                "person_name", new DetectorSettings(false, null, Map.of(), Map.of()),
                "special_category", new DetectorSettings(false, null, Map.of(), Map.of()));
        return DetectionEngine.builder().settings(new DetectionSettings(d.minScore(), d.context(), off,
                d.customDetectors(), d.denyLists(), d.allowList(), d.allowPatterns(), d.testValues())).build();
    }

    /** The full default engine (names and special categories included) over the first {@code mb} MB. */
    static void full(List<String> docs, int mb) {
        DetectionEngine full = DetectionEngine.createDefault();
        List<String> slice = new ArrayList<>();
        long bytes = 0;
        for (String d : docs) {
            if (bytes >= mb * 1_000_000L) {
                break;
            }
            slice.add(d);
            bytes += d.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        ToLongFunction<String> fullRun = d -> full.detect(d).size();
        pass(slice, fullRun);
        double[] mbs = new double[3];
        for (int r = 0; r < mbs.length; r++) {
            mbs[r] = bytes / 1e6 / pass(slice, fullRun).seconds();
            System.out.printf(Locale.ROOT, "full run %d: %.2f MB/s%n", r + 1, mbs[r]);
        }
        System.out.printf(Locale.ROOT, "MEDIAN full engine (DetectionEngine.createDefault, %d detectors: names and "
                + "special categories included) over %.1f MB: %.2f MB/s%n", full.detectorIds().size(), bytes / 1e6,
                median(mbs));
    }

    /** Recall of planted items per type, findings on decoys per kind, and findings on neither. */
    static void quality(CorpusGenerator.Corpus corpus, DetectionEngine engine) {
        Map<String, int[]> recall = new TreeMap<>();
        Map<String, int[]> decoys = new TreeMap<>();
        Map<String, Integer> other = new TreeMap<>();
        int found = 0;
        int planted = 0;
        int decoyHits = 0;
        for (CorpusGenerator.Document doc : corpus.documents()) {
            List<Finding> findings = engine.detect(doc.text());
            boolean[] used = new boolean[findings.size()];
            for (CorpusGenerator.Item item : doc.planted()) {
                int[] tally = recall.computeIfAbsent(item.type(), k -> new int[2]);
                tally[1]++;
                planted++;
                boolean hit = false;
                for (int i = 0; i < findings.size(); i++) {
                    Finding f = findings.get(i);
                    if (overlaps(f, item)) {
                        used[i] = true;
                        hit |= f.type().name().equals(item.type());
                    }
                }
                if (hit) {
                    tally[0]++;
                    found++;
                }
            }
            for (CorpusGenerator.Item item : doc.decoys()) {
                int[] tally = decoys.computeIfAbsent(item.type(), k -> new int[2]);
                tally[1]++;
                for (int i = 0; i < findings.size(); i++) {
                    if (overlaps(findings.get(i), item)) {
                        used[i] = true;
                        tally[0]++;
                        decoyHits++;
                    }
                }
            }
            for (int i = 0; i < findings.size(); i++) {
                if (!used[i]) {
                    other.merge(findings.get(i).type().name(), 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "RECALL of planted items (overlapped by a finding of the right type): "
                + "%d / %d = %.3f%n", found, planted, (double) found / planted);
        for (Map.Entry<String, int[]> e : recall.entrySet()) {
            int[] t = e.getValue();
            System.out.printf(Locale.ROOT, "  %-22s %6d / %6d = %.3f%s%n", e.getKey(), t[0], t[1],
                    (double) t[0] / t[1], engine.entityTypes().stream().anyMatch(x -> x.name().equals(e.getKey()))
                            ? "" : "   (no detector for this type in this build)");
        }
        System.out.printf(Locale.ROOT, "FINDINGS ON DECOYS: %d%n", decoyHits);
        for (Map.Entry<String, int[]> e : decoys.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-22s %6d findings on %6d decoys%n", e.getKey(), e.getValue()[0],
                    e.getValue()[1]);
        }
        int otherTotal = other.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(Locale.ROOT, "Findings on neither planted items nor decoys: %d %s%n", otherTotal, other);
    }

    private static boolean overlaps(Finding f, CorpusGenerator.Item item) {
        return f.start() < item.end() && item.start() < f.end();
    }

    private record Timed(long nanos, long result) {
        double seconds() {
            return nanos / 1e9;
        }
    }

    private static Timed pass(List<String> docs, ToLongFunction<String> work) {
        long result = 0;
        long t0 = System.nanoTime();
        for (String d : docs) {
            result += work.applyAsLong(d);
        }
        return new Timed(System.nanoTime() - t0, result);
    }

    static long countDigits(String s) {
        long n = 0;
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
