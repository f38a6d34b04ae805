package org.piiscanner.scanner.scan.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.piiscanner.scanner.config.PathGlob;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.Fingerprint;
import org.piiscanner.scanner.store.LocationState;
import org.piiscanner.scanner.store.LocationPath;
import org.piiscanner.scanner.store.ScanKind;
import org.piiscanner.scanner.store.SkipReason;
import org.piiscanner.scanner.store.UnchangedLocation;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The walk step: lists every regular file under the run's roots, in sorted order, into the run's work list
 * ({@code file_scan_item}), dealing them round-robin to the partitions. Include globs (any may match; none means
 * all) and exclude globs (none may match; a matching directory is not entered) apply to paths relative to their
 * root. Symbolic links are not followed unless asked; when they are, a directory already on the current path is
 * not entered again (a link loop). A directory that cannot be listed is recorded as a skipped location
 * ({@code PERMISSION_DENIED} or {@code IO_ERROR}), and the walk goes on.
 *
 * <p>Files whose size and modification time match their last successful scan under the run's detector
 * configuration are recorded {@code UNCHANGED} here, a thousand at a time (one lookup and a few updates per
 * thousand), and never reach the work list: a rescan of an unchanged tree costs little more than the walk. The
 * others (new, changed, or touched: same size, other time, which the processor settles by content hash) go to the
 * work list. Likewise a file skipped for a reason of its content alone ({@link #STABLE_SKIPS}: encrypted, no text,
 * unsupported, binary, damaged, archive bomb) whose size and time have not changed is recorded skipped again,
 * unread.
 *
 * <p>The step is one transaction: re-running it (a restart after a crash in the walk) replaces the run's work list
 * and records the same outcomes.
 */
final class FileTreeWalker implements Tasklet {

    private static final int BATCH = 1000;

    /**
     * Skip reasons that depend on the content alone, not on the scan's options or the moment: the same content is
     * recorded skipped again without being read. (Archive-bomb limits are fixed, not options.) Files skipped for
     * other reasons (too large, timed out, nesting, permissions, I/O) are read again, since limits or conditions
     * may have changed.
     */
    static final Set<SkipReason> STABLE_SKIPS = EnumSet.of(SkipReason.ENCRYPTED, SkipReason.UNSUPPORTED_FORMAT,
            SkipReason.BINARY, SkipReason.NO_TEXT, SkipReason.PARSE_ERROR, SkipReason.ZIP_BOMB);

    private final FindingStore store;
    private final JdbcTemplate jdbc;
    private final ScanProgress progress;
    private final long runId;
    private final List<Path> roots;
    private final List<PathGlob> includes;
    private final List<PathGlob> excludes;
    private final boolean followLinks;
    private final int gridSize;
    private final String configHash;

    FileTreeWalker(FindingStore store, JdbcTemplate jdbc, ScanProgress progress, FileScanParameters parameters) {
        this.store = Objects.requireNonNull(store);
        this.jdbc = Objects.requireNonNull(jdbc);
        this.progress = Objects.requireNonNull(progress);
        this.runId = parameters.runId();
        this.roots = parameters.roots();
        this.includes = parameters.includes().stream().map(PathGlob::of).toList();
        this.excludes = parameters.excludes().stream().map(PathGlob::of).toList();
        this.followLinks = parameters.followSymlinks();
        this.gridSize = parameters.gridSize();
        this.configHash = parameters.configHash();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        jdbc.update("DELETE FROM file_scan_item WHERE run_id = ?", runId);
        Walk walk = new Walk();
        for (Path root : roots) {
            long sourceId = store.upsertSource(runId, ScanKind.FILES, root.toString());
            walk.root(root, sourceId);
        }
        walk.flush();
        progress.total(walk.seq + walk.unchanged, walk.bytes + walk.unchangedBytes);
        progress.done(walk.unchanged, walk.unchangedBytes, 0);
        contribution.incrementWriteCount(walk.seq + walk.unchanged);
        return RepeatStatus.FINISHED;
    }

    /** The state of one walk over all roots. */
    private final class Walk {
        long seq;
        long bytes;
        long unchanged;
        long unchangedBytes;
        final List<Found> found = new ArrayList<>(BATCH);
        final List<Object[]> batch = new ArrayList<>(BATCH);
        Path root;
        long sourceId;

        void root(Path dir, long source) throws IOException {
            flush();
            this.root = dir;
            this.sourceId = source;
            Set<Object> ancestors = new HashSet<>();
            directory(dir, "", ancestors);
        }

        private void directory(Path dir, String rel, Set<Object> ancestors) throws IOException {
            Object key = null;
            if (followLinks) {
                key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
                if (key != null && !ancestors.add(key)) {
                    return; // a link back to a directory being walked
                }
            }
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                stream.forEach(children::add);
            } catch (IOException e) {
                if (!rel.isEmpty()) {
                    store.recordSkipped(runId, sourceId, LocationPath.of(rel),
                            e instanceof AccessDeniedException ? SkipReason.PERMISSION_DENIED : SkipReason.IO_ERROR,
                            "directory not listed: " + e.getClass().getSimpleName());
                    return;
                }
                throw e;
            }
            children.sort(null);
            for (Path child : children) {
                String name = child.getFileName().toString();
                String childRel = rel.isEmpty() ? name : rel + "/" + name;
                BasicFileAttributes attrs;
                try {
                    attrs = followLinks ? Files.readAttributes(child, BasicFileAttributes.class)
                            : Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    continue; // vanished, or a dangling link when following links
                }
                if (attrs.isDirectory()) {
                    if (!matchesAny(excludes, childRel)) {
                        directory(child, childRel, ancestors);
                    }
                } else if (attrs.isRegularFile()) {
                    if ((includes.isEmpty() || matchesAny(includes, childRel)) && !matchesAny(excludes, childRel)) {
                        add(childRel, attrs);
                    }
                }
                // symbolic links (not followed), devices, sockets and pipes are not files to scan
            }
            if (key != null) {
                ancestors.remove(key);
            }
        }

        private void add(String rel, BasicFileAttributes attrs) {
            found.add(new Found(LocationPath.of(rel), Fingerprint.of(attrs.size(),
                    attrs.lastModifiedTime().toMillis())));
            if (found.size() == BATCH) {
                flush();
            }
        }

        /** Records the unchanged files found since the last flush, and lists the others. */
        void flush() {
            if (found.isEmpty()) {
                return;
            }
            Map<LocationPath, LocationState> known = store.lookupAll(sourceId,
                    found.stream().map(Found::path).toList());
            List<UnchangedLocation> same = new ArrayList<>();
            for (Found f : found) {
                LocationState state = known.get(f.path());
                if (state != null && state.unchangedSince(f.fingerprint(), configHash)) {
                    same.add(new UnchangedLocation(f.path(), f.fingerprint()));
                    unchanged++;
                    unchangedBytes += f.fingerprint().size();
                } else if (state != null && STABLE_SKIPS.contains(state.skipReason())
                        && state.skippedUnchanged(f.fingerprint())) {
                    store.recordSkipped(runId, sourceId, f.path(), state.skipReason(), state.skipDetail(),
                            f.fingerprint());
                    unchanged++;
                    unchangedBytes += f.fingerprint().size();
                } else {
                    seq++;
                    bytes += f.fingerprint().size();
                    batch.add(new Object[] {runId, seq, (int) ((seq - 1) % gridSize), sourceId, root.toString(),
                        f.path().root(), f.fingerprint().size(), f.fingerprint().modifiedMillis()});
                }
            }
            found.clear();
            store.recordUnchanged(runId, sourceId, same);
            if (!batch.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO file_scan_item (run_id, seq, partition_no, source_id, root_dir, "
                        + "rel_path, size_bytes, modified_millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch);
                batch.clear();
            }
        }
    }

    private record Found(LocationPath path, Fingerprint fingerprint) {
    }

    private static boolean matchesAny(List<PathGlob> globs, String path) {
        for (PathGlob g : globs) {
            if (g.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
