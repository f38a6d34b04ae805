package org.piiscanner.scanner.subject;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.piiscanner.scanner.extraction.DocumentSource;
import org.piiscanner.scanner.extraction.ExtractedPart;
import org.piiscanner.scanner.extraction.Extraction;
import org.piiscanner.scanner.extraction.ExtractionUnavailableException;
import org.piiscanner.scanner.extraction.TextExtractor;

/**
 * Re-reads locations at their source, now: files through the same {@link TextExtractor} as the file scan (a
 * document inside a container by extracting the container and taking the part with the location's path), rows
 * through a {@link RowReader}. Each top-level file is extracted once however many of its parts are wanted.
 * Nothing read is logged or kept beyond the returned map. Thread-safe if the extractor and readers are.
 */
final class LocationReader {

    private final TextExtractor extractor;
    private final List<RowReader> rowReaders;

    LocationReader(TextExtractor extractor, List<RowReader> rowReaders) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.rowReaders = List.copyOf(rowReaders);
    }

    /**
     * The current content of each location, by location id.
     *
     * @param columns for rows: the columns wanted, by location id (absent: the reader's choice)
     */
    Map<Long, Reread> read(Collection<SubjectLocation> locations, Map<Long, List<String>> columns) {
        Map<Long, Reread> out = new HashMap<>();
        Map<String, List<SubjectLocation>> byFile = new LinkedHashMap<>();
        for (SubjectLocation l : locations) {
            if (l.kind() == LocationKind.FILE) {
                byFile.computeIfAbsent(l.source() + "\0" + l.root(), k -> new ArrayList<>()).add(l);
            } else {
                out.put(l.locationId(), readRow(l, columns.getOrDefault(l.locationId(), List.of())));
            }
        }
        for (List<SubjectLocation> parts : byFile.values()) {
            out.putAll(readFile(parts));
        }
        return out;
    }

    private Reread readRow(SubjectLocation l, Collection<String> columns) {
        if (l.rowKey() == null) {
            return new Reread.Unreadable("the location has no row key");
        }
        RowLocation row = new RowLocation(l.sourceId(), l.source(), l.table(), l.rowKey());
        for (RowReader reader : rowReaders) {
            if (reader.reads(l.sourceId(), l.source())) {
                try {
                    return switch (reader.read(row, columns)) {
                        case RowContent.Present p -> new Reread.Row(p.columns());
                        case RowContent.Missing m -> new Reread.Missing("row deleted");
                    };
                } catch (RowReadException e) {
                    return new Reread.Unreadable(e.getMessage());
                }
            }
        }
        return new Reread.Unreadable("no row reader for this database source (the database scan provides one)");
    }

    /** The parts of one top-level file. */
    private Map<Long, Reread> readFile(List<SubjectLocation> parts) {
        SubjectLocation first = parts.getFirst();
        Map<Long, Reread> out = new HashMap<>();
        Path file;
        try {
            file = resolve(first);
        } catch (Unreachable e) {
            parts.forEach(p -> out.put(p.locationId(), new Reread.Unreadable(e.getMessage())));
            return out;
        }
        if (!Files.exists(file)) {
            parts.forEach(p -> out.put(p.locationId(), new Reread.Missing("file deleted")));
            return out;
        }
        Map<String, List<SubjectLocation>> wanted = new HashMap<>();
        parts.forEach(p -> wanted.computeIfAbsent(p.path(), k -> new ArrayList<>()).add(p));
        List<String> skippedContainers = new ArrayList<>();
        Map<String, String> metadata = new HashMap<>();
        try {
            extractor.extract(DocumentSource.ofFile(first.root(), file), part -> {
                List<SubjectLocation> hit = wanted.get(part.path());
                String documentOfMetadata = part.isMetadata() ? part.path().substring(0, part.path().length()
                        - ExtractedPart.METADATA_SUFFIX.length()) : null;
                switch (part.extraction()) {
                    case Extraction.Text t -> {
                        if (hit != null) {
                            hit.forEach(p -> out.put(p.locationId(), new Reread.FileText(t.text(), null)));
                        } else if (documentOfMetadata != null && wanted.containsKey(documentOfMetadata)) {
                            metadata.put(documentOfMetadata, t.text()); // its document came just before it
                        }
                    }
                    case Extraction.Skipped s -> {
                        if (hit != null) {
                            hit.forEach(p -> out.put(p.locationId(), new Reread.Unreadable(s.message())));
                        } else if (!part.isMetadata()) {
                            skippedContainers.add(part.path());
                        }
                    }
                }
            });
            metadata.forEach((document, text) -> wanted.get(document).forEach(p -> {
                if (out.get(p.locationId()) instanceof Reread.FileText t) {
                    out.put(p.locationId(), new Reread.FileText(t.text(), text));
                }
            }));
        } catch (NoSuchFileException e) {
            parts.forEach(p -> out.putIfAbsent(p.locationId(), new Reread.Missing("file deleted")));
        } catch (AccessDeniedException e) {
            parts.forEach(p -> out.putIfAbsent(p.locationId(), new Reread.Unreadable("permission denied")));
        } catch (IOException | ExtractionUnavailableException e) {
            parts.forEach(p -> out.putIfAbsent(p.locationId(), new Reread.Unreadable("cannot read the file ("
                    + e.getClass().getSimpleName() + ")")));
        }
        for (SubjectLocation p : parts) {
            if (!out.containsKey(p.locationId())) {
                // not delivered: gone from its container, unless a container on its path could not be read
                String blocked = skippedContainers.stream()
                        .filter(c -> p.path().startsWith(c + ExtractedPart.EMBEDDED_SEPARATOR)).findFirst()
                        .orElse(null);
                out.put(p.locationId(), blocked != null
                        ? new Reread.Unreadable("its container " + blocked + " could not be read")
                        : new Reread.Missing("no longer inside " + containerOf(p.path())));
            }
        }
        return out;
    }

    private static String containerOf(String path) {
        int i = path.lastIndexOf(SubjectLocation.SEPARATOR);
        return i < 0 ? path : path.substring(0, i);
    }

    /**
     * The file of a location: its first segment, relative to the source's root directory unless absolute; it must
     * stay inside the root (a path edited in the store cannot make a request read other files).
     */
    private static Path resolve(SubjectLocation l) throws Unreachable {
        try {
            Path root = Path.of(l.source()).toAbsolutePath().normalize();
            Path segment = Path.of(l.root());
            if (segment.isAbsolute()) {
                Path file = segment.normalize();
                if (!file.startsWith(root)) {
                    throw new Unreachable("the location is outside its source " + l.source());
                }
                return file;
            }
            if (Files.isRegularFile(root) && (root.getFileName() != null
                    && root.getFileName().toString().equals(l.root()) || root.toString().equals(l.root()))) {
                return root; // a source that is a single file
            }
            if (!Files.isDirectory(root)) {
                throw new Unreachable("the source " + l.source() + " is not reachable (not mounted, moved or "
                        + "permission denied)");
            }
            Path file = root.resolve(segment).normalize();
            if (!file.startsWith(root) || file.equals(root)) {
                throw new Unreachable("the location is outside its source " + l.source());
            }
            return file;
        } catch (InvalidPathException e) {
            throw new Unreachable("not a file path: " + e.getReason());
        }
    }

    /** The source of a file location cannot be reached: nothing can be said about the location. */
    private static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message, null, false, false);
        }
    }
}
