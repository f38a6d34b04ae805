package org.piiscanner.scanner.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Measures the extractor over a folder of real files (not a unit test: run it by hand, see the commands below).
 *
 * <ul>
 *   <li>{@code accounting DIR}: every file once through {@link TikaTextExtractor} with the default limits; checks
 *       that each file yields a part with its own name, and prints the outcome of every file that was not plainly
 *       scanned, the parts by outcome, the time and the peak heap.</li>
 *   <li>{@code throughput DIR RUNS}: alternates {@code RUNS} passes of the extractor (all parts, sink discarding
 *       the text) with passes of plain Tika ({@code new AutoDetectParser().parse(...)} into a
 *       {@code BodyContentHandler(-1)}) over the same files, one thread, after one warm-up pass of each; prints MB/s
 *       of input per pass and the medians.</li>
 *   <li>{@code plaintext MB RUNS}: the same comparison on {@code MB} of generated UTF-8 text in 1 MB files, plus
 *       {@link PlainTextExtractor}.</li>
 *   <li>{@code file PATH}: one (large, hostile) file with the default limits but no size limit: its parts by
 *       outcome, the characters delivered, the time and the peak heap.</li>
 * </ul>
 *
 * <pre>
 * mvn -B -q -pl scanner -am test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt \
 *     -Dmdep.includeScope=test
 * java -Xmx1g -Xlog:gc:file=/tmp/gc.log -cp scanner/target/test-classes:scanner/target/classes:$(cat \
 *     scanner/target/test-cp.txt) org.piiscanner.scanner.extraction.ExtractionBenchmark accounting DIR
 * </pre>
 */
public final class ExtractionBenchmark {

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "accounting" -> accounting(Path.of(args[1]));
            case "throughput" -> throughput(files(Path.of(args[1])), Integer.parseInt(args[2]), false);
            case "plaintext" -> plainText(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "file" -> oneFile(Path.of(args[1]));
            default -> throw new IllegalArgumentException(
                    "usage: accounting DIR | throughput DIR RUNS | plaintext MB RUNS | file PATH");
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void accounting(Path dir) throws IOException {
        List<Path> files = files(dir);
        TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.DEFAULTS);
        Map<String, Integer> fileOutcomes = new TreeMap<>();
        Map<String, Integer> partOutcomes = new TreeMap<>();
        long bytes = 0;
        long chars = 0;
        int unaccounted = 0;
        long slowest = 0;
        String slowestName = "";
        long start = System.nanoTime();
        for (Path file : files) {
            String name = file.getFileName().toString();
            bytes += Files.size(file);
            List<String> notes = new ArrayList<>();
            String[] own = {null};
            long[] fileChars = {0};
            long fileStart = System.nanoTime();
            try {
                extractor.extract(DocumentSource.ofFile(name, file), part -> {
                    String outcome = outcome(part);
                    partOutcomes.merge(outcome, 1, Integer::sum);
                    if (part.path().equals(name)) {
                        own[0] = outcome;
                    }
                    if (part.extraction() instanceof Extraction.Text t) {
                        fileChars[0] += t.text().length();
                        if (t.metadata().containsKey(Extraction.INCOMPLETE)) {
                            notes.add(part.path() + " incomplete: " + t.metadata().get(Extraction.INCOMPLETE));
                        }
                    } else if (part.extraction() instanceof Extraction.Skipped s) {
                        notes.add(part.path() + " " + s.reason() + " (" + s.detail() + ")");
                    }
                });
            } catch (IOException | RuntimeException e) {
                own[0] = "EXCEPTION " + e.getClass().getName();
            }
            long took = System.nanoTime() - fileStart;
            if (took > slowest) {
                slowest = took;
                slowestName = name;
            }
            chars += fileChars[0];
            if (own[0] == null) {
                unaccounted++;
                own[0] = "NO PART OF ITS OWN";
            }
            fileOutcomes.merge(own[0], 1, Integer::sum);
            if (!own[0].equals("text") || !notes.isEmpty()) {
                System.out.println(name + " => " + own[0]);
                notes.forEach(n -> System.out.println("    " + n));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%nfiles %d (%.1f MB), %d characters extracted, %.1f s, %.2f MB/s%n",
                files.size(), bytes / 1e6, chars, seconds, bytes / 1e6 / seconds);
        System.out.println("files by outcome of their own part: " + fileOutcomes);
        System.out.println("parts by outcome: " + partOutcomes + ", total "
                + partOutcomes.values().stream().mapToInt(Integer::intValue).sum());
        System.out.printf(Locale.ROOT, "files without a part of their own: %d; slowest file: %s (%.2f s); "
                + "stuck parsers: %d%n", unaccounted, slowestName, slowest / 1e9, extractor.stuckParsers());
        System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks): %.0f MB of %.0f MB%n", peakHeap() / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }

    private static void oneFile(Path file) throws IOException {
        TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.DEFAULTS.withMaxFileSize(Long.MAX_VALUE));
        Map<String, Integer> parts = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        long[] chars = {0};
        long start = System.nanoTime();
        extractor.extract(DocumentSource.ofFile(file.getFileName().toString(), file), part -> {
            parts.merge(outcome(part), 1, Integer::sum);
            switch (part.extraction()) {
                case Extraction.Text t -> chars[0] += t.text().length();
                case Extraction.Skipped s -> {
                    if (skipped.size() < 5) {
                        skipped.add(part.path() + " " + s.message());
                    }
                }
            }
        });
        System.out.printf(Locale.ROOT, "%s (%.1f MB): parts %s, %d characters, %.1f s, peak heap %.0f MB of %.0f MB%n",
                file.getFileName(), Files.size(file) / 1e6, parts, chars[0], (System.nanoTime() - start) / 1e9,
                peakHeap() / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        skipped.forEach(s -> System.out.println("    " + s));
    }

    private static String outcome(ExtractedPart part) {
        return switch (part.extraction()) {
            case Extraction.Text t -> part.isMetadata() ? "metadata" : "text";
            case Extraction.Skipped s -> s.reason().name();
        };
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

    private static void throughput(List<Path> files, int runs, boolean plainTextToo) throws Exception {
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.DEFAULTS);
        PlainTextExtractor plain = new PlainTextExtractor(Long.MAX_VALUE);
        AutoDetectParser tika = new AutoDetectParser();
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<Double> plains = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%d files, %.1f MB%n", files.size(), bytes / 1e6);
        for (int run = 0; run <= runs; run++) {
            double a = bytes / 1e6 / time(() -> extractAll(extractor, files));
            double b = bytes / 1e6 / time(() -> plainTika(tika, files));
            double c = plainTextToo ? bytes / 1e6 / time(() -> extractAll(plain, files)) : 0;
            if (run == 0) {
                System.out.printf(Locale.ROOT, "warm-up: extractor %.2f MB/s, plain Tika %.2f MB/s%n", a, b);
                continue;
            }
            ours.add(a);
            theirs.add(b);
            plains.add(c);
            System.out.printf(Locale.ROOT, "run %d: extractor %.2f MB/s, plain Tika %.2f MB/s%s%n", run, a, b,
                    plainTextToo ? String.format(Locale.ROOT, ", PlainTextExtractor %.2f MB/s", c) : "");
        }
        System.out.printf(Locale.ROOT, "median: extractor %.2f MB/s, plain Tika %.2f MB/s (ratio %.2f)%s%n",
                median(ours), median(theirs), median(ours) / median(theirs),
                plainTextToo ? String.format(Locale.ROOT, ", PlainTextExtractor %.2f MB/s", median(plains)) : "");
    }

    private static void plainText(int megabytes, int runs) throws Exception {
        Path dir = Files.createTempDirectory("plaintext-bench");
        String line = "Dear Ms Castellano, your NI number AB 12 34 56 C and e-mail priya@example.com are on file; "
                + "caf\u00e9 cr\u00e8me \u00e0 la carte.\n";
        StringBuilder mb = new StringBuilder();
        while (mb.length() < 1_000_000) {
            mb.append(line);
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < megabytes; i++) {
            Path f = dir.resolve(String.format(Locale.ROOT, "doc-%04d.txt", i));
            Files.writeString(f, mb, StandardCharsets.UTF_8);
            files.add(f);
        }
        try {
            throughput(files, runs, true);
        } finally {
            for (Path f : files) {
                Files.delete(f);
            }
            Files.delete(dir);
        }
    }

    private static void extractAll(TextExtractor extractor, List<Path> files) {
        long[] chars = {0};
        for (Path f : files) {
            try {
                extractor.extract(DocumentSource.ofFile(f.getFileName().toString(), f), part -> {
                    if (part.extraction() instanceof Extraction.Text t) {
                        chars[0] += t.text().length();
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        sink = chars[0];
    }

    private static void plainTika(AutoDetectParser tika, List<Path> files) {
        long chars = 0;
        for (Path f : files) {
            Metadata metadata = new Metadata();
            BodyContentHandler handler = new BodyContentHandler(-1);
            try (InputStream in = TikaInputStream.get(f, metadata)) {
                tika.parse(in, handler, metadata, new ParseContext());
            } catch (Exception | StackOverflowError e) {
                // counted as done, as a caller of plain Tika would have to
            }
            chars += handler.toString().length();
        }
        sink = chars;
    }

    /** Keeps the benchmark's results alive so that the JIT cannot drop the work. */
    static volatile long sink;

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return Math.max(1e-9, Duration.ofNanos(System.nanoTime() - start).toNanos() / 1e9);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
