package org.piiscanner.scanner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --data-dir} and {@code --db-url} for every command that uses the findings store (scans, runs, locations,
 * subject and audit commands): where the scans record their findings. A picocli mixin; {@link #properties()} turns
 * them into {@code pii.*} settings.
 */
final class DataDirOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "pii-data",
            description = "Data directory of the scans: the embedded findings store, the index, the HMAC key, the "
                + "report signing key and the audit anchor. Default: ./${DEFAULT-VALUE}.")
    private Path dataDir;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "The findings store's database when it is not the data directory's, e.g. "
                + "jdbc:postgresql://db.example:5432/pii (no credentials in the URL: the password comes from "
                + "PII_SCANNER_DB_PASSWORD).")
    private String dbUrl;

    /** The data directory, absolute. */
    Path dataDir() {
        return dataDir.toAbsolutePath().normalize();
    }

    /** The application properties of these options; a malformed URL is a usage error. */
    Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("pii.data-dir", dataDir());
        if (dbUrl != null && !dbUrl.isBlank()) {
            String url = dbUrl.strip();
            if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--db-url': '" + url
                        + "' is not a JDBC URL (jdbc:postgresql://...)");
            }
            p.put("pii.db.url", url);
        }
        // only the beans a command uses are created (no writable index, no batch job repository)
        p.put("spring.main.lazy-initialization", true);
        return p;
    }

    /** Null if there is a store to read, else why not (an embedded store that was never created). */
    String missingStore() {
        if (dbUrl != null && !dbUrl.isBlank()) {
            return null;
        }
        return Files.isRegularFile(dataDir().resolve("store.mv.db")) ? null
                : "there is no findings store in " + dataDir() + ": scan into it first, or pass --data-dir or "
                    + "--db-url";
    }
}
