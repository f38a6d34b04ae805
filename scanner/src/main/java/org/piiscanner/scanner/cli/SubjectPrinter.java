package org.piiscanner.scanner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.scanner.protect.FindingPosition;
import org.piiscanner.scanner.subject.IdentifierMatch;
import org.piiscanner.scanner.subject.LocationKind;
import org.piiscanner.scanner.subject.Occurrence;
import org.piiscanner.scanner.subject.SubjectLocation;
import org.piiscanner.scanner.subject.SubjectMatch;
import org.piiscanner.scanner.subject.SubjectService;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prints a subject search's results: a readable list grouped by source, JSON Lines (one object per location) or
 * CSV (one line per location). Never a raw value: locations, identifier types, positions and masked previews.
 */
final class SubjectPrinter {

    private final PrintWriter out;

    SubjectPrinter(PrintWriter out) {
        this.out = out;
    }

    /** Grouped by source, best evidence first within each source; sources by their best location. */
    void table(SubjectService.FindOutcome outcome) {
        if (outcome.matches().isEmpty()) {
            out.println("No location holds this person's data (as of the last scans).");
            return;
        }
        Map<String, List<SubjectMatch>> bySource = new LinkedHashMap<>();
        for (SubjectMatch m : outcome.matches()) {
            bySource.computeIfAbsent(m.location().source(), k -> new ArrayList<>()).add(m);
        }
        for (Map.Entry<String, List<SubjectMatch>> e : bySource.entrySet()) {
            List<SubjectMatch> ms = e.getValue();
            boolean rows = ms.getFirst().location().kind() == LocationKind.ROW;
            out.println(Printable.of(e.getKey()) + (rows ? "  (database)" : "  (files)") + ": " + ms.size() + " "
                    + (ms.size() == 1 ? "location" : "locations"));
            for (SubjectMatch m : ms) {
                SubjectLocation l = m.location();
                String where = rows ? "row " + Printable.of(l.table()) + " key " + Printable.of(
                        String.valueOf(l.rowKey())) + (m.columns().isEmpty() ? "" : " columns "
                        + Printable.of(String.join(", ", m.columns())))
                        : Printable.of(l.path());
                out.println(String.format(Locale.ROOT, "  %3d. %-6s %.3f  %s", m.rank(),
                        m.evidence().confidence(), m.evidence().score(), where));
                StringJoiner matched = new StringJoiner("; ");
                for (IdentifierMatch im : m.evidence().matches()) {
                    String at = positions(m.occurrences().stream().filter(o -> o.identifier() == im.identifier())
                            .toList(), rows);
                    matched.add(im.type() + " (" + im.how().description() + (at.isEmpty() ? "" : ", " + at) + ")");
                }
                out.println("        matched: " + matched);
                out.println("        categories: " + m.categories().stream()
                        .sorted(Comparator.comparingInt(DataCategory::ordinal)).map(DataCategory::label)
                        .collect(Collectors.joining(", ")));
            }
        }
    }

    /** Where the occurrences of one identifier are: "page 2 line 14, line 30" or "column email". */
    private static String positions(List<Occurrence> occurrences, boolean rows) {
        List<String> parts = new ArrayList<>();
        for (Occurrence o : occurrences) {
            String p = rows ? column(o.position()) : position(o.position());
            if (!p.isEmpty() && !parts.contains(p)) {
                parts.add(p);
            }
            if (parts.size() == 5) {
                parts.add("...");
                break;
            }
        }
        return String.join(", ", parts);
    }

    private static String column(FindingPosition p) {
        return p.section() == null ? "" : "column " + Printable.of(p.section());
    }

    /** "page 2 line 14", "sheet Payroll line 3", "line 5 column 9". */
    static String position(FindingPosition p) {
        StringJoiner j = new StringJoiner(" ");
        if (p.page() > 0) {
            j.add("page " + p.page());
        } else if (p.section() != null && !p.section().isEmpty()) {
            j.add(Printable.of(p.section()));
        }
        if (p.line() > 0) {
            j.add("line " + p.line());
            if (p.column() > 0 && p.page() == 0) {
                j.add("column " + p.column());
            }
        }
        return j.toString();
    }

    /** One JSON object per location per line. */
    void jsonLines(SubjectService.FindOutcome outcome) {
        JsonMapper json = JsonMapper.shared();
        for (SubjectMatch m : outcome.matches()) {
            SubjectLocation l = m.location();
            ObjectNode o = json.createObjectNode();
            o.put("location", l.display());
            o.put("kind", l.kind().label());
            o.put("score", m.evidence().score());
            ArrayNode matched = o.putArray("matched");
            m.evidence().matchedTypes().forEach(matched::add);
            o.put("confidence", m.evidence().confidence().name());
            o.put("rank", m.rank());
            o.put("request_id", outcome.requestId());
            o.put("source", l.source());
            o.put("path", l.path());
            if (l.kind() == LocationKind.FILE) {
                o.put("file", l.root());
                if (l.embeddedPath() != null) {
                    o.put("embedded_path", l.embeddedPath());
                }
            } else {
                o.put("table", l.table());
                o.put("row_key", l.rowKey());
                ArrayNode cols = o.putArray("columns");
                m.columns().forEach(cols::add);
            }
            ArrayNode evidence = o.putArray("evidence");
            for (IdentifierMatch im : m.evidence().matches()) {
                evidence.addObject().put("identifier", im.identifier()).put("type", im.type())
                        .put("match", im.how().name()).put("strength", im.strength());
            }
            ArrayNode where = o.putArray("where");
            for (Occurrence oc : m.occurrences()) {
                ObjectNode w = where.addObject().put("identifier", oc.identifier()).put("type", oc.type());
                FindingPosition p = oc.position();
                if (p.section() != null) {
                    w.put(l.kind() == LocationKind.ROW ? "db_column" : "section", p.section());
                }
                if (p.page() > 0) {
                    w.put("page", p.page());
                }
                if (p.line() > 0) {
                    w.put("line", p.line());
                }
                if (p.column() > 0) {
                    w.put("line_column", p.column());
                }
                w.put("preview", oc.maskedPreview());
            }
            ArrayNode categories = o.putArray("categories");
            m.categories().stream().sorted(Comparator.comparingInt(DataCategory::ordinal))
                    .forEach(c -> categories.add(c.name()));
            ArrayNode types = o.putArray("entity_types");
            m.entityTypes().stream().sorted().forEach(types::add);
            out.println(o.toString());
        }
    }

    /** The CSV columns of {@link #csv}. */
    static final List<String> CSV_HEADER = List.of("request_id", "rank", "kind", "location", "source", "path", "file",
            "embedded_path", "table", "row_key", "columns", "score", "confidence", "matched", "where", "categories");

    /** One line per location (RFC 4180). */
    void csv(SubjectService.FindOutcome outcome, Writer w) throws IOException {
        w.write(csvLine(CSV_HEADER));
        for (SubjectMatch m : outcome.matches()) {
            SubjectLocation l = m.location();
            boolean rows = l.kind() == LocationKind.ROW;
            List<String> where = new ArrayList<>();
            for (IdentifierMatch im : m.evidence().matches()) {
                String at = positions(m.occurrences().stream().filter(o -> o.identifier() == im.identifier())
                        .toList(), rows);
                where.add(im.type() + (at.isEmpty() ? "" : " " + at));
            }
            w.write(csvLine(List.of(Long.toString(outcome.requestId()), Integer.toString(m.rank()),
                    l.kind().label(), l.display(), l.source(), l.path(), rows ? "" : l.root(),
                    nullToEmpty(l.embeddedPath()), nullToEmpty(l.table()), nullToEmpty(l.rowKey()),
                    String.join(" ", m.columns()), Double.toString(m.evidence().score()),
                    m.evidence().confidence().name(), String.join(" ", m.evidence().matchedTypes()),
                    String.join("; ", where), m.categories().stream()
                            .sorted(Comparator.comparingInt(DataCategory::ordinal)).map(Enum::name)
                            .collect(Collectors.joining(" ")))));
        }
    }

    static String csvLine(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0) {
                c = "'" + c; // a spreadsheet would read it as a formula
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        return sb.append("\r\n").toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
