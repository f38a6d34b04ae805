package org.piiscanner.scanner.scan.db;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to scan: a database, which tables, the sample and whether every readable column is read in full.
 *
 * @param sourceSpec the database and where its credentials come from
 * @param include globs over {@code schema.table}; empty for all tables
 * @param exclude globs over {@code schema.table}
 * @param sample rows sampled per table for the verdicts
 * @param seed the sample's seed
 * @param full read every readable column in full, not only those with a positive verdict
 * @param detectorConfig a detector configuration file, or null for the defaults
 */
public record DbScanRequest(DbSourceSpec sourceSpec, List<String> include, List<String> exclude, int sample,
        long seed, boolean full, Path detectorConfig) {

    public DbScanRequest {
        Objects.requireNonNull(sourceSpec, "sourceSpec");
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        if (sample < 1) {
            throw new IllegalArgumentException("--sample must be at least 1");
        }
    }

    DbSource source() {
        return sourceSpec.toSource();
    }

    /**
     * The database to scan, as the command line gives it.
     *
     * @param url the JDBC URL, without credentials
     * @param user the user name, or null
     * @param passwordEnv the environment variable holding the password, or null
     * @param passwordFile a file holding the password, or null
     */
    public record DbSourceSpec(String url, String user, String passwordEnv, Path passwordFile) {

        DbSource toSource() {
            return new DbSource(url, user, passwordEnv, passwordFile);
        }
    }
}
