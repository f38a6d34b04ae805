package org.piiscanner.scanner.scan.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of one {@code fileScanJob} instance. Two are identifying: {@code runId} (the store's scan run,
 * one per job instance) and {@code scanKey}, a hash of everything that defines the scan (roots, globs, symlink
 * rule, size limit, detector configuration), by which a later {@code scan files} of the same roots finds an
 * unfinished instance to restart. The others are read back from the instance when it restarts, so a restart
 * scans exactly what the first execution set out to.
 *
 * @param runId the store's scan run
 * @param roots the root directories, absolute
 * @param includes include globs (none: every file)
 * @param excludes exclude globs
 * @param followSymlinks whether symbolic links are followed
 * @param maxFileSize files (and embedded documents) above this many bytes are skipped
 * @param timeout the per-file parse time limit
 * @param gridSize the number of partitions (= worker threads)
 * @param detectorConfig the detector configuration file, or null for the built-in defaults
 * @param configHash the detector configuration hash (see {@link FileScanLauncher})
 */
public record FileScanParameters(long runId, List<Path> roots, List<String> includes, List<String> excludes,
        boolean followSymlinks, long maxFileSize, Duration timeout, int gridSize, Path detectorConfig,
        String configHash) {

    static final String RUN_ID = "runId";
    static final String SCAN_KEY = "scanKey";
    private static final String SEP = "\n";

    public FileScanParameters {
        roots = List.copyOf(roots);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(configHash, "configHash");
        if (gridSize < 1) {
            throw new IllegalArgumentException("the grid size must be at least 1");
        }
    }

    /** This scan with another run id. */
    FileScanParameters withRunId(long id) {
        return new FileScanParameters(id, roots, includes, excludes, followSymlinks, maxFileSize, timeout, gridSize,
                detectorConfig, configHash);
    }

    /**
     * The hash identifying what this scan reads and how it judges it, whatever the run: equal for {@code scan
     * files} commands that would produce the same result.
     */
    String scanKey() {
        String text = String.join(SEP, List.of(
                "roots=" + join(roots.stream().map(Path::toString).toList()),
                "includes=" + join(includes), "excludes=" + join(excludes),
                "follow=" + followSymlinks, "max=" + maxFileSize, "config=" + configHash));
        return sha256(text);
    }

    /** The job parameters. */
    JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addLong(RUN_ID, runId)
                .addString(SCAN_KEY, scanKey())
                .addString("roots", join(roots.stream().map(Path::toString).toList()), false)
                .addString("includes", join(includes), false)
                .addString("excludes", join(excludes), false)
                .addString("followSymlinks", Boolean.toString(followSymlinks), false)
                .addLong("maxFileSize", maxFileSize, false)
                .addLong("timeoutMillis", timeout.toMillis(), false)
                .addLong("gridSize", (long) gridSize, false)
                .addString("detectorConfig", detectorConfig == null ? "" : detectorConfig.toString(), false)
                .addString("configHash", configHash, false)
                .toJobParameters();
    }

    /** The parameters of a job instance. */
    static FileScanParameters of(JobParameters p) {
        String config = p.getString("detectorConfig");
        return new FileScanParameters(p.getLong(RUN_ID),
                split(p.getString("roots")).stream().map(Path::of).toList(),
                split(p.getString("includes")), split(p.getString("excludes")),
                Boolean.parseBoolean(p.getString("followSymlinks")), p.getLong("maxFileSize"),
                Duration.ofMillis(p.getLong("timeoutMillis")), p.getLong("gridSize").intValue(),
                config == null || config.isEmpty() ? null : Path.of(config), p.getString("configHash"));
    }

    private static String join(List<String> values) {
        return String.join(SEP, values);
    }

    private static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(SEP, -1));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
