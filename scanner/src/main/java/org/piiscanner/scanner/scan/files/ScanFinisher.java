package org.piiscanner.scanner.scan.files;

import java.util.List;
import java.util.Objects;
import org.piiscanner.scanner.index.IndexSync;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.RunStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last step: after every partition completed, the locations of the run's sources that the run did not see
 * are recorded deleted and their index documents removed; the index is committed and repaired; the run's work
 * list is dropped; and the run is finished {@code COMPLETED} (which takes the snapshots that reports compare).
 * Idempotent: re-run after a crash, it does the same again.
 */
final class ScanFinisher implements Tasklet {

    private final FindingStore store;
    private final IndexSync sync;
    private final JdbcTemplate jdbc;
    private final long runId;

    ScanFinisher(FindingStore store, IndexSync sync, JdbcTemplate jdbc, long runId) {
        this.store = Objects.requireNonNull(store);
        this.sync = Objects.requireNonNull(sync);
        this.jdbc = Objects.requireNonNull(jdbc);
        this.runId = runId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        sync.commit();
        for (long sourceId : store.sourcesOfRun(runId)) {
            List<Long> deleted = store.markDeletedNotSeen(runId, sourceId);
            deleted.forEach(sync::delete);
        }
        jdbc.update("DELETE FROM file_scan_item WHERE run_id = ?", runId);
        store.finishRun(runId, RunStatus.COMPLETED);
        return RepeatStatus.FINISHED;
    }
}
