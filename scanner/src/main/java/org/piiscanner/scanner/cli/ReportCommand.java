package org.piiscanner.scanner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.piiscanner.scanner.config.ConfigFileException;
import org.piiscanner.scanner.config.RetentionConfigLoader;
import org.piiscanner.scanner.config.RetentionSettings;
import org.piiscanner.scanner.report.ReportException;
import org.piiscanner.scanner.report.ReportFormat;
import org.piiscanner.scanner.report.ReportService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pii-scanner report [--run ID] --format html|csv|json --out DIR}: writes a classification report of a
 * scan run from the findings store, for auditors: categories of personal data by source, folder and location,
 * confidence, special-category and criminal-offence data, coverage, retention breaches and changes since the
 * previous run. Prints the files written on standard output and a summary on standard error.
 *
 * <p>Starts Spring lazily: only the data source, Flyway and the report service. It needs no HMAC key.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Writes a classification report of a scan for auditors: which categories of personal data sit where "
                + "(by source, folder or table, and location), how sure the scanner is, special-category and "
                + "criminal-offence data, what could not be scanned and why, locations kept longer than the "
                + "retention policy allows, and what changed since the previous scan of each source.",
            "Reports show categories, counts and masked previews only: never a value, never a hash.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the report was written",
            "1:an error: no findings store, no such run, no completed run, or the files could not be written",
            "2:bad usage: unknown option, bad format, invalid retention file"},
        footer = {"", "Examples:",
            "  pii-scanner report --format html --out reports/",
            "  pii-scanner report --format html,csv,json --retention config/retention.yml --out reports/",
            "  pii-scanner report --run 12 --format csv --out reports/run-12 --data-dir /var/lib/pii-scanner"})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--run", paramLabel = "ID",
            description = "The scan run to report on. Default: the latest completed run.")
    private Long run;

    @Option(names = "--format", required = true, split = ",", paramLabel = "FORMAT",
            description = {"html (one self-contained page), csv (sources, locations, inventory, retention, changes "
                + "and coverage tables) or json (one document); several comma-separated."})
    private List<String> formats = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Directory to write the report files into (created if missing; files of the same names "
                + "are replaced).")
    private Path out;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The scanner's data directory holding the findings store. Default: ./pii-data.")
    private Path dataDir;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "A JDBC URL of a PostgreSQL findings store instead of the data directory's embedded one "
                + "(no credentials in the URL: the password comes from PII_SCANNER_DB_PASSWORD).")
    private String dbUrl;

    @Option(names = "--retention", paramLabel = "FILE",
            description = "A retention policy (YAML; config/retention.yml documents the format). Without it, "
                + "retention is not checked.")
    private Path retention;

    private final StandardStreams streams;
    private final ApplicationContextLauncher spring;

    ReportCommand(StandardStreams streams, ApplicationContextLauncher spring) {
        this.streams = streams;
        this.spring = spring;
    }

    @Override
    public Integer call() {
        Set<ReportFormat> chosen = formats();
        if (run != null && run < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--run': must be a run id "
                    + "(1 or more), got " + run);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--out': " + out
                    + " is a file, not a directory");
        }
        RetentionSettings policy = null;
        if (retention != null) {
            try {
                policy = RetentionConfigLoader.load(retention);
            } catch (ConfigFileException e) {
                streams.err().println("pii-scanner: " + e.getMessage());
                return 2;
            }
        }
        Path data = (dataDir != null ? dataDir : Path.of("pii-data")).toAbsolutePath().normalize();
        boolean embedded = dbUrl == null || dbUrl.isBlank();
        if (embedded && !Files.isRegularFile(data.resolve("store.mv.db"))) {
            streams.err().println("pii-scanner: no findings store in " + Printable.of(data.toString())
                    + " (store.mv.db): scan first, or name the data directory with --data-dir or a database with "
                    + "--db-url");
            return 1;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.main.lazy-initialization", "true");
        properties.put("pii.data-dir", data);
        if (!embedded) {
            properties.put("pii.db.url", dbUrl.strip());
        }
        ReportService.Result result;
        try (ConfigurableApplicationContext context = spring.start(properties)) {
            result = context.getBean(ReportService.class).write(run, policy, chosen, out);
        } catch (ReportException e) {
            streams.err().println("pii-scanner: " + Printable.of(e.getMessage()));
            return 1;
        } catch (RuntimeException e) {
            streams.err().println("pii-scanner: cannot read the findings store: " + Printable.of(rootMessage(e)));
            return 1;
        }
        for (Path f : result.files()) {
            streams.out().println(Printable.of(f.toString()));
        }
        streams.out().flush();
        for (String notice : result.notices()) {
            streams.err().println("pii-scanner: warning: " + Printable.of(notice));
        }
        streams.err().println("Report on run " + result.runId() + ": " + result.sources() + " source"
                + (result.sources() == 1 ? "" : "s") + ", " + result.locationsWithPersonalData()
                + " location" + (result.locationsWithPersonalData() == 1 ? "" : "s") + " with personal data ("
                + result.findings() + " finding" + (result.findings() == 1 ? "" : "s") + ")"
                + (result.breaches() < 0 ? ", retention not checked"
                        : ", " + result.breaches() + " retention breach" + (result.breaches() == 1 ? "" : "es"))
                + "; " + result.files().size() + " file" + (result.files().size() == 1 ? "" : "s") + " written.");
        return 0;
    }

    private Set<ReportFormat> formats() {
        Set<ReportFormat> chosen = EnumSet.noneOf(ReportFormat.class);
        for (String f : formats) {
            String name = f.strip().toUpperCase(Locale.ROOT);
            try {
                chosen.add(ReportFormat.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--format': '" + f
                        + "' (expected html, csv or json)");
            }
        }
        return chosen;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
