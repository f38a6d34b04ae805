package org.piiscanner.scanner.scan.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.piiscanner.scanner.store.JdbcUrls;

/**
 * A scanned database and how to connect to it: its JDBC URL, a user name and where the password comes from (an
 * environment variable's name, a secrets file). Never holds a password; {@link #toString()} shows the URL without
 * credentials. Immutable.
 *
 * @param url the JDBC URL as given (may carry driver properties; credentials in it are used, never stored)
 * @param user the user name, or null when the URL or driver implies one
 * @param passwordEnv the environment variable holding the password, or null
 * @param passwordFile a file holding the password (a mounted secret), or null
 */
record DbSource(String url, String user, String passwordEnv, Path passwordFile) {

    DbSource {
        Objects.requireNonNull(url, "url");
    }

    /** The URL without credentials: the findings store's locator of this source. */
    String locator() {
        return JdbcUrls.withoutCredentials(url);
    }

    /**
     * A new read-only connection (auto-commit off, so PostgreSQL opens a read-only transaction and streams
     * result sets). The caller closes it.
     *
     * @param environment resolves the password variable (the process environment, or a test's properties)
     * @throws SQLException if the database refuses or cannot be reached; the message never holds the password
     */
    Connection connect(UnaryOperator<String> environment) throws SQLException {
        Properties props = new Properties();
        if (user != null && !user.isBlank()) {
            props.setProperty("user", user);
        }
        String password = password(environment);
        if (password != null) {
            props.setProperty("password", password);
        }
        Connection c = DriverManager.getConnection(url, props);
        try {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private String password(UnaryOperator<String> environment) throws SQLException {
        if (passwordEnv != null && !passwordEnv.isBlank()) {
            String value = environment.apply(passwordEnv);
            if (value == null) {
                throw new SQLException("the environment variable " + passwordEnv + " (the database password) is "
                        + "not set");
            }
            return value;
        }
        if (passwordFile != null) {
            try {
                return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new SQLException("cannot read the password file " + passwordFile + ": "
                        + e.getClass().getSimpleName());
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "DbSource[" + locator() + ", user=" + user + ", passwordEnv=" + passwordEnv + ", passwordFile="
                + passwordFile + "]";
    }
}
