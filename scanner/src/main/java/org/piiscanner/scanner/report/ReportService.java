package org.piiscanner.scanner.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.piiscanner.scanner.config.RetentionSettings;
import org.piiscanner.scanner.store.FindingStore;

/**
 * Makes classification reports from the findings store and writes them as HTML, CSV and JSON files. Needs no
 * HMAC key and reads no hash: an auditor can run it on a copy of the data directory without {@code hmac.key}.
 *
 * <p>Files are written into a staging directory inside the output directory and then moved into place, so an
 * interrupted report leaves the previous files as they were. Thread-safe (each call builds its own report).
 */
public final class ReportService {

    private final FindingStore store;
    private final List<CoverageContributor> contributors;
    private final Clock clock;

    /**
     * A service reading {@code store} (it need not be bound to a key), adding the notes of
     * {@code contributors}, measuring ages to {@code clock}'s now.
     */
    public ReportService(FindingStore store, List<CoverageContributor> contributors, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.contributors = List.copyOf(contributors);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What a report run wrote, for the command's summary.
     *
     * @param runId the run reported on
     * @param files the files written, in format order
     * @param sources the sources covered
     * @param locationsWithPersonalData report lines (files, entries, tables) holding personal data
     * @param findings findings in them
     * @param breaches retention breaches ({@code -1} when retention was not checked)
     * @param notices the report's notices
     */
    public record Result(long runId, List<Path> files, int sources, long locationsWithPersonalData, long findings,
            long breaches, List<String> notices) {

        public Result {
            files = List.copyOf(files);
            notices = List.copyOf(notices);
        }
    }

    /**
     * Reports on run {@code runId} (null: the latest completed run) in {@code formats} into {@code outDir}
     * (created owner-only if missing; files of the same names are replaced).
     *
     * @param retention the retention policy to check, or null to check none
     * @throws ReportException if there is no such run or no completed run, or a file cannot be written
     */
    public Result write(Long runId, RetentionSettings retention, Set<ReportFormat> formats, Path outDir) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no report format");
        }
        Report report = new ReportBuilder(store, contributors, clock).build(runId, retention);
        List<Path> files = new ArrayList<>();
        Path staging = null;
        try {
            createOwnerOnly(outDir);
            staging = Files.createTempDirectory(outDir, ".report-");
            List<Path> staged = new ArrayList<>();
            for (ReportFormat format : EnumSet.copyOf(formats)) {
                switch (format) {
                    case HTML -> staged.add(HtmlReport.write(report, staging));
                    case CSV -> staged.addAll(CsvReport.write(report, staging));
                    case JSON -> staged.add(JsonReport.write(report, staging));
                }
            }
            for (Path f : staged) {
                Path target = outDir.resolve(f.getFileName().toString());
                try {
                    Files.move(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
                files.add(target);
            }
        } catch (IOException e) {
            throw new ReportException("cannot write the report into " + outDir + ": " + e, e);
        } finally {
            deleteQuietly(staging);
        }
        long breaches = retention == null ? -1 : report.sources().stream().mapToLong(s -> s.breaches().size()).sum();
        return new Result(report.run().id(), files, report.sources().size(), report.locationsWithPersonalData(),
                report.findings(), breaches, report.notices());
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (parent != null && Files.getFileAttributeView(parent, PosixFileAttributeView.class) != null) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover staging directory is harmless; the report itself is in place
        }
    }
}
