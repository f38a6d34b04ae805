package org.piiscanner.scanner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.piiscanner.scanner.scan.db.DbScanProgress;
import org.piiscanner.scanner.scan.db.DbScanRequest;
import org.piiscanner.scanner.scan.db.DbScanSummary;
import org.piiscanner.scanner.scan.db.DbScanner;
import org.piiscanner.scanner.store.JdbcUrls;
import org.piiscanner.scanner.store.RunStatus;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pii-scanner scan db JDBC_URL}: scans a database into the findings store: column verdicts from a seeded
 * sample, then every row of the personal and free-text columns. Prints a summary per table on standard output and
 * the run's totals on standard error.
 */
@Command(name = "db", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Scans a database (PostgreSQL, MariaDB/MySQL, H2 or any JDBC source) for personal data.",
            "Connects read-only, discovers tables and columns, gives each column a verdict (entity types, category, "
                + "confidence, evidence) from its name, comment, SQL type and a seeded sample of its values, then "
                + "reads every row of the columns with a positive verdict (--full: every readable column) and "
                + "records a location per row (schema.table!/id=42) with its findings. A rescan skips rows unchanged "
                + "since the last one (watermark column, PostgreSQL xmin, else a row hash).",
            "Credentials: put none in the URL. The password comes from the environment variable named by "
                + "--password-env, or the file named by --password-file; the store keeps the user name and the "
                + "variable's name or file's path (to re-read rows for subject requests), never the password.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, with or without findings", "1:an error (database unreachable, refused, failed)",
            "2:bad usage"},
        footer = {"", "Examples:",
            "  pii-scanner scan db \"jdbc:h2:mem:sample;DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM 'samples/db/sample.sql'\"",
            "  PGPASSWORD=... pii-scanner scan db jdbc:postgresql://db:5432/crm --user scanner --password-env PGPASSWORD \\",
            "      --include 'crm.*' --exclude 'crm.audit_*'",
            "  pii-scanner columns --json"})
final class ScanDbCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JDBC_URL", description = "The database to scan, without credentials.")
    private String url;

    @Option(names = "--user", paramLabel = "U", description = "The database user.")
    private String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "The environment variable holding the password.")
    private String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file holding the password (a mounted secret).")
    private Path passwordFile;

    @Option(names = "--include", paramLabel = "PATTERN",
            description = "Scan only tables whose schema.table matches (glob: * and ?, any case). Repeatable.")
    private List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "PATTERN",
            description = "Skip tables whose schema.table matches. Repeatable.")
    private List<String> exclude = new ArrayList<>();

    @Option(names = "--sample", paramLabel = "N",
            description = "Rows sampled per table for the column verdicts. Default: pii.db-scan.sample (1000).")
    private Integer sample;

    @Option(names = "--seed", paramLabel = "S", description = "The sample's seed. Default: pii.db-scan.seed (42).")
    private Long seed;

    @Option(names = "--full",
            description = "Read every readable column in full, not only those with a personal or free-text verdict.")
    private boolean full;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Detector configuration file (as for 'detect --config').")
    private Path config;

    @Mixin
    private DataDirOptions store;

    private final StandardStreams streams;
    private final ApplicationContextLauncher spring;

    ScanDbCommand(StandardStreams streams, ApplicationContextLauncher spring) {
        this.streams = streams;
        this.spring = spring;
    }

    @Override
    public Integer call() throws Exception {
        String jdbc = url.strip();
        if (!jdbc.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            throw new ParameterException(spec.commandLine(), "Invalid value for JDBC_URL: '" + Printable.of(jdbc)
                    + "' is not a JDBC URL (jdbc:postgresql://host/db, jdbc:mariadb://host/db, jdbc:h2:...)");
        }
        if (!JdbcUrls.withoutCredentials(jdbc).equals(jdbc)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for JDBC_URL: it carries a user or a "
                    + "secret; pass --user and --password-env (or --password-file) instead");
        }
        if (sample != null && sample < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--sample': at least 1");
        }
        if (passwordFile != null && !Files.isReadable(passwordFile)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--password-file': cannot "
                    + "read " + passwordFile);
        }
        if (config != null && !Files.isRegularFile(config)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--config': no file "
                    + config);
        }
        Map<String, Object> properties = new java.util.LinkedHashMap<>(store.properties());
        // the command prints why a scan failed in one line; Spring Batch would log the stack trace too
        properties.put("logging.level.org.springframework.batch", "WARN");
        properties.put("logging.level.org.springframework.batch.core.step.AbstractStep", "OFF");
        properties.put("logging.level.org.springframework.batch.core.job.AbstractJob", "OFF");
        try (ConfigurableApplicationContext context = ContextStarter.start(spring, properties, streams)) {
            if (context == null) {
                return 1;
            }
            var settings = context.getBean(org.piiscanner.scanner.config.PiiProperties.class).dbScan();
            DbScanRequest request;
            try {
                request = new DbScanRequest(new DbScanRequest.DbSourceSpec(jdbc, user, passwordEnv, passwordFile),
                        include, exclude, sample != null ? sample : settings.sample(),
                        seed != null ? seed : settings.seed(), full, config);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            DbScanSummary summary;
            try (RowProgress progress = new RowProgress(streams)) {
                summary = context.getBean(DbScanner.class).scan(request, progress);
            } catch (IllegalArgumentException e) {
                streams.err().println("pii-scanner: " + Printable.of(e.getMessage()));
                return 2;
            } catch (RuntimeException e) {
                streams.err().println("pii-scanner: " + Printable.of(ContextStarter.describe(e)));
                return 1;
            }
            print(summary);
            return summary.status() == RunStatus.COMPLETED ? 0 : 1;
        }
    }

    private void print(DbScanSummary s) {
        if (!s.tables().isEmpty()) {
            int w = Math.max(5, s.tables().stream().mapToInt(t -> Printable.of(t.table()).length()).max().orElse(5));
            String fmt = "%-" + w + "s  %10s  %8s  %8s  %8s  %10s  %10s  %s%n";
            streams.out().printf(Locale.ROOT, fmt, "TABLE", "ROWS", "COLUMNS", "PERSONAL", "READ", "SCANNED",
                    "UNCHANGED", "MODE");
            for (DbScanSummary.TableSummary t : s.tables()) {
                streams.out().printf(Locale.ROOT, fmt, Printable.of(t.table()), t.rows(), t.columns(),
                        t.personalColumns(), t.scannedColumns(), t.rowsScanned(), t.rowsUnchanged(), t.mode());
            }
            streams.out().flush();
        }
        if (s.failure() != null) {
            streams.err().println("pii-scanner: cannot scan " + Printable.of(s.source()) + ": "
                    + Printable.of(s.failure()));
        }
        streams.err().println(String.format(Locale.ROOT, "Run %d %s: %d table%s of %s; %d row%s scanned, %d "
                        + "unchanged, %d deleted; %d finding%s. 'pii-scanner columns' lists the column verdicts.",
                s.runId(), s.status().name().toLowerCase(Locale.ROOT), s.tables().size(),
                s.tables().size() == 1 ? "" : "s", Printable.of(s.source()), s.counts().scanned(),
                s.counts().scanned() == 1 ? "" : "s", s.counts().unchanged(), s.counts().deleted(),
                s.counts().findings(), s.counts().findings() == 1 ? "" : "s"));
    }

    /** A progress bar over the rows to read, once the plan is known; thread-safe. */
    private static final class RowProgress implements DbScanProgress, AutoCloseable {
        private final StandardStreams streams;
        private volatile Progress bar;

        RowProgress(StandardStreams streams) {
            this.streams = streams;
        }

        @Override
        public synchronized void planned(int tables, long rows) {
            if (bar == null) {
                bar = Progress.start(streams.progress(), (int) Math.min(Integer.MAX_VALUE, rows));
            }
        }

        @Override
        public void rows(String table, long scanned, long unchanged) {
            Progress b = bar;
            if (b != null) {
                synchronized (this) {
                    for (long i = 0; i < scanned + unchanged; i++) {
                        b.step();
                    }
                }
            }
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
