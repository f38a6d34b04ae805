package org.piiscanner.scanner.scan.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.piiscanner.scanner.index.IndexSync;
import org.piiscanner.scanner.index.LocationDocument;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.Fingerprint;
import org.piiscanner.scanner.store.LocationPath;
import org.piiscanner.scanner.store.ScannedLocation;
import org.piiscanner.scanner.store.UnchangedLocation;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Records a chunk of file outcomes in the findings store, in the chunk's transaction, and hands the index the
 * documents of the locations read (applied after the transaction commits, see {@link IndexSync}). Every store
 * write is idempotent, so a chunk replayed after a crash records the same outcomes and findings once.
 */
final class FileOutcomeWriter implements ItemWriter<FileOutcome> {

    private final FindingStore store;
    private final IndexSync sync;
    private final ScanProgress progress;

    FileOutcomeWriter(FindingStore store, IndexSync sync, ScanProgress progress) {
        this.store = Objects.requireNonNull(store);
        this.sync = Objects.requireNonNull(sync);
        this.progress = Objects.requireNonNull(progress);
    }

    /** The file's fingerprint as read, or as walked when it could not be read. */
    private static Fingerprint fingerprint(FileOutcome o) {
        return o.fingerprint() != null ? o.fingerprint()
                : Fingerprint.of(o.item().size(), o.item().modifiedMillis());
    }

    @Override
    public void write(Chunk<? extends FileOutcome> chunk) {
        Map<Long, List<UnchangedLocation>> unchanged = new LinkedHashMap<>();
        long files = 0;
        long bytes = 0;
        long findings = 0;
        for (FileOutcome o : chunk) {
            FileItem item = o.item();
            long runId = item.runId();
            long sourceId = item.sourceId();
            files++;
            bytes += item.size();
            if (o.outcome() == FileOutcome.Kind.UNCHANGED) {
                unchanged.computeIfAbsent(sourceId, k -> new ArrayList<>())
                        .add(new UnchangedLocation(LocationPath.of(item.relPath()), o.fingerprint()));
                continue;
            }
            if (!o.scanned().isEmpty()) {
                List<ScannedLocation> locations = o.scanned().stream().map(FileOutcome.Scanned::location).toList();
                List<Long> ids = store.recordScanned(runId, sourceId, locations);
                for (int i = 0; i < ids.size(); i++) {
                    FileOutcome.Scanned s = o.scanned().get(i);
                    sync.upsert(LocationDocument.of(ids.get(i), sourceId, s.location().path().display(),
                            s.location().findings(), s.words()));
                }
                findings += o.findings();
            }
            for (FileOutcome.Skipped s : o.skipped()) {
                store.recordSkipped(runId, sourceId, s.path(), s.reason(), s.detail(),
                        s.path().depth() == 0 ? fingerprint(o) : null);
            }
        }
        for (FileOutcome o : chunk) {
            List<UnchangedLocation> list = unchanged.remove(o.item().sourceId());
            if (list != null) {
                store.recordUnchanged(o.item().runId(), o.item().sourceId(), list);
            }
        }
        progress.done(files, bytes, findings);
    }
}
