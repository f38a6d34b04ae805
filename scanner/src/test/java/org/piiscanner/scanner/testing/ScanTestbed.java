package org.piiscanner.scanner.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.scanner.config.DetectorConfigLoader;
import org.piiscanner.scanner.extraction.DocumentSource;
import org.piiscanner.scanner.extraction.ExtractedPart;
import org.piiscanner.scanner.extraction.Extraction;
import org.piiscanner.scanner.extraction.ExtractionLimits;
import org.piiscanner.scanner.extraction.Section;
import org.piiscanner.scanner.extraction.TikaTextExtractor;
import org.piiscanner.scanner.index.IndexSync;
import org.piiscanner.scanner.index.LocationDocument;
import org.piiscanner.scanner.protect.FindingPosition;
import org.piiscanner.scanner.protect.ProtectedFinding;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.Fingerprint;
import org.piiscanner.scanner.store.LocationPath;
import org.piiscanner.scanner.store.RunStatus;
import org.piiscanner.scanner.store.ScanKind;
import org.piiscanner.scanner.store.ScannedLocation;

/**
 * Fills a findings store and index the way the file and database scans do, for subject-request tests: files are
 * extracted with the real Tika extractor and scanned with the real detectors (drama phone numbers reported, since
 * test data uses them), protected and recorded with their index documents, one location per part; rows are
 * scanned per column (the column is the finding's section), name columns recorded as names as the database scan's
 * column verdicts would. Until the scan jobs are merged this stands in for them.
 */
public final class ScanTestbed {

    private final FindingStore store;
    private final IndexSync sync;
    private final Protector protector;
    private final DetectionEngine engine;
    private final TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.DEFAULTS);
    private final long run;

    /** A scanner writing through these components, in a run of its own. */
    public ScanTestbed(FindingStore store, IndexSync sync, Protector protector, DetectionEngine engine) {
        this.store = store;
        this.sync = sync;
        this.protector = protector;
        this.engine = engine;
        this.run = store.startRun(ScanKind.FILES, "testbed", "cfg");
    }

    /** The detector configuration of test scans: the defaults, with Ofcom drama numbers reported. */
    public static final String DETECTORS_YAML = "detectors:\n  phone:\n    options:\n      reportDramaNumbers: true\n";

    /** The detectors of {@link #DETECTORS_YAML}, read from a file written in {@code dir}. */
    public static DetectionEngine engine(Path dir) {
        try {
            Path yml = Files.createTempFile(dir, "detectors", ".yml");
            Files.writeString(yml, DETECTORS_YAML);
            try {
                return DetectionEngine.builder().settings(DetectorConfigLoader.load(yml)).build();
            } finally {
                Files.delete(yml);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the run. */
    public void finish() {
        store.finishRun(run, RunStatus.COMPLETED);
    }

    /**
     * Scans every file under {@code root} (sorted), each part a location, as the file scan records them: a
     * document's metadata part ({@code a.docx#metadata}: authors, e-mail headers) is not a location of its own but
     * adds its findings (section {@code metadata}, positions in the metadata text) and words to its document's.
     * Returns the source id.
     */
    public long scanFiles(Path root) throws IOException {
        long source = store.upsertSource(run, ScanKind.FILES, root.toString());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = root.relativize(file).toString();
            Map<String, List<ProtectedFinding>> findings = new LinkedHashMap<>();
            Map<String, Set<String>> words = new LinkedHashMap<>();
            extractor.extract(DocumentSource.ofFile(name, file), part -> {
                if (part.extraction() instanceof Extraction.Text t) {
                    boolean metadata = part.isMetadata() && !part.path().equals(name);
                    String document = metadata ? part.path().substring(0, part.path().length()
                            - ExtractedPart.METADATA_SUFFIX.length()) : part.path();
                    List<ProtectedFinding> found = findings.computeIfAbsent(document, k -> new ArrayList<>());
                    for (Finding f : engine.detect(t.text())) {
                        FindingPosition p = position(t, f.start());
                        found.add(protector.protect(f, metadata ? new FindingPosition("metadata", 0, p.line(),
                                p.column()) : p));
                    }
                    words.computeIfAbsent(document, k -> new HashSet<>()).addAll(protector.wordTokenHashes(t.text()));
                }
            });
            for (Map.Entry<String, List<ProtectedFinding>> e : findings.entrySet()) {
                LocationPath path = new LocationPath(List.of(e.getKey().split(LocationPath.SEPARATOR, -1)));
                long id = store.recordScanned(run, source, new ScannedLocation(path,
                        Fingerprint.of(1000, 1_700_000_000_000L), "cfg", e.getValue()));
                sync.upsert(LocationDocument.of(id, source, path.display(), e.getValue(), words.get(e.getKey())));
            }
        }
        sync.commit();
        return source;
    }

    /**
     * Scans rows of one table: {@code rows} maps a row key ({@code id=42}) to its column values; columns in
     * {@code nameColumns} hold person names.
     */
    public long scanRows(String url, String table, Map<String, Map<String, String>> rows,
            List<String> nameColumns) {
        long source = store.upsertSource(run, ScanKind.DB, url);
        for (Map.Entry<String, Map<String, String>> row : rows.entrySet()) {
            List<ProtectedFinding> findings = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (Map.Entry<String, String> c : row.getValue().entrySet()) {
                String value = c.getValue();
                FindingPosition column = new FindingPosition(c.getKey(), 0, 0, 0);
                if (nameColumns.contains(c.getKey())) {
                    findings.add(protector.protect(Fixtures.finding(EntityType.PERSON, value, 0), column));
                } else {
                    for (Finding f : engine.detect(value)) {
                        findings.add(protector.protect(f, column));
                    }
                }
                text.append(value).append('\n');
            }
            LocationPath path = LocationPath.of(table, row.getKey());
            long id = store.recordScanned(run, source, new ScannedLocation(path, Fingerprint.of(text.length(), 1L),
                    "cfg", findings));
            sync.upsert(LocationDocument.of(id, source, path.display(), findings,
                    protector.wordTokenHashes(text)));
        }
        sync.commit();
        return source;
    }

    /** Line and column (1-based) of {@code offset}, and the page or sheet it is on. */
    public static FindingPosition position(Extraction.Text t, int offset) {
        String text = t.text();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String section = null;
        int page = 0;
        for (Section s : t.sections()) {
            if (s.start() <= offset) {
                section = s.kind() + " " + s.label();
                page = s.kind().equals(Section.PAGE) ? Integer.parseInt(s.label()) : 0;
            }
        }
        return new FindingPosition(section, page, line, offset - lineStart + 1);
    }

    // ---------------------------------------------------------------------------------------- documents

    /** A Word document with these paragraphs. */
    public static byte[] docx(List<String> paragraphs) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of these entries. */
    public static byte[] zip(Map<String, byte[]> entries) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An RFC 822 e-mail. */
    public static byte[] eml(String from, String to, String subject, String body) {
        String mail = "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\nDate: Mon, 4 Mar 2024 10:00:00 +0000\r\nMessage-ID: <test-1@example.com>\r\nMIME-Version: 1.0"
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body.replace("\n", "\r\n") + "\r\n";
        return mail.getBytes(StandardCharsets.UTF_8);
    }

    public static Map<String, String> columns(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
