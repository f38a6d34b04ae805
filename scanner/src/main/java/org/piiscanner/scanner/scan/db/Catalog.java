package org.piiscanner.scanner.scan.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.piiscanner.scanner.config.PathGlob;

/**
 * Discovers the tables of a database through {@link DatabaseMetaData} and quotes their identifiers. Stateless apart
 * from the connection's metadata; one instance per connection, not thread-safe.
 */
final class Catalog {

    /** Schemas of the databases' own bookkeeping, never scanned. */
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast",
            "mysql", "performance_schema", "sys");

    private final Connection connection;
    private final DatabaseMetaData md;
    private final String quote;

    Catalog(Connection connection) throws SQLException {
        this.connection = connection;
        this.md = connection.getMetaData();
        String q = md.getIdentifierQuoteString();
        this.quote = q == null || q.isBlank() ? null : q.strip();
    }

    /** The database product, lower case ({@code postgresql}, {@code mariadb}, {@code mysql}, {@code h2}). */
    String product() throws SQLException {
        return md.getDatabaseProductName().toLowerCase(Locale.ROOT);
    }

    boolean isPostgres() throws SQLException {
        return product().contains("postgres");
    }

    /**
     * The tables of the connection's current catalog (database) whose {@code schema.table} matches an include
     * glob (all when none) and no exclude glob, sorted by display name.
     */
    List<Table> tables(List<PathGlob> include, List<PathGlob> exclude) throws SQLException {
        String catalog = connection.getCatalog();
        List<Table> out = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(catalog, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(new String[] {rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"),
                    rs.getString("TABLE_NAME"), rs.getString("REMARKS")});
            }
        }
        for (String[] n : names) {
            String schema = n[1];
            String container = schema != null ? schema : n[0];
            if (container != null && SYSTEM_SCHEMAS.contains(container.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String display = (container == null ? "" : container + ".") + n[2];
            if (!include.isEmpty() && include.stream().noneMatch(g -> g.matches(display))) {
                continue;
            }
            if (exclude.stream().anyMatch(g -> g.matches(display))) {
                continue;
            }
            out.add(describe(n[0], schema, n[2], display, n[3]));
        }
        out.sort(Comparator.comparing(Table::display));
        return out;
    }

    private Table describe(String catalog, String schema, String name, String display, String remarks)
            throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = md.getColumns(catalog, escape(schema), escape(name), "%")) {
            while (rs.next()) {
                columns.add(new Column(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
                        rs.getString("REMARKS"), rs.getInt("ORDINAL_POSITION")));
            }
        }
        columns.sort(Comparator.comparingInt(Column::ordinal));
        TreeMap<Integer, String> pk = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, name)) {
            while (rs.next()) {
                pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        List<Column> key = new ArrayList<>();
        for (String k : pk.values()) {
            columns.stream().filter(c -> c.name().equals(k)).findFirst().ifPresent(key::add);
        }
        if (key.size() != pk.size() || key.stream().anyMatch(c -> KeyKind.of(c.jdbcType()) == null)) {
            key = List.of(); // no usable key: located by row hash
        }
        return new Table(catalog, schema, name, display, remarks, List.copyOf(columns), List.copyOf(key));
    }

    /** Escapes the search-pattern characters of a metadata argument that is a name, not a pattern. */
    private String escape(String name) throws SQLException {
        if (name == null) {
            return null;
        }
        String esc = md.getSearchStringEscape();
        if (esc == null || esc.isEmpty()) {
            return name;
        }
        return name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }

    /**
     * {@code name} quoted for SQL: wrapped in the driver's quote string with the quote doubled inside.
     *
     * @throws SQLException if the database quotes nothing and the name is not a plain identifier
     */
    String quote(String name) throws SQLException {
        return quote(quote, name);
    }

    static String quote(String quote, String name) throws SQLException {
        if (quote == null) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new SQLException("the database does not quote identifiers and '" + name
                        + "' is not a plain one");
            }
            return name;
        }
        return quote + name.replace(quote, quote + quote) + quote;
    }

    /** The table's quoted, qualified name for a FROM clause. */
    String qualified(Table t) throws SQLException {
        if (t.schema() != null) {
            return quote(t.schema()) + "." + quote(t.name());
        }
        if (t.catalog() != null) {
            return quote(t.catalog()) + "." + quote(t.name());
        }
        return quote(t.name());
    }

    /** The type of a key column, as far as keyset pagination and row keys are concerned. */
    enum KeyKind {
        INTEGER, DECIMAL, TEXT;

        /** The kind of a {@link Types} code, or null if such a column cannot be a key here. */
        static KeyKind of(int jdbcType) {
            return switch (jdbcType) {
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
                case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
                case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGVARCHAR,
                        Types.LONGNVARCHAR -> TEXT;
                default -> null;
            };
        }
    }

    /**
     * A table.
     *
     * @param catalog its catalog (database), or null
     * @param schema its schema, or null (MariaDB/MySQL use catalogs)
     * @param name its name
     * @param display {@code schema.table} (or {@code database.table}): the location path's root
     * @param remarks its comment, or null
     * @param columns its columns in ordinal order
     * @param key its primary key columns, in key order; empty when it has none usable
     */
    record Table(String catalog, String schema, String name, String display, String remarks, List<Column> columns,
            List<Column> key) {
    }

    /**
     * A column.
     *
     * @param name its name
     * @param jdbcType its {@link Types} code
     * @param typeName the database's type name
     * @param remarks its comment, or null
     * @param ordinal its 1-based position
     */
    record Column(String name, int jdbcType, String typeName, String remarks, int ordinal) {

        /** True if its values can be read as text (not binary, arrays or structures). */
        boolean readable() {
            return switch (jdbcType) {
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB, Types.ARRAY, Types.STRUCT,
                        Types.REF, Types.JAVA_OBJECT, Types.DATALINK, Types.ROWID, Types.NULL -> false;
                default -> true;
            };
        }

        /** True for character types (where free text and most identifiers live). */
        boolean character() {
            return switch (jdbcType) {
                case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR,
                        Types.CLOB, Types.NCLOB -> true;
                default -> false;
            };
        }

        boolean numeric() {
            return switch (jdbcType) {
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.DECIMAL,
                        Types.REAL, Types.FLOAT, Types.DOUBLE -> true;
                default -> false;
            };
        }

        boolean temporal() {
            return switch (jdbcType) {
                case Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> true;
                default -> false;
            };
        }

        boolean bool() {
            return jdbcType == Types.BOOLEAN || jdbcType == Types.BIT;
        }
    }
}
