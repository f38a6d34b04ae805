package org.piiscanner.scanner.scan.db;

import java.util.ArrayList;
import java.util.List;
import org.piiscanner.scanner.index.IndexSync;
import org.piiscanner.scanner.index.LocationDocument;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.ScannedLocation;
import org.piiscanner.scanner.store.UnchangedLocation;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Records a chunk of rows in the findings store (scanned rows with their findings, unchanged rows as such) in the
 * chunk's transaction, and hands the scanned rows' index documents to {@link IndexSync}, which applies them after
 * the commit. Thread-safe (partitions write different rows).
 */
class RowWriter implements ItemWriter<RowResult> {

    private final FindingStore store;
    private final IndexSync index;
    private final long runId;
    private final long sourceId;
    private final DbScanProgress progress;

    RowWriter(FindingStore store, IndexSync index, long runId, long sourceId, DbScanProgress progress) {
        this.store = store;
        this.index = index;
        this.runId = runId;
        this.sourceId = sourceId;
        this.progress = progress;
    }

    @Override
    public void write(Chunk<? extends RowResult> chunk) {
        index.commitIfDue();
        List<RowResult.Scanned> scanned = new ArrayList<>();
        List<UnchangedLocation> unchanged = new ArrayList<>();
        for (RowResult r : chunk) {
            switch (r) {
                case RowResult.Scanned s -> scanned.add(s);
                case RowResult.Unchanged u -> unchanged.add(new UnchangedLocation(u.path(), u.fingerprint()));
            }
        }
        store.recordUnchanged(runId, sourceId, unchanged, false); // a row holds no entries
        List<Long> ids = store.recordScanned(runId, sourceId, scanned.stream()
                .map(s -> new ScannedLocation(s.path(), s.fingerprint(), s.configHash(), s.findings())).toList());
        for (int i = 0; i < ids.size(); i++) {
            RowResult.Scanned s = scanned.get(i);
            index.upsert(LocationDocument.of(ids.get(i), sourceId, s.path().display(), s.findings(), s.wordTokens()));
        }
        if (!chunk.isEmpty()) {
            progress.rows(chunk.getItems().getFirst().path().root(), scanned.size(), unchanged.size());
        }
    }
}
