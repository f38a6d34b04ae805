package org.piiscanner.classifiers.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.detectors.SpecialCategoryDetector;
import org.piiscanner.classifiers.detectors.SpecialCategoryLexicon;

/**
 * Single-threaded throughput of the special-category detector (MB = 10^6 bytes of UTF-8 text per second of the
 * thread's CPU time, runs interleaved across engines), on two corpora: the {@link CorpusGenerator} corpus as it is
 * (prose with identifiers, almost no listed phrase: the common case, one automaton pass), and the same corpus with a
 * special-category sentence (or an exclusion decoy) after about every fifth sentence (every one reaches the anchor
 * checks). For each it measures the detector alone in an engine, and the default engine with and without it (the
 * detector's marginal cost in a real run).
 *
 * <pre>{@code
 * export JAVA_HOME=/path/to/jdk-21-or-newer
 * mvn -B -q -pl classifiers test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/test-classpath.txt
 * $JAVA_HOME/bin/java -cp classifiers/target/classes:classifiers/target/test-classes:$(cat classifiers/target/test-classpath.txt) \
 *     org.piiscanner.classifiers.bench.SpecialCategoryThroughput 20 7     # megabytes, runs
 * }</pre>
 */
public final class SpecialCategoryThroughput {

    private static final String[] SENTENCES = {
        "She was diagnosed with asthma in 2019.", "The patient has a history of depression.",
        "He has no criminal record.", "Mr Okafor attends church every Sunday.", "She is a union member.",
        "Her genetic test was negative.", "The employee clocks in with a fingerprint scan.", "He is gay.",
        "The applicant is White British.", "They voted Leave.", "Employee 20045561 handed in a fit note.",
        "Our health and safety training starts on Monday.", "The European Union member states met.",
    };

    private SpecialCategoryThroughput() {
    }

    public static void main(String[] args) {
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        CorpusGenerator.Corpus corpus = new CorpusGenerator(42).generate(mb * 1_000_000L, 64 * 1024);
        List<String> plain = corpus.documents().stream().map(CorpusGenerator.Document::text).toList();
        List<String> dense = dense(plain);

        List<String> types = SpecialCategoryLexicon.types().stream().map(EntityType::name).toList();
        DetectionEngine alone = DetectionEngine.forDetectors(List.of(new SpecialCategoryDetector()));
        DetectionEngine all = DetectionEngine.createDefault();
        DetectionEngine without = DetectionEngine.builder().skipTypes(types).build();
        System.out.printf(Locale.ROOT, "Java %s, %d documents of ~64 KiB%n", System.getProperty("java.version"),
                plain.size());
        List<String> labels = List.of("special_category alone", "default engine with it",
                "default engine without it");
        List<DetectionEngine> engines = List.of(alone, all, without);
        for (String name : List.of("plain", "dense")) {
            List<String> docs = name.equals("plain") ? plain : dense;
            double size = bytes(docs) / 1e6;
            long findings = 0;
            for (String d : docs) {
                findings += alone.detect(d).size();
            }
            System.out.printf(Locale.ROOT, "%n%s corpus: %.1f MB, %d special-category findings%n", name, size,
                    findings);
            for (int w = 0; w < 3; w++) {
                engines.forEach(e -> pass(e, docs));
            }
            // runs interleaved across the engines, so that a noisy neighbour hurts them alike
            double[][] mbs = new double[engines.size()][runs];
            for (int k = 0; k < runs; k++) {
                for (int e = 0; e < engines.size(); e++) {
                    mbs[e][k] = size / pass(engines.get(e), docs);
                }
            }
            for (int e = 0; e < engines.size(); e++) {
                Arrays.sort(mbs[e]);
                System.out.printf(Locale.ROOT, "  %-28s median %8.1f MB/s  (runs: %s)%n", labels.get(e),
                        mbs[e][runs / 2], Arrays.toString(Arrays.stream(mbs[e]).map(Math::round).toArray()));
            }
            double with = mbs[1][runs / 2];
            double withoutIt = mbs[2][runs / 2];
            System.out.printf(Locale.ROOT, "  marginal cost of special_category: %.1f%% of the default engine's time "
                    + "(%.0f MB/s on its own)%n", 100 * (withoutIt / with - 1), 1 / (1 / with - 1 / withoutIt));
        }
    }

    /** The corpus with a special-category sentence (or an exclusion decoy) added after about every fifth sentence. */
    private static List<String> dense(List<String> docs) {
        SplittableRandom r = new SplittableRandom(7);
        List<String> out = new ArrayList<>(docs.size());
        for (String d : docs) {
            StringBuilder sb = new StringBuilder(d.length() + d.length() / 4);
            int last = 0;
            for (int i = d.indexOf(". "); i >= 0; i = d.indexOf(". ", i + 2)) {
                sb.append(d, last, i + 2);
                last = i + 2;
                if (r.nextInt(5) == 0) {
                    sb.append(SENTENCES[r.nextInt(SENTENCES.length)]).append(' ');
                }
            }
            sb.append(d, last, d.length());
            out.add(sb.toString());
        }
        return out;
    }

    /** CPU seconds of this thread to detect in every document (less disturbed by other processes than wall time). */
    private static double pass(DetectionEngine engine, List<String> docs) {
        long t0 = CPU.getCurrentThreadCpuTime();
        for (String d : docs) {
            engine.detect(d);
        }
        return (CPU.getCurrentThreadCpuTime() - t0) / 1e9;
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private static long bytes(List<String> docs) {
        long n = 0;
        for (String d : docs) {
            n += d.getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }
}
