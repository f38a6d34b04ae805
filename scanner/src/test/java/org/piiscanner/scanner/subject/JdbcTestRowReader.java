package org.piiscanner.scanner.subject;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link RowReader} for tests, and a sketch of the contract for the database scan's own: one source (a JDBC
 * URL), keys rendered {@code column=value}, a read-only connection, the key bound as a parameter, names checked
 * against a strict pattern (a real reader quotes identifiers with {@code DatabaseMetaData}).
 */
public final class JdbcTestRowReader implements RowReader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final Pattern KEY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.+)");

    private final String url;
    public volatile int reads;

    public JdbcTestRowReader(String url) {
        this.url = url;
    }

    @Override
    public boolean reads(long sourceId, String source) {
        return url.equals(source);
    }

    @Override
    public RowContent read(RowLocation row, Collection<String> columns) throws RowReadException {
        Matcher key = KEY.matcher(row.key());
        if (!NAME.matcher(row.table()).matches() || !key.matches()) {
            throw new RowReadException("cannot parse the row " + row.table() + " / key");
        }
        reads++;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + row.table() + " WHERE " + key.group(1)
                    + " = ?")) {
                ps.setString(1, key.group(2));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new RowContent.Missing();
                    }
                    ResultSetMetaData md = rs.getMetaData();
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String v = rs.getString(i);
                        if (v != null) {
                            values.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), v);
                        }
                    }
                    return new RowContent.Present(values);
                }
            }
        } catch (SQLException e) {
            throw new RowReadException("database unreachable (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
