package org.piiscanner.scanner.scan.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.scanner.config.PathGlob;
import org.piiscanner.scanner.config.PiiProperties;

/**
 * The first phase of a database scan: discovers the tables, samples each, records the column verdicts and decides
 * how each table is read (key, columns read in full, incremental mode). Idempotent per run and source: a restarted
 * job finds the plans recorded and does nothing. Not thread-safe.
 */
final class TablePlanner {

    private final DbScanStore dbStore;
    private final PiiProperties.DbScan settings;
    private final UnaryOperator<String> environment;

    TablePlanner(DbScanStore dbStore, PiiProperties.DbScan settings, UnaryOperator<String> environment) {
        this.dbStore = dbStore;
        this.settings = settings;
        this.environment = environment;
    }

    /** Plans the tables of {@code request}; returns the plans (those already recorded for the run, if any). */
    List<TablePlan> plan(DbScanRequest request, long runId, long sourceId, DetectionEngine engine,
            DbScanProgress progress) throws SQLException {
        List<TablePlan> existing = dbStore.tables(runId, sourceId);
        if (!existing.isEmpty()) {
            return existing;
        }
        List<TablePlan> plans = new ArrayList<>();
        try (Connection c = request.source().connect(environment)) {
            Catalog catalog = new Catalog(c);
            boolean postgres = catalog.isPostgres();
            List<PathGlob> include = request.include().stream().map(PathGlob::of).toList();
            List<PathGlob> exclude = request.exclude().stream().map(PathGlob::of).toList();
            ColumnProfiler profiler = new ColumnProfiler(engine, request.sample(), request.seed());
            for (Catalog.Table t : catalog.tables(include, exclude)) {
                Map<String, ColumnProfile> profiles = profiler.profile(c, catalog, t);
                List<ColumnVerdict> verdicts = new ArrayList<>();
                List<Integer> ordinals = new ArrayList<>();
                List<String> scan = new ArrayList<>();
                long rows = 0;
                for (Catalog.Column col : t.columns()) {
                    ColumnProfile p = profiles.get(col.name());
                    if (p == null) {
                        continue; // binary and structured columns are not read
                    }
                    rows = p.totalRows();
                    ColumnVerdict v = VerdictRules.verdict(col, p, request.seed());
                    verdicts.add(v);
                    ordinals.add(col.ordinal());
                    if (request.full() || v.detectable()) {
                        scan.add(col.name());
                    }
                }
                Catalog.Column watermark = t.columns().stream()
                        .filter(col -> settings.watermarkColumns().stream()
                                .anyMatch(w -> w.equalsIgnoreCase(col.name())))
                        .filter(col -> col.temporal() || col.numeric())
                        .findFirst().orElse(null);
                TablePlan.Mode mode = watermark != null ? TablePlan.Mode.WATERMARK
                        : postgres ? TablePlan.Mode.XMIN : TablePlan.Mode.ROW_HASH;
                // a key that is itself personal data (an e-mail, an SSN) must not end up in location paths
                boolean personalKey = t.key().stream().anyMatch(k -> verdicts.stream()
                        .anyMatch(v -> v.column().equals(k.name()) && !v.types().isEmpty()));
                List<Catalog.Column> key = personalKey ? List.of() : t.key();
                TablePlan plan = new TablePlan(0, t.catalog(), t.schema(), t.name(), t.display(),
                        key.stream().map(Catalog.Column::name).toList(),
                        key.stream().map(k -> Catalog.KeyKind.of(k.jdbcType())).toList(), scan, mode,
                        watermark == null ? null : watermark.name(), rows);
                plan = dbStore.insertTable(runId, sourceId, plan);
                dbStore.insertVerdicts(runId, sourceId, plan, verdicts, ordinals);
                plans.add(plan);
                progress.profiled(t.display());
            }
            c.rollback();
        }
        progress.planned(plans.size(), plans.stream().filter(p -> !p.scanColumns().isEmpty())
                .mapToLong(TablePlan::rowCount).sum());
        return plans;
    }

    /** A short description of a plan's mode for the summary. */
    static String describeMode(TablePlan p) {
        return switch (p.mode()) {
            case WATERMARK -> "watermark " + p.watermarkColumn();
            case XMIN -> "xmin";
            case ROW_HASH -> "row hash";
        } + (p.keyColumns().isEmpty() ? ", no key: rows located by hash" : "");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
