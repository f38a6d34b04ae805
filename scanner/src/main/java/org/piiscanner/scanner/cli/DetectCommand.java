package org.piiscanner.scanner.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.DetectorRegistry;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.config.ConfigurationException;
import org.piiscanner.classifiers.config.DetectionSettings;
import org.piiscanner.scanner.config.ConfigFileException;
import org.piiscanner.scanner.config.DetectorConfigLoader;
import org.piiscanner.scanner.detect.DetectionService;
import org.piiscanner.scanner.detect.DocumentResult;
import org.piiscanner.scanner.detect.LocatedFinding;
import org.piiscanner.scanner.detect.ScanPlan;
import org.piiscanner.scanner.extraction.ExtractedPart;
import org.piiscanner.scanner.extraction.Extraction;
import org.piiscanner.scanner.extraction.ExtractionLimits;
import org.piiscanner.scanner.extraction.SkipReason;
import org.piiscanner.scanner.extraction.TikaTextExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pii-scanner detect [options] PATH...}: finds personal data in documents of any format Tika reads,
 * directory trees and standard input, in one JVM, and prints the findings in path order (a table, or JSON Lines
 * with {@code --json}). Each document embedded in a file (an archive entry, an attachment) and each document's
 * metadata (authors, e-mail addresses) is reported as a part of its own, {@code file!/inner/path} and
 * {@code file#metadata}.
 */
@Command(name = "detect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, abbreviateSynopsis = true,
        description = {
            "Finds personal data in files of any common format (text, CSV, PDF, Word, Excel, PowerPoint, "
                + "OpenDocument, RTF, HTML, e-mail, mailboxes, zip/tar/7z/gz archives...), directories "
                + "(recursively) and standard input.",
            "Documents inside archives and attachments are scanned as parts of their own (archive.zip!/a.docx), "
                + "and so are authors and e-mail addresses in metadata (a.docx#metadata).",
            "Findings are printed in path order; messages, skipped parts and a summary go to standard error.",
            "Values are masked unless --show-values is given.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done, with or without findings",
            "1:an error: a path was missing or unreadable (the other paths were still scanned)",
            "2:bad usage: unknown option, bad value or type name, invalid configuration"},
        footer = {"", "Examples:",
            "  pii-scanner detect samples/",
            "  pii-scanner detect --json --only UK_NINO,CREDIT_CARD docs/ > findings.jsonl",
            "  cat letter.txt | pii-scanner detect --explain -"})
final class DetectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = {"A file or a directory (scanned recursively in sorted order; symbolic links and special "
                + "files inside directories are not followed). '-' reads standard input."})
    private List<String> paths = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object per finding per line instead of a table.")
    private boolean json;

    @Option(names = "--only", split = ",", paramLabel = "TYPE",
            description = "Report only these entity types (comma-separated), for example UK_NINO,CREDIT_CARD.")
    private List<String> only = new ArrayList<>();

    @Option(names = "--skip", split = ",", paramLabel = "TYPE",
            description = "Never report these entity types (comma-separated).")
    private List<String> skip = new ArrayList<>();

    @Option(names = "--min-score", paramLabel = "S",
            description = "Report only findings scoring at least S (0 to 1). Default: the configuration's "
                + "min-score (0.4 built in).")
    private Double minScore;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads scanning files in parallel (default: the number of processors).")
    private Integer threads;

    @Option(names = "--show-values",
            description = "Also print the raw values (column VALUE / field \"value\"). Off by default: "
                + "nothing else ever prints one.")
    private boolean showValues;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Detector configuration file (YAML; config/detectors.yml in the repository documents "
                + "every setting). Default: the built-in defaults.")
    private Path config;

    @Option(names = "--explain",
            description = "Explain each finding: pattern, base score, validation, context words, final score.")
    private boolean explain;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "256MB", converter = SizeConverter.class,
            description = "Skip files (and embedded documents) larger than this (reported as skipped). "
                + "Default: ${DEFAULT-VALUE}.")
    private long maxFileSize;

    @Option(names = "--max-chars", paramLabel = "N", defaultValue = "20000000",
            description = "Scan at most this many characters of each document or embedded document (a warning "
                + "names documents cut short). Default: ${DEFAULT-VALUE}.")
    private int maxChars;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Give up parsing a file after this many seconds (reported as skipped). "
                + "Default: ${DEFAULT-VALUE}.")
    private int timeoutSeconds;

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "10",
            description = "Skip documents nested deeper than this in archives and attachments. "
                + "Default: ${DEFAULT-VALUE}.")
    private int maxDepth;

    private final StandardStreams streams;

    DetectCommand(StandardStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        validateOptions();
        DetectionEngine engine;
        try {
            engine = engine(settings());
        } catch (ConfigFileException e) {
            streams.err().println("pii-scanner: " + e.getMessage());
            return 2;
        }
        Counts counts = scan(engine);
        streams.out().flush(); // the table must be complete before the summary appears on a shared terminal
        streams.err().println(counts.summary(System.nanoTime() - started));
        return counts.failed > 0 ? 1 : 0;
    }

    /** The detector configuration: the built-in defaults or {@code --config}, with {@code --min-score}. */
    private DetectionSettings settings() throws ConfigFileException {
        DetectionSettings settings = config == null ? DetectionSettings.defaults() : DetectorConfigLoader.load(config);
        return minScore == null ? settings : settings.withMinScore(minScore);
    }

    /**
     * The engine for {@code settings}, restricted by {@code --only} and {@code --skip}. The library's own checks
     * (unknown detector ids, bad detector options) are reported against the configuration file.
     */
    private DetectionEngine engine(DetectionSettings settings) throws ConfigFileException {
        try {
            DetectionEngine all = DetectionEngine.builder().settings(settings).build();
            Set<String> onlyTypes = typeNames("--only", only, all);
            Set<String> skipTypes = typeNames("--skip", skip, all);
            if (onlyTypes.isEmpty() && skipTypes.isEmpty()) {
                return all;
            }
            return DetectionEngine.builder().settings(settings).onlyTypes(onlyTypes).skipTypes(skipTypes).build();
        } catch (ConfigurationException e) {
            throw new ConfigFileException((config != null ? config + ": " : "") + e.getMessage());
        }
    }

    /** Scans the paths and prints results in path order; returns the tallies for the summary. */
    private Counts scan(DetectionEngine engine) {
        ExtractionLimits limits = ExtractionLimits.DEFAULTS.withMaxFileSize(maxFileSize).withMaxChars(maxChars)
                .withTimeout(Duration.ofSeconds(timeoutSeconds)).withMaxDepth(maxDepth);
        DetectionService service = new DetectionService(new TikaTextExtractor(limits), engine,
                threads != null ? threads : Runtime.getRuntime().availableProcessors());
        ScanPlan plan = service.plan(paths, streams.in());
        FindingPrinter printer = json ? new JsonLinesPrinter(streams.out(), showValues, explain)
                : new TablePrinter(streams.out(), plan.names(), engine.entityTypes(), engine.detectorIds(),
                        showValues, explain);
        Counts counts = new Counts();
        try (Progress progress = Progress.start(streams.progress(), plan.size())) {
            service.run(plan, result -> {
                boolean printsToTerminal = !(result instanceof DocumentResult.Scanned s)
                        || (streams.outIsTerminal() && !s.findings().isEmpty()) || warns(s);
                if (printsToTerminal) {
                    progress.hideWhile(() -> report(result, printer, counts));
                } else {
                    report(result, printer, counts);
                }
            }, name -> {
                counts.entryDone();
                progress.step();
            });
        }
        return counts;
    }

    private void report(DocumentResult result, FindingPrinter printer, Counts counts) {
        switch (result) {
            case DocumentResult.Scanned s -> {
                List<LocatedFinding> findings = s.findings();
                if (minScore != null) {
                    findings = findings.stream().filter(f -> f.finding().score() >= minScore).toList();
                }
                printer.print(s.name(), findings);
                streams.out().flush();
                warn(s);
                counts.scanned++;
                counts.countPart(s.name());
                counts.findings += findings.size();
            }
            case DocumentResult.Skipped s -> {
                streams.err().println("pii-scanner: skipped " + Printable.of(s.name()) + ": " + s.message());
                counts.skipped.merge(s.reason(), 1, Integer::sum);
                counts.countPart(s.name());
            }
            case DocumentResult.Failed f -> {
                streams.err().println("pii-scanner: " + Printable.of(f.name()) + ": " + f.message());
                counts.failed++;
            }
        }
    }

    /** Whether a scanned part was cut short (then a warning is printed). */
    private static boolean warns(DocumentResult.Scanned s) {
        return s.metadata().containsKey(Extraction.TRUNCATED) || s.metadata().containsKey(Extraction.INCOMPLETE);
    }

    private void warn(DocumentResult.Scanned s) {
        String truncated = s.metadata().get(Extraction.TRUNCATED);
        if (truncated != null) {
            streams.err().println("pii-scanner: warning: " + Printable.of(s.name()) + ": only the first " + truncated
                    + " characters were scanned (--max-chars)");
        }
        String incomplete = s.metadata().get(Extraction.INCOMPLETE);
        if (incomplete != null) {
            streams.err().println("pii-scanner: warning: " + Printable.of(s.name())
                    + ": only the text before a parse error was scanned (" + Printable.of(incomplete) + ")");
        }
    }

    private void validateOptions() {
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--threads': must be between 1 and 1024, got " + threads);
        }
        if (minScore != null && !(minScore >= 0 && minScore <= 1)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--min-score': must be between 0 and 1, got " + minScore);
        }
        if (maxChars < 1 || timeoutSeconds < 1 || maxDepth < 1) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value: --max-chars, --timeout and --max-depth must be at least 1");
        }
        if (paths.stream().filter("-"::equals).count() > 1) {
            throw new ParameterException(spec.commandLine(), "'-' (standard input) can be given only once");
        }
    }

    /** Upper-cases the names and checks each is a type the engine can report; bad names are usage errors. */
    private Set<String> typeNames(String option, List<String> names, DetectionEngine engine) {
        Set<String> known = new TreeSet<>();
        for (EntityType t : engine.entityTypes()) {
            known.add(t.name());
        }
        Set<String> out = new LinkedHashSet<>();
        for (String raw : names) {
            String name = raw.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!known.contains(name)) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option
                        + "': unknown entity type '" + raw.trim() + "'"
                        + DetectorRegistry.closest(name, known).map(s -> " (did you mean '" + s + "'?)").orElse("")
                        + "; known types: " + String.join(", ", known));
            }
            out.add(name);
        }
        return out;
    }

    /**
     * Tallies for the summary line. Scanned and skipped count parts; when every part was a whole file (no
     * embedded documents, no metadata parts) the summary speaks of files, as it always did for text files.
     */
    private static final class Counts {
        long findings;
        int scanned;
        final Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
        int failed;
        int files;
        int innerParts;
        private boolean entryHasParts;

        void countPart(String name) {
            entryHasParts = true;
            if (name.contains(ExtractedPart.EMBEDDED_SEPARATOR) || name.endsWith(ExtractedPart.METADATA_SUFFIX)) {
                innerParts++;
            }
        }

        void entryDone() {
            if (entryHasParts) {
                files++;
            }
            entryHasParts = false;
        }

        String summary(long nanos) {
            int skippedTotal = skipped.values().stream().mapToInt(Integer::intValue).sum();
            String what = innerParts == 0
                    ? String.format(Locale.ROOT, "%d %s", scanned, scanned == 1 ? "file" : "files")
                    : String.format(Locale.ROOT, "%d %s of %d %s", scanned, scanned == 1 ? "part" : "parts",
                            files, files == 1 ? "file" : "files");
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "%d %s in %s scanned, %d skipped, %d failed (%.2f s)", findings,
                    findings == 1 ? "finding" : "findings", what, skippedTotal, failed, nanos / 1e9));
            if (skippedTotal > 0) {
                sb.append("; skipped:");
                String sep = " ";
                for (Map.Entry<SkipReason, Integer> e : skipped.entrySet()) {
                    sb.append(sep).append(e.getValue()).append(' ').append(e.getKey().description());
                    sep = ", ";
                }
            }
            return sb.toString();
        }
    }
}
