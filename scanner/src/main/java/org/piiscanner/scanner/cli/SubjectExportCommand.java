package org.piiscanner.scanner.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.scanner.subject.SubjectService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pii-scanner subject export}: a request's locations and findings as CSV or JSON, for the person's copy of
 * an access or portability request; with {@code --with-values}, the actual values read from the sources now.
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Exports what a request found, as CSV (one line per finding) or JSON (one document), for an "
            + "access or portability request.",
            "Without --with-values the export holds locations, positions and masked previews only. With "
                + "--with-values the values are read from the sources now (files re-extracted, database rows "
                + "re-read by key, read-only), checked against the scan's hashes, and written to --output (created "
                + "owner-only; standard output is refused). Values that are not one of the person's identifiers are "
                + "withheld in files: they may concern other people, so review those documents.",
            "Every export is recorded in the audit log with the SHA-256 of what was written.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:exported", "1:an error (no such request, output not writable)", "2:bad usage"},
        footer = {"", "Examples:",
            "  pii-scanner subject export --request 12 --format csv --output sar-12.csv",
            "  pii-scanner subject export --request 12 --format json --with-values \\",
            "      --output sar-12-copy.json"})
final class SubjectExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--request", paramLabel = "ID", required = true, description = "The request (from 'find').")
    private long requestId;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv",
            description = "csv or json. Default: ${DEFAULT-VALUE}.")
    private String format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write to FILE (must not exist; created owner-only). Default: standard output, except "
                + "with --with-values.")
    private Path output;

    @Option(names = "--with-values", description = "Read the actual values from the sources now (audited).")
    private boolean withValues;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The detector configuration the scans used (YAML, as for 'detect --config'), so that a "
                + "value is recognised exactly as the scan recognised it. Default: the built-in defaults.")
    private Path config;

    @Mixin
    private DataDirOptions store;

    private final StandardStreams streams;
    private final ApplicationContextLauncher spring;

    SubjectExportCommand(StandardStreams streams, ApplicationContextLauncher spring) {
        this.streams = streams;
        this.spring = spring;
    }

    @Override
    public Integer call() {
        SubjectService.ExportFormat fmt = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> SubjectService.ExportFormat.CSV;
            case "json" -> SubjectService.ExportFormat.JSON;
            default -> throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--format': csv or json, got '" + format + "'");
        };
        if (withValues && (output == null || output.toString().equals("-"))) {
            throw new ParameterException(spec.commandLine(),
                    "--with-values needs --output FILE: values are never printed to a terminal or pipe");
        }
        if (output != null && Files.exists(output)) {
            streams.err().println("pii-scanner: " + output + " exists; choose a new file");
            return 1;
        }
        DetectionEngine engine = DetectorOption.engine(config, streams);
        if (config != null && engine == null) {
            return 2;
        }
        return SubjectCommand.withService(spring, store, streams, service -> {
            SubjectService.ExportOutcome e = service.export(requestId, fmt, withValues, engine);
            if (output == null || output.toString().equals("-")) {
                streams.out().print(new String(e.content(), java.nio.charset.StandardCharsets.UTF_8));
                streams.out().flush();
            } else {
                try {
                    write(output, e.content());
                } catch (IOException ex) {
                    streams.err().println("pii-scanner: cannot write " + output + ": " + ex.getMessage());
                    return 1;
                }
            }
            streams.err().println(String.format(Locale.ROOT,
                    "Request %d exported: %d locations, %d findings%s%s (SHA-256 %s). Audit entry %s.", requestId,
                    e.locations(), e.items(), withValues ? ", " + e.valuesRead() + " values read from the sources"
                        : "", output == null ? "" : " to " + output, e.sha256(), e.auditHead()));
            return 0;
        });
    }

    /** Writes a new owner-only file. */
    private static void write(Path file, byte[] content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("it exists");
        }
        Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
