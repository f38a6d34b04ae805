package org.piiscanner.scanner.scan.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.piiscanner.scanner.index.IndexSync;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.RunStatus;
import org.piiscanner.scanner.store.ScanKind;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/**
 * Runs a database scan: opens a run in the findings store, launches the {@code dbScanJob}, brings the index in
 * line and finishes the run (a {@code COMPLETED} run takes the snapshots the reports' "changes since the last run"
 * compare). One scan at a time per context.
 */
@Component
public class DbScanner {

    private final FindingStore store;
    private final DbScanStore dbStore;
    private final IndexSync indexSync;
    private final JobOperator jobOperator;
    private final Job dbScanJob;
    private final DbScanEngines engines;
    private final DbScanProgressHolder progressHolder;

    DbScanner(FindingStore store, DbScanStore dbStore, IndexSync indexSync, JobOperator jobOperator, Job dbScanJob,
            DbScanEngines engines, DbScanProgressHolder progressHolder) {
        this.store = store;
        this.dbStore = dbStore;
        this.indexSync = indexSync;
        this.jobOperator = jobOperator;
        this.dbScanJob = dbScanJob;
        this.engines = engines;
        this.progressHolder = progressHolder;
    }

    /**
     * Scans a database.
     *
     * @throws IllegalArgumentException for a bad request (invalid detector configuration, bad pattern, a URL with
     *     credentials)
     */
    public synchronized DbScanSummary scan(DbScanRequest request, DbScanProgress progress) throws Exception {
        request.include().forEach(org.piiscanner.scanner.config.PathGlob::of);
        request.exclude().forEach(org.piiscanner.scanner.config.PathGlob::of);
        String configHash = engines.configHash(request.detectorConfig());
        DbSource source = request.source();
        if (!source.locator().equals(source.url())) {
            throw new IllegalArgumentException("the JDBC URL carries a user or a secret: give the user and the "
                    + "password's variable or file separately (job parameters and the store keep the URL)");
        }
        long runId = store.startRun(ScanKind.DB, "scan db " + source.locator(), configHash);
        long sourceId = store.upsertSource(runId, ScanKind.DB, source.locator());
        dbStore.saveConnection(sourceId, source);
        indexSync.repair();
        Map<String, AtomicLongArray> perTable = new ConcurrentHashMap<>();
        progressHolder.set(new DbScanProgress() {
            @Override
            public void planned(int tables, long rows) {
                progress.planned(tables, rows);
            }

            @Override
            public void profiled(String table) {
                progress.profiled(table);
            }

            @Override
            public void rows(String table, long scanned, long unchanged) {
                AtomicLongArray a = perTable.computeIfAbsent(table, k -> new AtomicLongArray(2));
                a.addAndGet(0, scanned);
                a.addAndGet(1, unchanged);
                progress.rows(table, scanned, unchanged);
            }
        });
        JobParameters params = new JobParametersBuilder()
                .addLong("runId", runId)
                .addLong("sourceId", sourceId, false)
                .addString("url", source.url(), false)
                .addString("user", source.user() == null ? "" : source.user(), false)
                .addString("passwordEnv", source.passwordEnv() == null ? "" : source.passwordEnv(), false)
                .addString("passwordFile", source.passwordFile() == null ? "" : source.passwordFile().toString(),
                        false)
                .addString("include", String.join("\n", request.include()), false)
                .addString("exclude", String.join("\n", request.exclude()), false)
                .addLong("sample", (long) request.sample(), false)
                .addLong("seed", request.seed(), false)
                .addString("full", Boolean.toString(request.full()), false)
                .addString("config", request.detectorConfig() == null ? ""
                        : request.detectorConfig().toAbsolutePath().toString(), false)
                .toJobParameters();
        JobExecution execution;
        try {
            execution = jobOperator.start(dbScanJob, params);
        } finally {
            progressHolder.set(DbScanProgress.NONE);
        }
        indexSync.commit();
        indexSync.repair();
        String failure = null;
        RunStatus status;
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            status = RunStatus.COMPLETED;
        } else {
            status = RunStatus.FAILED;
            failure = failure(execution);
        }
        store.finishRun(runId, status);
        List<DbScanSummary.TableSummary> tables = new ArrayList<>();
        List<ColumnVerdictRow> verdicts = dbStore.verdicts(runId, sourceId);
        for (TablePlan t : dbStore.tables(runId, sourceId)) {
            List<ColumnVerdictRow> of = verdicts.stream().filter(v -> v.display().equals(t.display()))
                    .toList();
            AtomicLongArray a = perTable.getOrDefault(t.display(), new AtomicLongArray(2));
            tables.add(new DbScanSummary.TableSummary(t.display(), TablePlanner.describeMode(t), t.rowCount(),
                    of.size(), (int) of.stream().filter(v -> v.verdict().equals("PERSONAL")).count(),
                    t.scanColumns().size(), a.get(0), a.get(1)));
        }
        return new DbScanSummary(runId, source.locator(), status, failure, tables, store.runCounts(runId));
    }

    /**
     * The column verdicts of a run, or of the latest run with verdicts when {@code runId} is null.
     *
     * @return the verdicts, empty when the run has none (or there is no database scan at all)
     */
    public List<ColumnVerdictRow> verdicts(Long runId) {
        Long run = runId != null ? runId : dbStore.latestRun().orElse(null);
        return run == null ? List.of() : dbStore.verdicts(run);
    }

    private static String failure(JobExecution execution) {
        List<Throwable> all = new ArrayList<>(execution.getAllFailureExceptions());
        if (all.isEmpty()) {
            return "the scan job ended " + execution.getStatus();
        }
        Throwable t = all.getFirst();
        String message = null;
        while (t != null) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
            if (t instanceof java.sql.SQLException || t.getCause() == null || t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        if (message == null) {
            return all.getFirst().getClass().getSimpleName();
        }
        int nl = message.indexOf('\n');
        return (nl >= 0 ? message.substring(0, nl) : message).strip();
    }
}
