package org.piiscanner.scanner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.piiscanner.scanner.eval.Counts;
import org.piiscanner.scanner.eval.MatchMode;
import org.piiscanner.scanner.eval.Span;
import org.piiscanner.scanner.eval.SpanReport;
import org.piiscanner.scanner.eval.Throughput;
import org.piiscanner.scanner.eval.TypeScore;
import org.piiscanner.scanner.eval.VectorCase;
import org.piiscanner.scanner.eval.VectorReport;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders evaluation reports as readable tables or as one JSON document. Immutable. */
final class EvalReportFormat {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Path corpusFile;
    private final Path vectorFile;
    private final List<String> detectors;
    private final double minScore;

    EvalReportFormat(Path corpusFile, Path vectorFile, List<String> detectors, double minScore) {
        this.corpusFile = corpusFile;
        this.vectorFile = vectorFile;
        this.detectors = List.copyOf(detectors);
        this.minScore = minScore;
    }

    // ------------------------------------------------------------------ tables

    void table(PrintWriter out, SpanReport spans, VectorReport vectors, boolean verbose) {
        out.printf(Locale.ROOT, "Presidio corpus: %s (%d texts, %d gold spans)%n", corpusFile, spans.texts(),
                spans.goldSpans());
        out.printf(Locale.ROOT, "Detectors: %s (min score %s)%n%n", String.join(", ", detectors), num(minScore));
        String rule = "-".repeat(38);
        out.printf(Locale.ROOT, "%-22s %6s %6s | %-38s | %-38s%n", "", "", "", center("strict", 38),
                center("overlap (IoU >= 0.5)", 38));
        out.printf(Locale.ROOT, "%-22s %6s %6s | %s | %s%n", "type", "gold", "pred", metricsHeader(),
                metricsHeader());
        out.printf(Locale.ROOT, "%-22s %6s %6s | %s | %s%n", "-".repeat(22), "-".repeat(6), "-".repeat(6), rule,
                rule);
        for (TypeScore row : spans.types()) {
            scoreRow(out, row.type(), row);
        }
        if (spans.types().isEmpty()) {
            out.println("(no gold label of this corpus maps to a type this build detects)");
        } else {
            scoreRow(out, "all scored types", spans.total());
        }
        out.println();
        if (!spans.notDetected().isEmpty()) {
            out.println("Not detected by this build (gold spans not scored):");
            out.println("  " + spans.notDetected().stream()
                    .map(n -> n.label() + " " + n.gold()
                            + (n.mappedType() == null ? "" : " (no " + n.mappedType() + " detector enabled)"))
                    .collect(Collectors.joining(", ")));
        }
        if (!spans.unscored().isEmpty()) {
            out.println("Predictions of types with no gold label in this corpus (not counted as false positives):");
            for (SpanReport.Unscored u : spans.unscored()) {
                List<String> parts = new ArrayList<>();
                u.insideGold().forEach((label, n) -> parts.add("inside " + label + " " + n));
                parts.add("outside gold spans " + u.outsideGold());
                out.printf(Locale.ROOT, "  %-22s %6d   %s%n", u.type(), u.predicted(), String.join(", ", parts));
            }
        }
        out.println(throughput("Detection throughput on the corpus", spans.throughput()));

        if (vectors != null) {
            out.println();
            vectorTable(out, vectors, verbose);
        }
    }

    private void vectorTable(PrintWriter out, VectorReport v, boolean verbose) {
        int notDetected = v.notDetected().stream().mapToInt(VectorReport.NotDetected::cases).sum();
        out.printf(Locale.ROOT, "Presidio recognizer test vectors: %s (%d cases: %d scored, %d not detected by this "
                + "build, %d ambiguous, %d without expectation, %d about other entity types)%n%n", vectorFile,
                v.cases(), v.scored(), notDetected, v.ambiguous(), v.withoutExpectation(), v.unrelated());
        out.printf(Locale.ROOT, "%-34s %-20s %6s %6s %6s %6s%n", "recognizer", "type", "cases", "pass", "fail",
                "fail*");
        out.printf(Locale.ROOT, "%-34s %-20s %6s %6s %6s %6s%n", "-".repeat(34), "-".repeat(20), "-".repeat(6),
                "-".repeat(6), "-".repeat(6), "-".repeat(6));
        int low = 0;
        for (VectorReport.GroupScore g : v.groups()) {
            out.printf(Locale.ROOT, "%-34s %-20s %6d %6d %6d %6d%n", g.group(), g.types(), g.cases(), g.passed(),
                    g.failed(), g.failedLowScore());
            low += g.failedLowScore();
        }
        out.printf(Locale.ROOT, "%-34s %-20s %6d %6d %6d %6d%n", "all", "", v.scored(), v.passed(),
                v.scored() - v.passed(), low);
        out.printf(Locale.ROOT, "fail* = of the failures, those where Presidio's own test expects only scores below %s "
                + "(the minimum score here)%n", num(minScore));
        if (v.ambiguous() > 0) {
            out.printf(Locale.ROOT, "%d ambiguous cases skipped: same text and recognizer with different "
                    + "expectations (the test is parametrised by an option the data does not record)%n",
                    v.ambiguous());
        }
        if (!v.notDetected().isEmpty()) {
            out.println("Not detected by this build:");
            out.println("  " + v.notDetected().stream()
                    .map(n -> n.group() + " (" + n.types() + ") " + n.cases())
                    .collect(Collectors.joining(", ")));
        }
        out.println(throughput("Detection throughput on the vectors", v.throughput()));
        if (v.failures().isEmpty()) {
            return;
        }
        if (!verbose) {
            out.printf(Locale.ROOT, "(run with --verbose to list the %d failing cases)%n", v.failures().size());
            return;
        }
        out.println();
        out.println("Failing cases (published test strings):");
        for (VectorReport.CaseResult r : v.failures()) {
            VectorCase c = r.testCase();
            out.printf(Locale.ROOT, "  line %d %s: \"%s\" expected %d%s, found %d%s%s%n", c.line(), c.group(),
                    escape(c.text()), c.expectedCount(),
                    c.expectedOffsets().isEmpty() ? "" : " at " + joinOffsets(c.expectedOffsets()),
                    r.found().size(), r.found().isEmpty() ? "" : " at " + joinSpans(r.found()),
                    r.presidioLowScore() ? " (Presidio score < " + num(minScore) + ")" : "");
        }
    }

    private static String metricsHeader() {
        return String.format(Locale.ROOT, "%6s %7s %7s %7s %7s", "TP", "P", "R", "F1", "F2");
    }

    private static void scoreRow(PrintWriter out, String name, TypeScore row) {
        out.printf(Locale.ROOT, "%-22s %6d %6d | %s | %s%n", name, row.strict().gold(), row.strict().predicted(),
                metrics(row.strict()), metrics(row.overlap()));
    }

    private static String metrics(Counts c) {
        return String.format(Locale.ROOT, "%6d %7s %7s %7s %7s", c.truePositives(), fixed(c.precision()),
                fixed(c.recall()), fixed(c.f1()), fixed(c.f2()));
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    private static String center(String s, int width) {
        int pad = Math.max(0, (width - s.length()) / 2);
        return " ".repeat(pad) + s;
    }

    private static String throughput(String what, Throughput t) {
        return String.format(Locale.ROOT, "%s: %d texts, %.3f MB (UTF-8) in %.3f s of detection = %.2f MB/s, "
                + "%.0f texts/s (one thread; the engine is warmed up on the corpus first)", what, t.texts(),
                t.utf8Bytes() / 1e6, t.seconds(), t.megabytesPerSecond(), t.textsPerSecond());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t");
    }

    private static String joinOffsets(List<VectorCase.Offsets> offsets) {
        return offsets.stream().map(Object::toString).collect(Collectors.joining(" "));
    }

    private static String joinSpans(List<Span> spans) {
        return spans.stream().map(s -> "[" + s.start() + "," + s.end() + ")").collect(Collectors.joining(" "));
    }

    // ------------------------------------------------------------------ JSON

    String json(SpanReport spans, VectorReport vectors, boolean verbose) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("minScore", minScore);
        ArrayNode ids = root.putArray("detectors");
        detectors.forEach(ids::add);

        ObjectNode corpus = root.putObject("corpus");
        corpus.put("file", corpusFile.toString());
        corpus.put("texts", spans.texts());
        corpus.put("goldSpans", spans.goldSpans());
        ArrayNode types = corpus.putArray("types");
        for (TypeScore row : spans.types()) {
            typeScore(types.addObject(), row);
        }
        typeScore(corpus.putObject("total"), spans.total());
        ArrayNode nd = corpus.putArray("notDetected");
        for (SpanReport.NotDetected n : spans.notDetected()) {
            ObjectNode o = nd.addObject();
            o.put("label", n.label());
            o.put("gold", n.gold());
            if (n.mappedType() != null) {
                o.put("mappedType", n.mappedType());
            }
        }
        ArrayNode un = corpus.putArray("unscoredPredictions");
        for (SpanReport.Unscored u : spans.unscored()) {
            ObjectNode o = un.addObject();
            o.put("type", u.type());
            o.put("predicted", u.predicted());
            ObjectNode inside = o.putObject("insideGold");
            for (Map.Entry<String, Integer> e : u.insideGold().entrySet()) {
                inside.put(e.getKey(), e.getValue());
            }
            o.put("outsideGold", u.outsideGold());
        }
        throughput(corpus.putObject("throughput"), spans.throughput());

        if (vectors != null) {
            ObjectNode v = root.putObject("vectors");
            v.put("file", vectorFile.toString());
            v.put("cases", vectors.cases());
            v.put("scored", vectors.scored());
            v.put("passed", vectors.passed());
            v.put("ambiguous", vectors.ambiguous());
            v.put("withoutExpectation", vectors.withoutExpectation());
            v.put("unrelated", vectors.unrelated());
            ArrayNode groups = v.putArray("recognizers");
            for (VectorReport.GroupScore g : vectors.groups()) {
                ObjectNode o = groups.addObject();
                o.put("recognizer", g.group());
                o.put("types", g.types());
                o.put("cases", g.cases());
                o.put("passed", g.passed());
                o.put("failed", g.failed());
                o.put("failedPresidioLowScore", g.failedLowScore());
            }
            ArrayNode missing = v.putArray("notDetected");
            for (VectorReport.NotDetected n : vectors.notDetected()) {
                ObjectNode o = missing.addObject();
                o.put("recognizer", n.group());
                o.put("types", n.types());
                o.put("cases", n.cases());
            }
            throughput(v.putObject("throughput"), vectors.throughput());
            if (verbose) {
                ArrayNode failures = v.putArray("failures");
                for (VectorReport.CaseResult r : vectors.failures()) {
                    ObjectNode o = failures.addObject();
                    VectorCase c = r.testCase();
                    o.put("line", c.line());
                    o.put("recognizer", c.group());
                    o.put("text", c.text());
                    o.put("expectedCount", c.expectedCount());
                    ArrayNode exp = o.putArray("expectedOffsets");
                    c.expectedOffsets().forEach(off -> exp.addArray().add(off.start()).add(off.end()));
                    ArrayNode found = o.putArray("found");
                    r.found().forEach(s -> found.addArray().add(s.start()).add(s.end()));
                    o.put("presidioLowScore", r.presidioLowScore());
                }
            }
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void typeScore(ObjectNode o, TypeScore row) {
        o.put("type", row.type());
        for (MatchMode mode : MatchMode.values()) {
            Counts c = row.counts(mode);
            ObjectNode m = o.putObject(mode.name().toLowerCase(Locale.ROOT));
            m.put("gold", c.gold());
            m.put("predicted", c.predicted());
            m.put("truePositives", c.truePositives());
            metric(m, "precision", c.precision());
            metric(m, "recall", c.recall());
            metric(m, "f1", c.f1());
            metric(m, "f2", c.f2());
        }
    }

    private static void metric(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    private static void throughput(ObjectNode o, Throughput t) {
        o.put("texts", t.texts());
        o.put("utf8Bytes", t.utf8Bytes());
        o.put("seconds", t.seconds());
        metric(o, "megabytesPerSecond", t.megabytesPerSecond());
        metric(o, "textsPerSecond", t.textsPerSecond());
    }
}
