package org.piiscanner.scanner.scan.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the test tables into a database through plain JDBC (portable DDL; identifiers quoted with the driver's quote
 * string): piicatcher's labelled sample table, a UK-flavoured synthetic customers table and a table whose names are
 * hostile (quotes, spaces, a reserved word, non-ASCII letters). Synthetic and published test values only.
 */
final class DbFixtures {

    /** The UK table's rows: NINOs are HMRC's never-issued QQ prefix (test values) and the spec's AB 12 34 56 C. */
    static final String[][] UK_ROWS = {
        {"1", "Alice Smith", "QQ 12 34 56 A", "08-99-99", "66374958", "SW1A 1AA", "07400 123456", "1985-03-12",
            "true", "Called on 07400 123456 about her order; she asked for mail to alice.smith@example.com only.", "3"},
        {"2", "Bob Jones", "QQ 12 34 56 B", "08-99-99", "66374958", "M1 1AE", "07400 123457", "1972-11-30",
            "false", "Refund agreed by the team leader, no further contact needed on this ticket at the moment.", "0"},
        {"3", "Carol Taylor", "QQ 12 34 56 C", "08-99-99", "66374958", "EC1A 1BB", "0121 234 5678", "1990-07-01",
            "true", "Moved house, new postcode EC1A 1BB confirmed during the call; asked for a paper statement.", "1"},
        {"4", "David Brown", "AB 12 34 56 C", "08-99-99", "66374958", "B33 8TH", "07400 123458", "1968-05-23",
            "false", null, "0"},
        {"5", "Eve O'Neill", "QQ 12 34 56 D", "08-99-99", "66374958", "CR2 6XH", "0121 234 5679", "2001-12-24",
            "true", "Prefers text messages; wrote from eve.oneill@example.org asking about the loyalty scheme.", "5"},
    };

    private DbFixtures() {
    }

    static String quote(Connection c, String name) throws SQLException {
        String q = c.getMetaData().getIdentifierQuoteString().strip();
        return q + name.replace(q, q + q) + q;
    }

    /** Creates and fills {@code uk_customers}. */
    static void ukCustomers(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE uk_customers (id INTEGER PRIMARY KEY, full_name VARCHAR(100), "
                    + "ni_number VARCHAR(13), sort_code VARCHAR(8), account_number VARCHAR(8), postcode VARCHAR(8), "
                    + "phone VARCHAR(20), date_of_birth DATE, marketing_opt_in BOOLEAN, notes VARCHAR(1000), "
                    + "email_count INTEGER)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO uk_customers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?)")) {
            for (String[] r : UK_ROWS) {
                ps.setInt(1, Integer.parseInt(r[0]));
                for (int i = 1; i <= 6; i++) {
                    ps.setString(i + 1, r[i]);
                }
                ps.setDate(8, java.sql.Date.valueOf(r[7]));
                ps.setBoolean(9, Boolean.parseBoolean(r[8]));
                ps.setString(10, r[9]);
                ps.setInt(11, Integer.parseInt(r[10]));
                ps.executeUpdate();
            }
        }
    }

    /** Creates and fills {@code sample_data} from piicatcher's CSV (all columns text; {@code id} is the key). */
    static void piicatcher(Connection c) throws SQLException, IOException {
        List<String> lines;
        try (InputStream in = DbFixtures.class.getResourceAsStream("/db/piicatcher/sample-data.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        String[] header = lines.getFirst().split(",");
        StringBuilder ddl = new StringBuilder("CREATE TABLE sample_data (");
        for (int i = 0; i < header.length; i++) {
            ddl.append(i == 0 ? "" : ", ").append(header[i]).append(" VARCHAR(100)")
                    .append(header[i].equals("id") ? " PRIMARY KEY" : "");
        }
        try (Statement s = c.createStatement()) {
            s.execute(ddl.append(")").toString());
        }
        String marks = "?" + ", ?".repeat(header.length - 1);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sample_data VALUES (" + marks + ")")) {
            for (String line : lines.subList(1, lines.size())) {
                String[] v = line.split(",", -1);
                for (int i = 0; i < header.length; i++) {
                    ps.setString(i + 1, v[i]);
                }
                ps.executeUpdate();
            }
        }
    }

    static final String HOSTILE_TABLE = "Order \"Details\" 2024";
    static final String HOSTILE_KEY = "select";
    static final String HOSTILE_EMAIL = "e-mail address";
    static final String HOSTILE_NOTE = "Kundennotiz ü";

    /** A table whose table and column names need quoting. */
    static void hostile(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + quote(c, HOSTILE_TABLE) + " (" + quote(c, HOSTILE_KEY) + " VARCHAR(20) "
                    + "PRIMARY KEY, " + quote(c, HOSTILE_EMAIL) + " VARCHAR(100), " + quote(c, HOSTILE_NOTE)
                    + " VARCHAR(200))");
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"A'1", "zoe.quinn@example.com", "nothing to see"});
        rows.add(new String[] {"B,2=3", "yusuf.ali@example.org", null});
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + quote(c, HOSTILE_TABLE) + " VALUES (?, ?, ?)")) {
            for (String[] r : rows) {
                for (int i = 0; i < 3; i++) {
                    ps.setString(i + 1, r[i]);
                }
                ps.executeUpdate();
            }
        }
    }
}
