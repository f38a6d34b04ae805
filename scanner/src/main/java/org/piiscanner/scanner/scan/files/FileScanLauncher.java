package org.piiscanner.scanner.scan.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.ScanKind;
import org.piiscanner.scanner.store.ScanRun;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Starts a file scan, or restarts the unfinished one of the same scan.
 *
 * <h2>Restart rule</h2>
 * A scan is identified by its {@link FileScanParameters#scanKey() scan key}: the roots, globs, symlink rule, size
 * limit and detector configuration. If the newest {@code fileScanJob} instance with that key did not complete
 * (it failed, was stopped, or its process died: an execution still marked running), that instance is restarted:
 * an execution left running by a dead process is first marked failed ({@link JobOperator#recover}), and the
 * restart resumes each partition after its last committed chunk and continues the same store run. Otherwise a
 * new instance starts with a new store run. So re-running the same {@code scan files} command after a crash or a
 * kill is all it takes; there is no separate restart command.
 *
 * <p>Two processes must not scan the same roots into one store at once: with the embedded H2 store the data
 * directory is locked by the first; with PostgreSQL the second would take the first's running execution for a
 * dead one.
 */
public final class FileScanLauncher {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final FindingStore store;
    private final ScanProgress progress;

    FileScanLauncher(JobOperator jobOperator, JobRepository jobRepository, Job job, FindingStore store,
            ScanProgress progress) {
        this.jobOperator = Objects.requireNonNull(jobOperator);
        this.jobRepository = Objects.requireNonNull(jobRepository);
        this.job = Objects.requireNonNull(job);
        this.store = Objects.requireNonNull(store);
        this.progress = Objects.requireNonNull(progress);
    }

    /**
     * What a launch did.
     *
     * @param runId the store's scan run
     * @param restarted whether an unfinished instance was restarted
     * @param status the job's status at the end
     * @param run the run as the store recorded it
     * @param failure why the job did not complete, in one line; null when it did
     */
    public record Outcome(long runId, boolean restarted, BatchStatus status, ScanRun run, String failure) {

        /** True when the job completed (skipped files included). */
        public boolean completed() {
            return status == BatchStatus.COMPLETED;
        }
    }

    /** The live counters of the running scan. */
    public ScanProgress progress() {
        return progress;
    }

    /**
     * Runs the scan {@code request} describes (its run id is ignored) to its end, on the calling thread, restarting
     * the unfinished instance of the same scan if there is one.
     *
     * @throws FileScanException if the job could not be started
     */
    public Outcome run(FileScanParameters request) {
        progress.reset();
        JobExecution unfinished = unfinished(request.scanKey());
        JobExecution execution;
        boolean restarted = unfinished != null;
        try {
            if (restarted) {
                if (unfinished.getStatus().isRunning() || unfinished.getStatus() == BatchStatus.UNKNOWN) {
                    unfinished = jobOperator.recover(unfinished);
                }
                execution = jobOperator.restart(unfinished);
            } else {
                long runId = store.startRun(ScanKind.FILES, "files: " + request.roots().stream()
                        .map(Path::toString).collect(Collectors.joining(", ")), request.configHash());
                execution = jobOperator.start(job, request.withRunId(runId).toJobParameters());
            }
        } catch (Exception e) {
            throw new FileScanException("cannot start the file scan: " + e.getMessage(), e);
        }
        long runId = FileScanParameters.of(execution.getJobParameters()).runId();
        String failure = null;
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            failure = execution.getAllFailureExceptions().stream().findFirst().map(FileScanLauncher::oneLine)
                    .orElse(execution.getExitStatus().getExitCode());
        }
        return new Outcome(runId, restarted, execution.getStatus(), store.findRun(runId).orElseThrow(), failure);
    }

    /** The root cause's message, first line only. */
    private static String oneLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).strip();
    }

    /** The last execution of the newest instance of this scan, if that instance did not complete; else null. */
    JobExecution unfinished(String scanKey) {
        for (JobInstance instance : jobRepository.getJobInstances(FileScanJobConfiguration.JOB_NAME, 0, 100)) {
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last == null || !scanKey.equals(last.getJobParameters().getString(FileScanParameters.SCAN_KEY))) {
                continue;
            }
            BatchStatus s = last.getStatus();
            return s == BatchStatus.COMPLETED || s == BatchStatus.ABANDONED ? null : last;
        }
        return null;
    }

    /**
     * The detector configuration hash of a scan: a SHA-256 of the scanner's version and the configuration file's
     * content (or "defaults"). Locations scanned under another hash are scanned again, never reported unchanged.
     */
    public static String configHash(Path detectorConfig, String scannerVersion) {
        try {
            byte[] config = detectorConfig == null ? "defaults".getBytes(StandardCharsets.UTF_8)
                    : Files.readAllBytes(detectorConfig);
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            d.update(("pii-scanner " + scannerVersion + "\n").getBytes(StandardCharsets.UTF_8));
            d.update(config);
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
