package org.piiscanner.scanner.scan.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.piiscanner.scanner.subject.RowContent;
import org.piiscanner.scanner.subject.RowLocation;
import org.piiscanner.scanner.subject.RowReadException;
import org.piiscanner.scanner.subject.RowReader;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Re-reads database rows by key for subject requests ({@code subject export --with-values}, {@code subject
 * verify}), for every source a database scan recorded: it reconnects with the user and password source the scan
 * recorded (the password from its environment variable or file, as during the scan), read-only, and selects the
 * row by its key columns with bound parameters; table and column names are quoted identifiers, never data.
 *
 * <p>Rows of a table without a primary key (located by hash) cannot be re-read and throw {@link RowReadException}.
 * Thread-safe: a connection per call. Never logs a value.
 */
@Component
public class JdbcRowReader implements RowReader {

    private final DbScanStore dbStore;
    private final UnaryOperator<String> environment;

    JdbcRowReader(DbScanStore dbStore, Environment environment) {
        this.dbStore = dbStore;
        this.environment = DbScanJobConfiguration.environment(environment);
    }

    @Override
    public boolean reads(long sourceId, String source) {
        return dbStore.connection(sourceId, source).isPresent();
    }

    @Override
    public RowContent read(RowLocation row, Collection<String> columns) throws RowReadException {
        Optional<DbSource> source = dbStore.connection(row.sourceId(), row.source());
        if (source.isEmpty()) {
            throw new RowReadException("no connection details recorded for this database");
        }
        TablePlan plan = dbStore.latestTable(row.sourceId(), row.table())
                .orElseThrow(() -> new RowReadException("the table " + row.table() + " was never scanned"));
        if (plan.keyColumns().isEmpty()) {
            throw new RowReadException("the table " + row.table() + " has no primary key: its rows cannot be "
                    + "re-read by key");
        }
        List<String> key;
        try {
            key = RowKeys.parse(row.key(), plan.keyColumns(), plan.keyKinds());
        } catch (IllegalArgumentException e) {
            throw new RowReadException("cannot parse the row key of " + row.table() + ": " + e.getMessage());
        }
        try (Connection c = source.get().connect(environment)) {
            Catalog catalog = new Catalog(c);
            StringBuilder sql = new StringBuilder("SELECT * FROM ").append(catalog.qualified(plan.table()))
                    .append(" WHERE ");
            for (int i = 0; i < plan.keyColumns().size(); i++) {
                sql.append(i == 0 ? "" : " AND ").append(catalog.quote(plan.keyColumns().get(i))).append(" = ?");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < key.size(); i++) {
                    RowKeys.bind(ps, i + 1, plan.keyKinds().get(i), key.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        return new RowContent.Missing();
                    }
                    ResultSetMetaData md = rs.getMetaData();
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String name = md.getColumnLabel(i);
                        if (!columns.isEmpty() && !columns.contains(name)) {
                            continue;
                        }
                        String v = rs.getString(i);
                        if (v != null) {
                            values.put(name, v);
                        }
                    }
                    c.rollback();
                    return new RowContent.Present(values);
                }
            }
        } catch (SQLException e) {
            throw new RowReadException("cannot read " + row.table() + " from " + row.source() + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "database error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
