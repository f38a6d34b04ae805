package org.piiscanner.scanner.scan.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.index.LocationIndex;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.LocationQuery;
import org.piiscanner.scanner.store.LocationRecord;
import org.piiscanner.scanner.store.Page;
import org.piiscanner.scanner.store.RunStatus;
import org.piiscanner.scanner.store.ScanRun;
import org.piiscanner.scanner.store.StoredFinding;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Restart: a scan killed with SIGKILL in the middle and run again resumes the same job instance and store run,
 * and ends with exactly the findings, outcomes and index of an uninterrupted scan: nothing lost, nothing doubled.
 */
class FileScanRestartIT {

    static final int FILES = 120;

    @TempDir
    Path dir;

    @Test
    void aScanKilledMidRunResumesToTheSameFindingsAsAnUninterruptedOne() throws Exception {
        killResumeAndCompare(dir, List.of(), List.of());
    }

    /**
     * Scans a generated share into {@code crashedStore} (killed, then resumed) and {@code referenceStore}
     * (uninterrupted), given as application properties (none: the embedded H2 of each data directory), and
     * compares them.
     */
    static void killResumeAndCompare(Path dir, List<String> crashedStore, List<String> referenceStore)
            throws Exception {
        Path share = dir.resolve("share");
        Files.createDirectories(share);
        for (int i = 0; i < FILES; i++) {
            Path file = share.resolve(String.format("dept-%02d/file-%03d.txt", i % 7, i));
            Files.createDirectories(file.getParent());
            Files.writeString(file, text(i), StandardCharsets.UTF_8);
        }
        Path crashed = dir.resolve("crashed");
        Path reference = dir.resolve("reference");

        // 1. killed with SIGKILL after some files were recorded, well before the end
        Process worker = worker(crashed, share, crashedStore);
        long done = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(worker.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("done ")) {
                    done = Long.parseLong(line.substring(5));
                    if (done >= 30) {
                        worker.destroyForcibly(); // SIGKILL: no shutdown hook, no H2 close, no Lucene commit
                        break;
                    }
                }
            }
        }
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(done).isBetween(30L, FILES - 10L);

        // 2. the same command again resumes the instance and the run; 3. a reference scan, uninterrupted
        assertThat(finish(worker(crashed, share, crashedStore))).isEqualTo("completed 1 true COMPLETED");
        assertThat(finish(worker(reference, share, referenceStore))).isEqualTo("completed 1 false COMPLETED");

        List<String> resumed;
        List<String> uninterrupted;
        try (ConfigurableApplicationContext context = FileScanTestbed.start(crashed,
                crashedStore.toArray(String[]::new))) {
            resumed = snapshot(context.getBean(FindingStore.class));
            ScanRun run = context.getBean(FindingStore.class).findRun(1).orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.counts().scanned()).isEqualTo(FILES);
            assertThat(context.getBean(LocationIndex.class).count()).isEqualTo(FILES);
            JobRepository jobs = context.getBean(JobRepository.class);
            List<JobInstance> instances = jobs.getJobInstances(FileScanJobConfiguration.JOB_NAME, 0, 10);
            assertThat(instances).hasSize(1);
            assertThat(jobs.getJobExecutions(instances.getFirst())).extracting(JobExecution::getStatus)
                    .containsExactlyInAnyOrder(BatchStatus.FAILED, BatchStatus.COMPLETED);
        }
        try (ConfigurableApplicationContext context = FileScanTestbed.start(reference,
                referenceStore.toArray(String[]::new))) {
            uninterrupted = snapshot(context.getBean(FindingStore.class));
        }
        assertThat(resumed.stream().filter(l -> l.endsWith(" SCANNED 3")).count()).isGreaterThan(FILES - 5L);
        assertThat(resumed.stream().filter(l -> l.contains(" SCANNED ")).count()).isEqualTo(FILES);
        assertThat(resumed).isEqualTo(uninterrupted);
    }

    /** Each file: an e-mail, a NINO and, for every third, an IBAN; numbered so that no two are alike. */
    private static String text(int i) {
        return String.format("Case %d: contact person%03d@example.com, NI number AB 12 %02d %02d C.%n", i, i,
                i % 100, (i * 7) % 100)
                + "Notes about the case follow here, in plain words.\n"
                + "Payment reference GB82 WEST 1234 5698 7654 32 for the refund.\n";
    }

    /** Every location and its findings (path, type, offsets, keyed hash), in path order. */
    private static List<String> snapshot(FindingStore store) {
        List<String> out = new ArrayList<>();
        Long after = null;
        do {
            Page<LocationRecord> page = store.listLocations(LocationQuery.all(), after, 500);
            for (LocationRecord l : page.items()) {
                out.add(l.path() + " " + l.outcome() + " " + l.findingsCount());
                for (StoredFinding f : store.findings(l.id())) {
                    out.add(l.path() + " " + f.entityType() + " " + f.start() + "-" + f.end() + " " + f.valueHash()
                            + " " + f.firstSeenRun());
                }
            }
            after = page.nextCursor();
        } while (after != null);
        out.sort(null);
        return out;
    }

    private static Process worker(Path data, Path root, List<String> store) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                FileScanCrashWorker.class.getName(), data.toString(), root.toString(), "2"));
        command.addAll(store);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    /** The last line of a worker run to its end. */
    private static String finish(Process worker) throws Exception {
        String last = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(worker.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                last = line;
            }
        }
        assertThat(worker.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.exitValue()).isZero();
        return last;
    }
}
