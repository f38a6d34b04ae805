package org.piiscanner.scanner.scan.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.scanner.detect.DetectionService;
import org.piiscanner.scanner.detect.LocatedFinding;
import org.piiscanner.scanner.extraction.DocumentSource;
import org.piiscanner.scanner.extraction.ExtractedPart;
import org.piiscanner.scanner.extraction.Extraction;
import org.piiscanner.scanner.extraction.ExtractionUnavailableException;
import org.piiscanner.scanner.extraction.Section;
import org.piiscanner.scanner.extraction.TextExtractor;
import org.piiscanner.scanner.protect.FindingPosition;
import org.piiscanner.scanner.protect.ProtectedFinding;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.Fingerprint;
import org.piiscanner.scanner.store.LocationPath;
import org.piiscanner.scanner.store.LocationState;
import org.piiscanner.scanner.store.ScannedLocation;
import org.piiscanner.scanner.store.SkipReason;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Scans one file: fingerprint (size and modification time, then a SHA-256 of the content when only the time
 * differs) against the last successful scan under the same detector configuration, and if it changed: extract
 * (every document embedded in it becomes a location of its own), detect, protect. Returns null for a file that
 * vanished since the walk (the end of the run records it deleted).
 *
 * <p>Never throws for a problem with the file: it becomes a {@code SKIPPED} outcome with the reason. A document's
 * metadata part ({@code a.docx#metadata}: authors, e-mail headers) is not a location of its own; its findings
 * (section {@code metadata}, positions in the metadata text) and words join its document's. Thread-safe: one
 * instance per partition. Not final: the step-scoped bean is a class proxy, so the step sees its listener annotations.
 */
class FileScanProcessor implements ItemProcessor<FileItem, FileOutcome> {

    private final FindingStore store;
    private final TextExtractor extractor;
    private final DetectionEngine engine;
    private final Protector protector;
    private final String configHash;
    private final boolean wordTokens;
    private final long maxFileSize;

    FileScanProcessor(FindingStore store, TextExtractor extractor, DetectionEngine engine, Protector protector,
            String configHash, boolean wordTokens, long maxFileSize) {
        this.maxFileSize = maxFileSize;
        this.store = Objects.requireNonNull(store);
        this.extractor = Objects.requireNonNull(extractor);
        this.engine = Objects.requireNonNull(engine);
        this.protector = Objects.requireNonNull(protector);
        this.configHash = Objects.requireNonNull(configHash);
        this.wordTokens = wordTokens;
    }

    @Override
    public FileOutcome process(FileItem item) {
        Path file = item.file();
        LocationPath path = LocationPath.of(item.relPath());
        Fingerprint current;
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            current = Fingerprint.of(attrs.size(), attrs.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return FileOutcome.skipped(item, reason(e), e.getClass().getSimpleName());
        }
        try {
            LocationState previous = store.lookup(item.sourceId(), path).orElse(null);
            if (previous != null && previous.reusable(configHash)) {
                if (previous.fingerprint().matches(current)) {
                    return FileOutcome.unchanged(item, current);
                }
                if (previous.fingerprint().worthHashing(current)) {
                    current = current.withContentHash(sha256(file));
                    if (previous.fingerprint().matches(current)) {
                        return FileOutcome.unchanged(item, current);
                    }
                }
            }
            return scan(item, path, current);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return FileOutcome.skipped(item, reason(e), e.getClass().getSimpleName());
        } catch (UncheckedIOException e) {
            return FileOutcome.skipped(item, reason(e.getCause()), e.getCause().getClass().getSimpleName());
        } catch (ExtractionUnavailableException e) {
            return FileOutcome.skipped(item, SkipReason.TIMEOUT, "no parser available: too many stuck parsers");
        } catch (RuntimeException e) {
            // a defect in a parser or detector: the file is reported, the scan goes on
            return FileOutcome.skipped(item, SkipReason.OTHER, "internal error: " + e.getClass().getName());
        }
    }

    private FileOutcome scan(FileItem item, LocationPath path, Fingerprint current) throws IOException {
        if (current.contentHash() == null && current.size() <= maxFileSize) {
            current = current.withContentHash(sha256(item.file()));
        }
        String name = item.relPath();
        Map<String, List<ProtectedFinding>> findings = new LinkedHashMap<>();
        Map<String, Set<String>> words = new LinkedHashMap<>();
        Map<String, Extraction.Skipped> skipped = new LinkedHashMap<>();
        extractor.extract(DocumentSource.ofFile(name, item.file()), part -> {
            boolean metadata = part.isMetadata() && !part.path().equals(name);
            String document = metadata ? part.path().substring(0, part.path().length()
                    - ExtractedPart.METADATA_SUFFIX.length()) : part.path();
            switch (part.extraction()) {
                case Extraction.Skipped s -> {
                    if (!metadata) {
                        skipped.put(document, s);
                    }
                }
                case Extraction.Text t -> {
                    List<ProtectedFinding> found = findings.computeIfAbsent(document, k -> new ArrayList<>());
                    for (LocatedFinding f : DetectionService.locate(t.text(), engine.detect(t.text()),
                            t.sections())) {
                        found.add(protector.protect(f.finding(), metadata
                                ? new FindingPosition("metadata", 0, f.line(), f.column()) : position(f)));
                    }
                    if (wordTokens) {
                        words.computeIfAbsent(document, k -> new HashSet<>()).addAll(
                                protector.wordTokenHashes(t.text()));
                    }
                }
            }
        });
        List<FileOutcome.Scanned> scanned = new ArrayList<>();
        List<FileOutcome.Skipped> notScanned = new ArrayList<>();
        for (Map.Entry<String, Extraction.Skipped> e : skipped.entrySet()) {
            LocationPath p = location(name, e.getKey());
            notScanned.add(new FileOutcome.Skipped(p, Skips.of(e.getValue().reason()), e.getValue().detail()));
        }
        for (Map.Entry<String, List<ProtectedFinding>> e : findings.entrySet()) {
            if (skipped.containsKey(e.getKey())) {
                continue; // only its metadata was read: the document itself is skipped
            }
            LocationPath p = location(name, e.getKey());
            Fingerprint fp = p.depth() == 0 ? current : Fingerprint.of(0, Fingerprint.UNKNOWN_TIME);
            scanned.add(new FileOutcome.Scanned(new ScannedLocation(p, fp, configHash, e.getValue()),
                    wordTokens ? words.getOrDefault(e.getKey(), Set.of()) : null));
        }
        boolean fileSkipped = skipped.containsKey(name);
        return new FileOutcome(item, fileSkipped ? FileOutcome.Kind.SKIPPED : FileOutcome.Kind.SCANNED, current,
                scanned, notScanned);
    }

    /** The location of a part: the file, then each embedded path. */
    static LocationPath location(String fileName, String partPath) {
        if (partPath.equals(fileName)) {
            return LocationPath.of(fileName);
        }
        String rest = partPath.startsWith(fileName + ExtractedPart.EMBEDDED_SEPARATOR)
                ? partPath.substring(fileName.length() + ExtractedPart.EMBEDDED_SEPARATOR.length()) : partPath;
        List<String> segments = new ArrayList<>();
        segments.add(fileName);
        for (String s : rest.split(ExtractedPart.EMBEDDED_SEPARATOR, -1)) {
            segments.add(s.isEmpty() ? "_" : s);
        }
        return new LocationPath(segments);
    }

    /** The stored position of a located finding: section (page, sheet, slide), page number, line and column. */
    static FindingPosition position(LocatedFinding f) {
        Section s = f.section();
        if (s == null) {
            return FindingPosition.lineColumn(f.line(), f.column());
        }
        int page = s.kind().equals(Section.PAGE) ? parsePage(s.label()) : 0;
        return new FindingPosition(s.kind() + " " + s.label(), page, f.line(), f.column());
    }

    private static int parsePage(String label) {
        try {
            return Math.max(0, Integer.parseInt(label));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static SkipReason reason(IOException e) {
        return e instanceof AccessDeniedException ? SkipReason.PERMISSION_DENIED : SkipReason.IO_ERROR;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
