package org.piiscanner.classifiers.names;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/**
 * Evaluation harness of the name pipeline: person precision / recall / F1 (exact span) of (a) the model alone on the
 * gold tokens, (b) the whole text pipeline without rules and (c) with rules, per file; then throughput of the whole
 * text pipeline (sentences, tokens, tagging, rules) in MB/s on one thread.
 *
 * <pre>{@code
 * export JAVA_HOME=/path/to/jdk-21-or-newer
 * mvn -B -q -pl classifiers -Peval-ner verify -Dner.data=../shared/datasets
 * }</pre>
 * Options: {@code --data DIR} (required), {@code --model FILE} (default: the bundled model),
 * {@code --files a.txt,b.txt} (default ewt-test, ewt-test-email, sec-fin3-test), {@code --tokenizer fast|ud}
 * (default fast), {@code --join newline|space} how sentences are joined into documents (default newline: the EWT
 * sentences come from line-broken web text and e-mail), {@code --errors N} print up to N
 * misses and false alarms per file, {@code --seconds S} throughput measuring time (default 20, 0 = skip).
 */
public final class NameEvaluation {

    static NameTagger lostCheck;
    private static final Map<String, int[]> RULE_COUNTS = new java.util.TreeMap<>();

    private NameEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        List<String> tokens = new ArrayList<>();
        for (String a : args) {
            for (String t : a.trim().split("\\s+")) {
                if (!t.isEmpty()) {
                    tokens.add(t);
                }
            }
        }
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < tokens.size(); i += 2) {
            o.put(tokens.get(i), tokens.get(i + 1));
        }
        Path data = Path.of(o.getOrDefault("--data", "../shared/datasets"));
        NameModels models = o.containsKey("--model") ? NameModels.withNameModel(Path.of(o.get("--model")))
                : NameModels.bundled();
        int errors = Integer.parseInt(o.getOrDefault("--errors", "0"));
        double seconds = Double.parseDouble(o.getOrDefault("--seconds", "20"));
        NerCorpus.sentenceSeparator = o.getOrDefault("--join", "newline").equals("space") ? " " : "\n";
        boolean fast = !o.getOrDefault("--tokenizer", "fast").equals("ud");
        NameTagger raw = new NameTagger(models, false, fast);
        NameTagger ruled = new NameTagger(models, true, fast);
        lostCheck = raw;
        String files = o.getOrDefault("--files", "ewt-test.txt,ewt-test-email.txt,sec-fin3-test.txt");
        for (String file : files.split(",")) {
            List<NerCorpus.Document> docs = NerCorpus.read(data.resolve("ner").resolve(file));
            Score onTokens = modelOnTokens(raw, docs);
            Score text = pipeline(raw, docs, 0, "");
            RULE_COUNTS.clear();
            Score rules = pipeline(ruled, docs, errors, file);
            System.out.printf(Locale.ROOT, "%-22s person  model(tokens) %s%n", file, onTokens);
            System.out.printf(Locale.ROOT, "%-22s person  pipeline      %s%n", file, text);
            System.out.printf(Locale.ROOT, "%-22s person  pipeline+rules %s%n", file, rules);
            for (NameType type : List.of(NameType.LOCATION, NameType.ORGANIZATION)) {
                System.out.printf(Locale.ROOT, "%-22s %-12s pipeline+rules %s%n", file,
                        type.name().toLowerCase(Locale.ROOT), typeScore(ruled, docs, type));
            }
        }
        if (seconds > 0) {
            throughput(ruled, NerCorpus.read(data.resolve("ner").resolve("ewt-test.txt")), seconds);
            engineThroughput(seconds);
        }
    }

    /**
     * Whole-engine throughput ({@code DetectionEngine.createDefault()}, every registered detector including names)
     * on the benchmark corpus ({@code bench.CorpusGenerator}, 8 MB, seed 42), one thread, in MB per second of thread
     * CPU time (so that other processes on the machine do not distort it) and of wall-clock time.
     */
    static void engineThroughput(double seconds) {
        org.piiscanner.classifiers.bench.CorpusGenerator.Corpus corpus =
                new org.piiscanner.classifiers.bench.CorpusGenerator(42).generate(8_000_000, 64 * 1024);
        org.piiscanner.classifiers.DetectionEngine engine = org.piiscanner.classifiers.DetectionEngine.createDefault();
        for (org.piiscanner.classifiers.bench.CorpusGenerator.Document d : corpus.documents()) {
            engine.detect(d.text());
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        long deadline = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            for (org.piiscanner.classifiers.bench.CorpusGenerator.Document d : corpus.documents()) {
                engine.detect(d.text());
                total += d.utf8Bytes();
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf(Locale.ROOT, "throughput (benchmark corpus, whole engine, %d detectors, 1 thread): %.2f MB/s"
                + " per core (thread CPU time), %.2f MB/s wall clock%n", engine.detectorIds().size(),
                total / 1e6 / cpu, total / 1e6 / s);
    }

    /** Person spans of the model on the gold tokens, one document at a time. */
    static Score modelOnTokens(NameTagger tagger, List<NerCorpus.Document> docs) {
        Score score = new Score();
        for (NerCorpus.Document d : docs) {
            List<String[]> sentences = new ArrayList<>();
            for (NameSample s : d.sentences()) {
                sentences.add(s.getSentence());
            }
            List<Span[]> found = tagger.tagTokens(sentences);
            for (int i = 0; i < sentences.size(); i++) {
                Set<Span> gold = persons(d.sentences().get(i).getNames());
                Set<Span> pred = persons(found.get(i));
                count(score, gold, pred);
            }
        }
        return score;
    }

    private static Set<Span> persons(Span[] spans) {
        Set<Span> out = new HashSet<>();
        for (Span s : spans) {
            if (s.getType().equals("person")) {
                out.add(new Span(s.getStart(), s.getEnd()));
            }
        }
        return out;
    }

    private static <T> void count(Score score, Set<T> gold, Set<T> pred) {
        for (T p : pred) {
            if (gold.contains(p)) {
                score.truePositives++;
            } else {
                score.falsePositives++;
            }
        }
        for (T g : gold) {
            if (!pred.contains(g)) {
                score.falseNegatives++;
            }
        }
    }

    /** Person character spans of the whole text pipeline on the detokenised documents. */
    static Score pipeline(NameTagger tagger, List<NerCorpus.Document> docs, int errors, String label) {
        Score score = new Score();
        List<String> misses = new ArrayList<>();
        List<String> alarms = new ArrayList<>();
        for (NerCorpus.Document d : docs) {
            Set<List<Integer>> gold = new HashSet<>();
            for (NerCorpus.Gold g : d.gold()) {
                if (g.type().equals("person")) {
                    gold.add(List.of(g.start(), g.end()));
                }
            }
            Set<List<Integer>> pred = new HashSet<>();
            Map<List<Integer>, Name> byspan = new LinkedHashMap<>();
            for (Name n : tagger.find(d.text())) {
                if (n.type() == NameType.PERSON) {
                    pred.add(List.of(n.start(), n.end()));
                    byspan.put(List.of(n.start(), n.end()), n);
                }
            }
            count(score, gold, pred);
            if (errors > 0 && lostCheck != null) {
                for (Name n : lostCheck.find(d.text())) {
                    List<Integer> k = List.of(n.start(), n.end());
                    if (n.type() == NameType.PERSON && gold.contains(k) && !pred.contains(k)) {
                        System.out.println("  LOST " + context(d.text(), n.start(), n.end()));
                    }
                }
            }
            for (Map.Entry<List<Integer>, Name> e : byspan.entrySet()) {
                int[] c = RULE_COUNTS.computeIfAbsent(e.getValue().rule(), k -> new int[2]);
                c[gold.contains(e.getKey()) ? 0 : 1]++;
            }
            if (errors > 0) {
                for (List<Integer> g : gold) {
                    if (!pred.contains(g)) {
                        misses.add(context(d.text(), g.get(0), g.get(1)));
                    }
                }
                for (List<Integer> p : pred) {
                    if (!gold.contains(p)) {
                        alarms.add(context(d.text(), p.get(0), p.get(1)) + "   {" + byspan.get(p).rule() + "}");
                    }
                }
            }
        }
        if (!label.isEmpty()) {
            StringBuilder sb = new StringBuilder("  rules (correct/wrong):");
            RULE_COUNTS.forEach((k, v) -> sb.append(' ').append(k).append(' ').append(v[0]).append('/').append(v[1])
                    .append(';'));
            System.out.println(label + sb);
        }
        RULE_COUNTS.clear();
        if (errors > 0) {
            System.out.println("== " + label + " misses");
            misses.stream().limit(errors).forEach(s -> System.out.println("  - " + s));
            System.out.println("== " + label + " false alarms");
            alarms.stream().limit(errors).forEach(s -> System.out.println("  + " + s));
        }
        return score;
    }

    /** Exact-span score of one type of the whole pipeline (locations, organisations). */
    static Score typeScore(NameTagger tagger, List<NerCorpus.Document> docs, NameType type) {
        Score score = new Score();
        String gold = type.name().toLowerCase(Locale.ROOT);
        for (NerCorpus.Document d : docs) {
            Set<List<Integer>> g = new HashSet<>();
            for (NerCorpus.Gold x : d.gold()) {
                if (x.type().equals(gold)) {
                    g.add(List.of(x.start(), x.end()));
                }
            }
            Set<List<Integer>> p = new HashSet<>();
            for (Name n : tagger.find(d.text())) {
                if (n.type() == type) {
                    p.add(List.of(n.start(), n.end()));
                }
            }
            count(score, g, p);
        }
        return score;
    }

    private static String context(String text, int s, int e) {
        int a = Math.max(0, s - 40);
        int b = Math.min(text.length(), e + 30);
        return (text.substring(a, s) + "[[" + text.substring(s, e) + "]]" + text.substring(e, b)).replace('\n', '|');
    }

    /** Whole-pipeline throughput on one thread over the detokenised documents, repeated for {@code seconds}. */
    static void throughput(NameTagger tagger, List<NerCorpus.Document> docs, double seconds) {
        long bytes = 0;
        for (NerCorpus.Document d : docs) {
            bytes += d.text().getBytes(StandardCharsets.UTF_8).length;
        }
        for (int warm = 0; warm < 3; warm++) {
            for (NerCorpus.Document d : docs) {
                tagger.find(d.text());
            }
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        long deadline = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            for (NerCorpus.Document d : docs) {
                tagger.find(d.text());
            }
            total += bytes;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf(Locale.ROOT, "throughput (ewt-test text, whole name pipeline, 1 thread): %.2f MB/s per core"
                + " (thread CPU time), %.2f MB/s wall clock%n", total / 1e6 / cpu, total / 1e6 / s);
    }
}
