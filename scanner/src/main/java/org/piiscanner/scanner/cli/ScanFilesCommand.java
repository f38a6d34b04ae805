package org.piiscanner.scanner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.piiscanner.scanner.config.ConfigFileException;
import org.piiscanner.scanner.config.DetectorConfigLoader;
import org.piiscanner.scanner.config.PathGlob;
import org.piiscanner.scanner.scan.files.FileScanException;
import org.piiscanner.scanner.scan.files.FileScanLauncher;
import org.piiscanner.scanner.scan.files.FileScanParameters;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.RunCounts;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pii-scanner scan files ROOT...}: runs the file-share scan job over directory trees into the data
 * directory's findings store and index, with a progress display, then prints a summary. Re-running the same
 * command after a crash resumes the unfinished scan.
 */
@Command(name = "files", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Scans directory trees (local disks, mounted SMB/NFS shares) for personal data and records "
            + "every finding in the findings store and index: every file and every document inside archives and "
            + "e-mails is a location, SCANNED, UNCHANGED (same size and time, or same content, since the last "
            + "scan with the same detector configuration) or SKIPPED with the reason. Files gone since the last "
            + "scan are recorded deleted.",
            "Nothing stores a raw value: findings keep a masked preview and a keyed hash. If a scan is "
                + "interrupted (crash, kill, power cut), run the same command again: it resumes where it stopped.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the scan completed (also when files were skipped)",
            "1:an error: a root is missing, the store cannot be opened, or the scan failed (run it again to resume)",
            "2:bad usage: unknown option, bad glob or value, invalid detector configuration"},
        footer = {"", "Examples:",
            "  pii-scanner scan files /mnt/share/hr /mnt/share/finance",
            "  pii-scanner scan files --include '**/*.docx' --include '**/*.pdf' --exclude '**/tmp/**' /srv/docs",
            "  pii-scanner scan files --data-dir /var/lib/pii-scanner --threads 8 /mnt/share"})
final class ScanFilesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ROOT", arity = "1..*", description = "Directories to scan (recursively).")
    private List<Path> roots = new ArrayList<>();

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Scan only files whose path under the root matches (repeatable; any may match), e.g. "
                + "'**/*.docx'. ** crosses folders, * does not; case is ignored. Default: every file.")
    private List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Skip files and folders whose path under the root matches (repeatable), e.g. "
                + "'**/node_modules' or '**/*.iso'.")
    private List<String> excludes = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N",
            description = "Files scanned in parallel (partitions of the job). Default: the number of processors. "
                + "A resumed scan keeps its first run's number.")
    private Integer threads;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "256MB", converter = SizeConverter.class,
            description = "Skip files (and embedded documents) larger than this (recorded SKIPPED, too large). "
                + "Default: ${DEFAULT-VALUE}.")
    private long maxFileSize;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Give up parsing a file after this many seconds (recorded SKIPPED, timed out). "
                + "Default: ${DEFAULT-VALUE}.")
    private int timeoutSeconds;

    @Option(names = "--follow-symlinks",
            description = "Follow symbolic links (loops are detected and not entered twice). Default: links are "
                + "not followed.")
    private boolean followSymlinks;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Detector configuration (see config/detectors.yml). Changing it makes the next scan read "
                + "every file again. Default: the built-in defaults.")
    private Path config;

    @Mixin
    private DataDirOptions store;

    private final StandardStreams streams;
    private final ApplicationContextLauncher spring;

    ScanFilesCommand(StandardStreams streams, ApplicationContextLauncher spring) {
        this.streams = streams;
        this.spring = spring;
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        int grid = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (grid < 1 || grid > 256) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--threads': must be 1 to "
                    + "256, got " + grid);
        }
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--timeout': must be at "
                    + "least 1 second");
        }
        checkGlobs("--include", includes);
        checkGlobs("--exclude", excludes);
        Path detectorConfig = config == null ? null : config.toAbsolutePath().normalize();
        if (detectorConfig != null) {
            try {
                DetectorConfigLoader.load(detectorConfig);
            } catch (ConfigFileException e) {
                streams.err().println("pii-scanner: " + Printable.of(e.getMessage()));
                return 2;
            }
        }
        List<Path> dirs = new ArrayList<>();
        for (Path root : roots) {
            Path abs = root.toAbsolutePath().normalize();
            if (!Files.isDirectory(abs)) {
                streams.err().println("pii-scanner: " + Printable.of(root.toString()) + ": "
                        + (Files.exists(abs) ? "not a directory (scan files takes directories)" : "no such directory")
                        + "; nothing was scanned");
                return 1;
            }
            if (!dirs.contains(abs)) {
                dirs.add(abs);
            }
        }
        FileScanParameters request = new FileScanParameters(0, dirs, includes, excludes, followSymlinks,
                maxFileSize, Duration.ofSeconds(timeoutSeconds), grid, detectorConfig,
                FileScanLauncher.configHash(detectorConfig, VersionProvider.version()));
        Map<String, Object> properties = store.properties();
        properties.put("pii.db.max-pool-size", Math.max(8, grid * 2 + 4));
        try (ConfigurableApplicationContext context = ContextStarter.start(spring, properties, streams)) {
            if (context == null) {
                return 1;
            }
            FileScanLauncher launcher = context.getBean(FileScanLauncher.class);
            FileScanLauncher.Outcome outcome;
            try (ScanProgressDisplay display = new ScanProgressDisplay(launcher.progress(), streams.progress(),
                    streams.err())) {
                outcome = launcher.run(request);
            } catch (FileScanException e) {
                streams.err().println("pii-scanner: " + Printable.of(ContextStarter.describe(e)));
                return 1;
            }
            if (!outcome.completed()) {
                streams.err().println("pii-scanner: scan run " + outcome.runId() + " did not complete ("
                        + outcome.status().name().toLowerCase(Locale.ROOT) + ": " + Printable.of(outcome.failure())
                        + "); run the same command again to resume it");
                return 1;
            }
            summary(outcome, context.getBean(FindingStore.class), System.nanoTime() - started);
            return 0;
        } catch (RuntimeException e) {
            streams.out().flush();
            streams.err().println("pii-scanner: " + Printable.of(ContextStarter.describe(e)));
            return 1;
        }
    }

    private void checkGlobs(String option, List<String> globs) {
        for (String g : globs) {
            try {
                PathGlob.of(g);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': '" + g
                        + "': " + e.getMessage());
            }
        }
    }

    private void summary(FileScanLauncher.Outcome outcome, FindingStore findingStore, long nanos) {
        RunCounts c = outcome.run().counts();
        double seconds = nanos / 1e9;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Scan run %d completed%s in %.1f s: %d scanned, %d unchanged, "
                        + "%d skipped, %d deleted (locations: files and documents inside them)%n", outcome.runId(),
                outcome.restarted() ? " (resumed)" : "", seconds, c.scanned(), c.unchanged(), c.skipped(),
                c.deleted()));
        Map<String, Long> skipped = findingStore.skippedByReason(outcome.runId());
        if (!skipped.isEmpty()) {
            sb.append("Skipped:");
            skipped.forEach((reason, n) -> sb.append(' ').append(reason.toLowerCase(Locale.ROOT)).append(' ')
                    .append(n).append(','));
            sb.setLength(sb.length() - 1);
            sb.append(String.format(Locale.ROOT, "%n"));
        }
        Map<String, Long> categories = findingStore.findingsByCategory(outcome.runId());
        sb.append("Findings: ").append(c.findings());
        if (!categories.isEmpty()) {
            sb.append(" (");
            categories.forEach((category, n) -> sb.append(category.toLowerCase(Locale.ROOT)).append(' ').append(n)
                    .append(", "));
            sb.setLength(sb.length() - 2);
            sb.append(')');
        }
        sb.append(String.format(Locale.ROOT, "%nRead %.2f MB at %.2f MB/s.%n", c.scannedBytes() / 1e6,
                c.scannedBytes() / 1e6 / Math.max(seconds, 1e-3)));
        streams.out().print(sb);
        streams.out().flush();
    }
}
