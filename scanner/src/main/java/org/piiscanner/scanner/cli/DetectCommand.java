package org.piiscanner.scanner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
import org.piiscanner.scanner.extraction.PlainTextExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pii-scanner detect [options] PATH...}: finds personal data in text files, directory trees and standard
 * input, in one JVM, and prints the findings in path order (a table, or JSON Lines with {@code --json}).
 */
@Command(name = "detect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, abbreviateSynopsis = true,
        description = {
            "Finds personal data in UTF-8 text files, directories (recursively) and standard input.",
            "Findings are printed in path order; messages, skipped files and a summary go to standard error.",
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
                + "files inside directories are not followed). '-' reads standard input (UTF-8)."})
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
            description = "Skip files larger than this (reported as skipped). Default: ${DEFAULT-VALUE}.")
    private long maxFileSize;

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
        DetectionService service = new DetectionService(new PlainTextExtractor(maxFileSize), engine,
                threads != null ? threads : Runtime.getRuntime().availableProcessors());
        ScanPlan plan = service.plan(paths, streams.in());
        FindingPrinter printer = json ? new JsonLinesPrinter(streams.out(), showValues, explain)
                : new TablePrinter(streams.out(), plan.names(), engine.entityTypes(), engine.detectorIds(),
                        showValues, explain);
        Counts counts = new Counts();
        try (Progress progress = Progress.start(streams.progress(), plan.size())) {
            service.run(plan, result -> {
                boolean printsToTerminal = !(result instanceof DocumentResult.Scanned s)
                        || (streams.outIsTerminal() && !s.findings().isEmpty());
                if (printsToTerminal) {
                    progress.hideWhile(() -> report(result, printer, counts));
                } else {
                    report(result, printer, counts);
                }
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
                counts.scanned++;
                counts.findings += findings.size();
            }
            case DocumentResult.Skipped s -> {
                streams.err().println("pii-scanner: skipped " + Printable.of(s.name()) + ": " + s.reason());
                counts.skipped++;
            }
            case DocumentResult.Failed f -> {
                streams.err().println("pii-scanner: " + Printable.of(f.name()) + ": " + f.message());
                counts.failed++;
            }
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

    /** Tallies for the summary line. */
    private static final class Counts {
        long findings;
        int scanned;
        int skipped;
        int failed;

        String summary(long nanos) {
            return String.format(Locale.ROOT, "%d %s in %d %s scanned, %d skipped, %d failed (%.2f s)",
                    findings, findings == 1 ? "finding" : "findings", scanned, scanned == 1 ? "file" : "files",
                    skipped, failed, nanos / 1e9);
        }
    }
}
