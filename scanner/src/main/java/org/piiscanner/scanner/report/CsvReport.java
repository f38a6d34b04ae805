package org.piiscanner.scanner.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.piiscanner.classifiers.DataCategory;

/**
 * Writes a report as CSV files for spreadsheets and GRC tools: {@value #SOURCES}, {@value #LOCATIONS},
 * {@value #INVENTORY}, {@value #RETENTION}, {@value #CHANGES} and {@value #COVERAGE}. The columns are a stable
 * contract (listed in the package documentation and the README; columns are only ever added at the end).
 *
 * <p>RFC 4180: UTF-8 without byte-order mark, comma-separated, CRLF line ends, a header row, fields quoted when
 * they hold a comma, quote or line break. Lists inside a cell are joined with {@code "; "}. A text cell that
 * starts with {@code = + - @}, a tab or a carriage return is prefixed with {@code '} so that a spreadsheet shows
 * it instead of evaluating it as a formula (file names are chosen by whoever saved the file). Stateless.
 */
final class CsvReport {

    static final String SOURCES = "sources.csv";
    static final String LOCATIONS = "locations.csv";
    static final String INVENTORY = "inventory.csv";
    static final String RETENTION = "retention.csv";
    static final String CHANGES = "changes.csv";
    static final String COVERAGE = "coverage.csv";
    static final List<String> FILES = List.of(SOURCES, LOCATIONS, INVENTORY, RETENTION, CHANGES, COVERAGE);

    static final List<String> SOURCES_COLUMNS = List.of("run_id", "source_id", "source_kind", "source",
            "locations", "scanned", "unchanged", "skipped", "locations_with_personal_data", "findings",
            "special_category_locations", "criminal_offence_locations", "retention_breaches", "previous_run_id",
            "new_locations", "deleted_locations", "personal_data_new", "personal_data_removed",
            "personal_data_changed");
    static final List<String> LOCATIONS_COLUMNS = List.of("run_id", "source_id", "source", "group", "location",
            "outcome", "entity_type", "entity_label", "category", "categories", "special_categories",
            "special_category", "criminal_offence", "findings", "high", "medium", "low", "test_values", "max_score",
            "masked_previews", "sections", "rows_with_findings", "last_modified", "first_seen",
            "retention_rules_breached");
    static final List<String> INVENTORY_COLUMNS = List.of("run_id", "source_id", "source", "category",
            "category_label", "locations", "findings", "entity_types", "special_categories");
    static final List<String> RETENTION_COLUMNS = List.of("run_id", "source_id", "source", "location", "rule",
            "max_age", "measured_from", "since", "age_days", "deadline", "overdue_days", "entity_types",
            "categories");
    static final List<String> CHANGES_COLUMNS = List.of("run_id", "previous_run_id", "source_id", "source",
            "location", "change", "categories_added", "categories_removed", "entity_types_added",
            "entity_types_removed", "findings_before", "findings_after");
    static final List<String> COVERAGE_COLUMNS = List.of("run_id", "source_id", "source", "kind", "location",
            "reason", "reason_label", "detail", "findings_kept");

    private CsvReport() {
    }

    /** Writes the six files into {@code dir}; returns their paths. */
    static List<Path> write(Report report, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        long run = report.run().id();
        out.add(file(dir, SOURCES, SOURCES_COLUMNS, rows -> {
            for (SourceReport s : report.sources()) {
                Changes c = s.changes();
                rows.add(List.of(run, s.source().id(), s.kind().name(), s.source().locator(), s.coverage().locations(),
                        s.coverage().scanned(), s.coverage().unchanged(), s.coverage().skipped(),
                        (long) s.withPersonalData().size(), s.findings(),
                        s.locations().stream().filter(LocationSummary::special).count(),
                        s.locations().stream().filter(LocationSummary::criminal).count(), (long) s.breaches().size(),
                        c.previousRunId() == null ? "" : c.previousRunId(), c.newLocations(), c.deletedLocations(),
                        changes(c, LocationChange.Kind.NEW), changes(c, LocationChange.Kind.REMOVED),
                        changes(c, LocationChange.Kind.CHANGED)));
            }
        }));
        out.add(file(dir, LOCATIONS, LOCATIONS_COLUMNS, rows -> {
            for (SourceReport s : report.sources()) {
                for (LocationSummary l : s.withPersonalData()) {
                    for (TypeTally t : l.types()) {
                        List<String> rules = l.breaches().stream().filter(b -> b.entityTypes().contains(t.entityType()))
                                .map(b -> b.rule().name()).toList();
                        rows.add(List.of(run, s.source().id(), s.source().locator(), l.group(), l.path(), l.outcome(),
                                t.entityType(), Labels.entityType(t.entityType()), t.category().name(),
                                names(t.categories()), names(t.specialCategories()), t.categories().contains(
                                        DataCategory.SPECIAL_CATEGORY) || !t.specialCategories().isEmpty(),
                                t.categories().contains(DataCategory.CRIMINAL_OFFENCE), t.findings(), t.high(),
                                t.medium(), t.low(), t.testValues(), score(t.maxScore()), join(t.previews()),
                                join(t.sections()), s.kind() == org.piiscanner.scanner.store.ScanKind.DB
                                        ? (Object) l.membersWithFindings() : "",
                                Labels.iso(l.modified()), Labels.iso(l.firstSeen()), join(rules)));
                    }
                }
            }
        }));
        out.add(file(dir, INVENTORY, INVENTORY_COLUMNS, rows -> {
            for (SourceReport s : report.sources()) {
                for (InventoryEntry e : s.inventory()) {
                    rows.add(List.of(run, s.source().id(), s.source().locator(), e.category().name(),
                            e.category().label(), e.locations(), e.findings(), counts(e.entityTypes()),
                            names(e.specialCategories())));
                }
            }
        }));
        out.add(file(dir, RETENTION, RETENTION_COLUMNS, rows -> {
            for (SourceReport s : report.sources()) {
                for (LocationSummary l : s.locations()) {
                    for (RetentionBreach b : l.breaches()) {
                        rows.add(List.of(run, s.source().id(), s.source().locator(), l.path(), b.rule().name(),
                                b.rule().maxAge().text(), b.basis(), Labels.iso(b.since()), b.ageDays(),
                                Labels.iso(b.deadline()), b.overdueDays(), join(b.entityTypes()),
                                names(b.categories())));
                    }
                }
            }
        }));
        out.add(file(dir, CHANGES, CHANGES_COLUMNS, rows -> {
            for (SourceReport s : report.sources()) {
                Changes c = s.changes();
                for (LocationChange ch : c.locations()) {
                    rows.add(List.of(run, c.previousRunId(), s.source().id(), s.source().locator(), ch.path(),
                            ch.kind().name(), names(ch.categoriesAdded()), names(ch.categoriesRemoved()),
                            join(ch.typesAdded()), join(ch.typesRemoved()), ch.findingsBefore(), ch.findingsAfter()));
                }
            }
        }));
        out.add(file(dir, COVERAGE, COVERAGE_COLUMNS, rows -> {
            for (SourceReport s : report.sources()) {
                for (Coverage.SkippedLocation k : s.coverage().skippedLocations()) {
                    rows.add(List.of(run, s.source().id(), s.source().locator(), "SKIPPED", k.path(), k.reason(),
                            Labels.skipReason(k.reason()), k.detail() == null ? "" : k.detail(), k.findingsKept()));
                }
                for (CoverageNote n : s.coverage().notes()) {
                    rows.add(List.of(run, s.source().id(), s.source().locator(), "NOTE", n.location(), n.kind(),
                            Labels.words(n.kind()).toLowerCase(Locale.ROOT), n.detail(), ""));
                }
            }
        }));
        return out;
    }

    /** Fills a file: calls {@code rows.add} once per row, in order. */
    private interface Rows {
        void fill(RowSink rows);
    }

    /** Where rows go. */
    private interface RowSink {
        void add(List<?> row);
    }

    /** Writes {@code name} row by row as {@code content} produces them (nothing is held in memory). */
    private static Path file(Path dir, String name, List<String> columns, Rows content) throws IOException {
        Path file = dir.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(line(columns, false));
            content.fill(row -> {
                if (row.size() != columns.size()) {
                    throw new IllegalStateException(name + ": row of " + row.size() + " cells, " + columns.size()
                            + " columns");
                }
                try {
                    w.write(line(row, true));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return file;
    }

    /** One CSV record with its CRLF. Text cells are neutralised against formula evaluation. */
    static String line(List<?> cells, boolean neutralise) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object cell = cells.get(i);
            if (cell == null) {
                continue;
            }
            String s = cell.toString();
            if (neutralise && cell instanceof String && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            sb.append(s);
        }
        return sb.append("\r\n").toString();
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().sorted(java.util.Comparator.comparingInt(Enum::ordinal)).map(Enum::name)
                .collect(Collectors.joining("; "));
    }

    private static String join(Collection<String> values) {
        return String.join("; ", values);
    }

    private static String counts(Map<String, Long> types) {
        return types.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /** The number of changes of a kind, or "" when there was nothing to compare with. */
    private static Object changes(Changes c, LocationChange.Kind kind) {
        return c.available() ? (Object) c.count(kind) : "";
    }

    /** A score with two decimals ("0.85"). */
    static String score(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }
}
