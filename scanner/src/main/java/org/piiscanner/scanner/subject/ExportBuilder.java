package org.piiscanner.scanner.subject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.scanner.protect.FindingPosition;
import org.piiscanner.scanner.protect.KeyedHasher;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.store.StoredFinding;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the export of a request (access and portability requests): every location found, with its findings,
 * and, on request, their values read from the sources now.
 *
 * <h2>Which values are exported</h2>
 * A value is read back from its source only if it can be shown to be the one the scan found: the text at the
 * finding's recorded offsets (or, if the document changed, a detector finding of the same type elsewhere in it)
 * must hash to the finding's stored value hash. Values are given for
 * <ul>
 *   <li>findings that hold one of the person's identifiers (their e-mail address, their name...), anywhere;</li>
 *   <li>every finding of a database row found with high confidence: the row is the person's record.</li>
 * </ul>
 * Other findings in a file (a letter's other addressees, a spreadsheet's other rows) are listed with their masked
 * preview and {@code withheld}: they may concern other people, so the DPO reviews the document before disclosing
 * them. Nothing read is logged or kept; the export is the only copy. Thread-safe.
 */
final class ExportBuilder {

    /** Identifies the export format and its version. */
    static final String FORMAT = "pii-scanner subject export 1";

    private final Protector protector;
    private final EvidenceScorer scorer = new EvidenceScorer();

    ExportBuilder(Protector protector) {
        this.protector = Objects.requireNonNull(protector, "protector");
    }

    /** One finding in the export. */
    record Item(StoredFinding finding, Integer identifier, String identifierType, String value, String valueStatus) {

        @Override
        public String toString() {
            return "Item[" + finding.entityType() + ", " + valueStatus + "]";
        }
    }

    /** One location in the export. */
    record LocationExport(SubjectRequests.StoredResult result, SubjectLocation location, List<Item> items) {
    }

    /** The whole export. */
    record Export(long requestId, Instant exportedAt, String exportedBy, boolean withValues,
            List<LocationExport> locations) {

        int itemCount() {
            return locations.stream().mapToInt(l -> l.items().size()).sum();
        }

        int valuesRead() {
            return (int) locations.stream().flatMap(l -> l.items().stream()).filter(i -> i.value() != null).count();
        }
    }

    Export build(SubjectRequests.StoredRequest request, List<SubjectLocation> locations,
            Map<Long, List<StoredFinding>> findings, Map<Long, Reread> reread, boolean withValues, Instant at,
            String by, DetectionEngine engine) {
        List<LocationExport> out = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            SubjectLocation l = locations.get(i);
            SubjectRequests.StoredResult result = request.results().get(i);
            List<Item> items = new ArrayList<>();
            for (StoredFinding f : findings.getOrDefault(l.locationId(), List.of())) {
                IdentifierMatch match = scorer.score(request.subject(), new HashSet<>(f.indexTerms())).matches()
                        .stream().filter(m -> m.how() != MatchKind.NAME_PARTIAL).findFirst().orElse(null);
                String value = null;
                String status;
                if (!withValues) {
                    status = "not requested";
                } else {
                    boolean wanted = match != null
                            || l.kind() == LocationKind.ROW && result.confidence() == Confidence.HIGH;
                    Reread r = reread.get(l.locationId());
                    if (!wanted) {
                        status = "withheld: not one of the person's identifiers, may concern others (review the "
                                + "document)";
                    } else if (r instanceof Reread.FileText t) {
                        value = fromFile(t, f, engine);
                        status = value != null ? "read" : "changed: no longer in the document";
                    } else if (r instanceof Reread.Row row) {
                        value = fromRow(row.columns(), f, engine);
                        status = value != null ? "read" : "changed: no longer in the row";
                    } else if (r instanceof Reread.Missing m) {
                        status = "location missing: " + m.detail();
                    } else if (r instanceof Reread.Unreadable u) {
                        status = "unreadable: " + u.detail();
                    } else {
                        status = "not read";
                    }
                }
                items.add(new Item(f, match == null ? null : match.identifier(),
                        match == null ? null : match.type(), value, status));
            }
            out.add(new LocationExport(result, l, items));
        }
        return new Export(request.id(), at, by, withValues, out);
    }

    /**
     * The finding's value in a document: in its metadata text for a finding of the metadata section (authors,
     * e-mail headers), else in its text; if it is not where it was, wherever the detectors find it in either.
     */
    private String fromFile(Reread.FileText file, StoredFinding f, DetectionEngine engine) {
        boolean inMetadata = Reread.FileText.METADATA_SECTION.equals(f.position().section()) && file.metadata() != null;
        String value = fromText(inMetadata ? file.metadata() : file.text(), f, engine);
        if (value == null && file.metadata() != null) {
            value = fromText(inMetadata ? file.text() : file.metadata(), f, engine);
        }
        return value;
    }

    /** The finding's value in {@code text}: at its offsets, or where a detector finds the same value now. */
    private String fromText(String text, StoredFinding f, DetectionEngine engine) {
        if (f.start() >= 0 && f.end() <= text.length() && f.start() < f.end()) {
            String raw = text.substring(f.start(), f.end());
            if (same(f, raw)) {
                return raw;
            }
        }
        for (Finding g : engine.detect(text)) {
            if (g.type().name().equals(f.entityType())) {
                String raw = text.substring(g.start(), g.end());
                if (same(f, raw)) {
                    return raw;
                }
            }
        }
        return null;
    }

    /** The finding's value in its column: the whole value, the text at its offsets, or a detector's finding. */
    private String fromRow(Map<String, String> columns, StoredFinding f, DetectionEngine engine) {
        String column = f.position().section();
        String v = column == null ? null : columns.get(column);
        if (v == null) {
            return null;
        }
        if (same(f, v)) {
            return v;
        }
        return fromText(v, f, engine);
    }

    private boolean same(StoredFinding f, String raw) {
        return KeyedHasher.sameHash(protector.valueHash(f.entityType(), raw), f.valueHash());
    }

    // ------------------------------------------------------------------------------------------------ formats

    /** The CSV columns, in order. */
    static final List<String> CSV_HEADER = List.of("request_id", "rank", "kind", "source", "path", "file",
            "embedded_path", "table", "row_key", "db_column", "section", "page", "line", "line_column", "entity_type",
            "category", "identifier", "location_confidence", "location_score", "masked_preview", "value",
            "value_status");

    /** One line per finding (RFC 4180; cells that a spreadsheet would read as a formula are prefixed with '). */
    byte[] csv(Export e) {
        StringBuilder sb = new StringBuilder();
        row(sb, CSV_HEADER);
        for (LocationExport l : e.locations()) {
            SubjectLocation loc = l.location();
            for (Item i : l.items()) {
                FindingPosition p = i.finding().position();
                row(sb, List.of(Long.toString(e.requestId()), Integer.toString(l.result().rank()), loc.kind().label(),
                        loc.source(), loc.path(), loc.kind() == LocationKind.FILE ? loc.root() : "",
                        nullToEmpty(loc.embeddedPath()), nullToEmpty(loc.table()), nullToEmpty(loc.rowKey()),
                        loc.kind() == LocationKind.ROW ? nullToEmpty(p.section()) : "",
                        loc.kind() == LocationKind.FILE ? nullToEmpty(p.section()) : "", number(p.page()),
                        number(p.line()), number(p.column()), i.finding().entityType(),
                        i.finding().category().name(), nullToEmpty(i.identifierType()),
                        l.result().confidence().name(), Double.toString(l.result().score()),
                        i.finding().maskedPreview(), nullToEmpty(i.value()), i.valueStatus()));
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One JSON document: the request, then each location with its findings. */
    byte[] json(Export e) {
        JsonMapper json = JsonMapper.shared();
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("request_id", e.requestId());
        root.put("exported_at", e.exportedAt().toString());
        root.put("exported_by", e.exportedBy());
        root.put("with_values", e.withValues());
        ArrayNode locations = root.putArray("locations");
        for (LocationExport l : e.locations()) {
            SubjectLocation loc = l.location();
            ObjectNode o = locations.addObject();
            o.put("rank", l.result().rank());
            o.put("location", loc.display());
            o.put("kind", loc.kind().label());
            o.put("source", loc.source());
            o.put("path", loc.path());
            if (loc.kind() == LocationKind.FILE) {
                o.put("file", loc.root());
                if (loc.embeddedPath() != null) {
                    o.put("embedded_path", loc.embeddedPath());
                }
            } else {
                o.put("table", loc.table());
                o.put("row_key", loc.rowKey());
            }
            o.put("score", l.result().score());
            o.put("confidence", l.result().confidence().name());
            ArrayNode matched = o.putArray("matched");
            l.result().matched().forEach(matched::add);
            ArrayNode items = o.putArray("items");
            for (Item i : l.items()) {
                StoredFinding f = i.finding();
                ObjectNode it = items.addObject();
                it.put("entity_type", f.entityType());
                it.put("category", f.category().name());
                if (i.identifierType() != null) {
                    it.put("identifier", i.identifierType());
                }
                FindingPosition p = f.position();
                if (p.section() != null) {
                    it.put(loc.kind() == LocationKind.ROW ? "db_column" : "section", p.section());
                }
                if (p.page() > 0) {
                    it.put("page", p.page());
                }
                if (p.line() > 0) {
                    it.put("line", p.line());
                }
                if (p.column() > 0) {
                    it.put("line_column", p.column());
                }
                it.put("masked_preview", f.maskedPreview());
                if (i.value() != null) {
                    it.put("value", i.value());
                }
                it.put("value_status", i.valueStatus());
            }
        }
        return (json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            if (formulaLike(c)) {
                c = "'" + c;
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        sb.append("\r\n");
    }

    /**
     * True for a cell a spreadsheet would evaluate as a formula: starting with {@code =}, {@code @}, a tab or a
     * carriage return, or with {@code +} or {@code -} followed by anything but a number (so {@code +44 20 7946 0018}
     * and {@code -0.5} stay as they are).
     */
    static boolean formulaLike(String c) {
        if (c.isEmpty()) {
            return false;
        }
        char first = c.charAt(0);
        if (first == '=' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        return (first == '+' || first == '-') && !c.matches("[-+][0-9 ().-]*");
    }

    private static String number(int n) {
        return n > 0 ? Integer.toString(n) : "";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
