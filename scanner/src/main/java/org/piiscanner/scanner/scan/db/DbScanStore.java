package org.piiscanner.scanner.scan.db;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.piiscanner.classifiers.DataCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The database scan's own tables in the findings store (Flyway {@code V4__database_scan.sql}): how to reconnect to
 * a source, the tables of a run with their scan plan, and the column verdicts. Thread-safe; holds no value read
 * from a scanned database.
 */
final class DbScanStore {

    private final JdbcClient jdbc;

    DbScanStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Records how to reconnect to a source (user name, password variable or file: never a password). */
    void saveConnection(long sourceId, DbSource source) {
        String file = source.passwordFile() == null ? null : source.passwordFile().toAbsolutePath().toString();
        int n = jdbc.sql("UPDATE db_source_connection SET user_name = ?, password_env = ?, password_file = ?, "
                        + "updated_at = ? WHERE source_id = ?")
                .params(source.user(), source.passwordEnv(), file, now(), sourceId).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO db_source_connection (source_id, user_name, password_env, password_file, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(sourceId, source.user(), source.passwordEnv(), file, now()).update();
        }
    }

    /** How to reconnect to a source, by the store's locator (URL without credentials). */
    Optional<DbSource> connection(long sourceId, String locator) {
        return jdbc.sql("SELECT user_name, password_env, password_file FROM db_source_connection WHERE source_id = ?")
                .param(sourceId)
                .query((rs, i) -> new DbSource(locator, rs.getString(1), rs.getString(2),
                        rs.getString(3) == null ? null : Path.of(rs.getString(3))))
                .optional();
    }

    /** Records a table's plan; returns it with its id. */
    TablePlan insertTable(long runId, long sourceId, TablePlan t) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO db_table_scan (run_id, source_id, catalog_name, schema_name, table_name, display_name, "
                        + "key_columns, key_kinds, scan_columns, scan_mode, watermark_column, row_count) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(runId, sourceId, t.catalog(), t.schema(), t.name(), t.display(), lines(t.keyColumns()),
                        lines(t.keyKinds().stream().map(Enum::name).toList()), String.join("\n", t.scanColumns()),
                        t.mode().name(), t.watermarkColumn(), t.rowCount())
                .update(key, "id");
        return t.withId(((Number) key.getKeys().get(key.getKeys().containsKey("id") ? "id" : "ID")).longValue());
    }

    /** The table plans of a run and source, by display name. */
    List<TablePlan> tables(long runId, long sourceId) {
        return jdbc.sql("SELECT * FROM db_table_scan WHERE run_id = ? AND source_id = ? ORDER BY display_name")
                .params(runId, sourceId).query((rs, i) -> plan(rs)).list();
    }

    /** One table plan by id. */
    Optional<TablePlan> table(long id) {
        return jdbc.sql("SELECT * FROM db_table_scan WHERE id = ?").param(id).query((rs, i) -> plan(rs)).optional();
    }

    /** The latest plan of a table of a source (for re-reading rows), by display name. */
    Optional<TablePlan> latestTable(long sourceId, String display) {
        return jdbc.sql("SELECT * FROM db_table_scan WHERE source_id = ? AND display_name = ? ORDER BY id DESC")
                .params(sourceId, display).query((rs, i) -> plan(rs)).list().stream().findFirst();
    }

    private static TablePlan plan(ResultSet rs) throws SQLException {
        List<String> keys = split(rs.getString("key_columns"));
        List<Catalog.KeyKind> kinds = split(rs.getString("key_kinds")).stream().map(Catalog.KeyKind::valueOf)
                .toList();
        return new TablePlan(rs.getLong("id"), rs.getString("catalog_name"), rs.getString("schema_name"),
                rs.getString("table_name"), rs.getString("display_name"), keys, kinds,
                split(rs.getString("scan_columns")), TablePlan.Mode.valueOf(rs.getString("scan_mode")),
                rs.getString("watermark_column"), rs.getLong("row_count"));
    }

    /** Records a table's verdicts. */
    void insertVerdicts(long runId, long sourceId, TablePlan table, List<ColumnVerdict> verdicts,
            List<Integer> ordinals) {
        for (int i = 0; i < verdicts.size(); i++) {
            ColumnVerdict v = verdicts.get(i);
            jdbc.sql("INSERT INTO db_column_verdict (run_id, source_id, table_scan_id, ordinal, column_name, sql_type, "
                            + "verdict, entity_types, category, confidence, evidence, scanned, sampled_rows, "
                            + "total_rows, seed, coverage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(runId, sourceId, table.id(), ordinals.get(i), v.column(), truncate(v.sqlType(), 256),
                            v.kind().name(), String.join(",", v.types()),
                            v.category() == null ? null : v.category().name(), v.confidence(),
                            truncate(v.evidence(), 8000), table.scanColumns().contains(v.column()), v.sampledRows(),
                            v.totalRows(), v.seed(), truncate(coverage(v, table), 500))
                    .update();
        }
    }

    /** The coverage text of a verdict: its sample, and whether the column was read in full. */
    static String coverage(ColumnVerdict v, TablePlan table) {
        return v.coverage() + (table.scanColumns().contains(v.column()) ? "; read in full" : "");
    }

    /** The verdicts of a run, by source, table and ordinal. */
    List<ColumnVerdictRow> verdicts(long runId) {
        return jdbc.sql("SELECT v.*, t.schema_name, t.catalog_name, t.table_name, t.display_name, s.locator "
                        + "FROM db_column_verdict v JOIN db_table_scan t ON t.id = v.table_scan_id "
                        + "JOIN scan_source s ON s.id = v.source_id WHERE v.run_id = ? "
                        + "ORDER BY s.locator, t.display_name, v.ordinal")
                .param(runId)
                .query((rs, i) -> new ColumnVerdictRow(rs.getLong("run_id"), rs.getString("locator"),
                        rs.getString("schema_name") != null ? rs.getString("schema_name") : rs.getString("catalog_name"),
                        rs.getString("table_name"), rs.getString("display_name"), rs.getString("column_name"),
                        rs.getString("sql_type"), rs.getString("verdict"),
                        split(rs.getString("entity_types").replace(',', '\n')),
                        rs.getString("category") == null ? null : DataCategory.valueOf(rs.getString("category")),
                        rs.getDouble("confidence"), rs.getString("evidence"), rs.getBoolean("scanned"),
                        rs.getLong("sampled_rows"), rs.getLong("total_rows"), rs.getLong("seed"),
                        rs.getString("coverage")))
                .list();
    }

    /** The verdicts of a source in a run. */
    List<ColumnVerdictRow> verdicts(long runId, long sourceId) {
        String locator = jdbc.sql("SELECT locator FROM scan_source WHERE id = ?").param(sourceId).query(String.class)
                .single();
        return verdicts(runId).stream().filter(v -> v.source().equals(locator)).toList();
    }

    /** The latest run with verdicts, if any. */
    Optional<Long> latestRun() {
        return jdbc.sql("SELECT MAX(run_id) FROM db_column_verdict").query(Long.class).optional();
    }

    private static String lines(List<String> values) {
        return values.isEmpty() ? null : String.join("\n", values);
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n", -1));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
