package org.piiscanner.scanner.scan.db;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;

/**
 * {@link DbScanContract} on MariaDB (or MySQL): the server named by {@value #URL_VARIABLE} (an admin URL, e.g.
 * {@code jdbc:mariadb://127.0.0.1:3306/?user=root&sslMode=disable}); each test creates its own database and drops it afterwards.
 * Skipped when the variable is unset, unless {@value #REQUIRE_VARIABLE} is {@code 1} (as {@code .ci/run} sets it):
 * then a missing server fails the build instead of silently skipping.
 */
class DbScanMariaDbIT extends DbScanContract {

    static final String URL_VARIABLE = "PII_TEST_MARIADB_URL";
    static final String REQUIRE_VARIABLE = "PII_TEST_REQUIRE_MARIADB";

    private String admin;
    private String database;

    @Override
    Target target() throws Exception {
        admin = System.getenv(URL_VARIABLE);
        boolean required = "1".equals(System.getenv(REQUIRE_VARIABLE));
        if (admin == null || admin.isBlank()) {
            if (required) {
                throw new AssertionError(URL_VARIABLE + " is not set but " + REQUIRE_VARIABLE + "=1: the MariaDB "
                        + "tests must run here");
            }
            assumeTrue(false, URL_VARIABLE + " is not set: no MariaDB server to test against");
        }
        database = "pii_test_" + ProcessHandle.current().pid() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        }
        Matcher user = Pattern.compile("[?&]user=([^&]*)").matcher(admin);
        Matcher password = Pattern.compile("[?&]password=([^&]*)").matcher(admin);
        String base = admin.replaceFirst("\\?.*$", "");
        String query = admin.length() > base.length() ? admin.substring(base.length()) : "";
        String url = org.piiscanner.scanner.store.JdbcUrls.withoutCredentials(
                base.substring(0, base.lastIndexOf('/') + 1) + database + query);
        return new Target(url, user.find() ? user.group(1) : "root", password.find() ? password.group(1) : "",
                database + ".");
    }

    @AfterEach
    void drop() throws Exception {
        if (database != null) {
            try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    @Override
    String defaultMode() {
        return "row hash";
    }
}
