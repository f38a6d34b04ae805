package org.piiscanner.scanner.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application's own settings ({@code pii.*}): where its data lives, which database holds the findings store,
 * where the HMAC key comes from, and the index. Bound strictly: an unknown key under {@code pii.} is an error at
 * start-up. Commands set these from their options ({@code --data-dir} is {@code pii.data-dir}, {@code --db-url} is
 * {@code pii.db.url}).
 *
 * @param dataDir the data directory (default {@code ./pii-data}): H2 database, index, generated HMAC key
 * @param hmacKey the HMAC key, base64 (prefer the environment variable {@code PII_SCANNER_HMAC_KEY} or the key
 *     file; never put a key in a file that is committed); not shown by {@link #toString()}
 * @param hmacKeyFile the key file to read or generate (default {@code <data-dir>/hmac.key})
 * @param db the findings store's database
 * @param index the Lucene index
 * @param scan the file scan's tuning
 * @param dbScan the database scan
 */
@ConfigurationProperties(prefix = "pii", ignoreUnknownFields = false)
public record PiiProperties(
        @DefaultValue("./pii-data") Path dataDir,
        String hmacKey,
        Path hmacKeyFile,
        @DefaultValue Db db,
        @DefaultValue Index index,
        @DefaultValue Scan scan,
        @DefaultValue DbScan dbScan) {

    /**
     * The findings store's database. Without a URL: an embedded H2 file database in the data directory.
     *
     * @param url a JDBC URL (e.g. {@code jdbc:postgresql://db.example:5432/pii}); empty for embedded H2. Put no
     *     credentials in it: they would show in process listings
     * @param user the database user, if the URL does not imply one
     * @param passwordEnv the environment variable holding the password (default {@code PII_SCANNER_DB_PASSWORD})
     * @param passwordFile a file holding the password (a mounted secret), used when the variable is unset
     * @param maxPoolSize connections in the pool (default 8)
     */
    public record Db(
            String url,
            String user,
            @DefaultValue("PII_SCANNER_DB_PASSWORD") String passwordEnv,
            Path passwordFile,
            @DefaultValue("8") int maxPoolSize) {

        /** True when the store is the embedded H2 database. */
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /**
     * The Lucene index.
     *
     * @param dir the index directory (default {@code <data-dir>/index})
     * @param wordTokens whether every word of a scanned text is indexed as a keyed hash (default true), so a
     *     person can be found where no detector fired
     * @param commitInterval the least time between index commits during a scan (default 10 s); a crash costs
     *     the locations indexed since the last commit a repair from the store
     */
    public record Index(Path dir, @DefaultValue("true") boolean wordTokens,
            @DefaultValue("10s") Duration commitInterval) {
    }

    /**
     * Tuning of the file scan job.
     *
     * @param chunkSize files per chunk, i.e. per store transaction and restart point (default 20)
     */
    public record Scan(@DefaultValue("20") int chunkSize) {
        public Scan {
            if (chunkSize < 1) {
                throw new IllegalArgumentException("pii.scan.chunk-size must be at least 1, got " + chunkSize);
            }
        }
    }

    /**
     * The database scan ({@code scan db}).
     *
     * @param watermarkColumns column names (any case) that tell when a row last changed: a table with one (a
     *     date/time or number column) is rescanned by it (default {@code updated_at, last_modified, modified_at})
     * @param pageSize rows per keyset page and per chunk (default 500)
     * @param partitionRows a table with more rows and an integer key is read in key ranges of about this many
     *     rows, in parallel (default 100,000)
     * @param threads tables and key ranges read at once (default 2)
     * @param sample rows sampled per table for the column verdicts when {@code --sample} is not given (1,000)
     * @param seed the sample's seed (default 42): the same data and seed always give the same verdicts
     */
    public record DbScan(
            @DefaultValue({"updated_at", "last_modified", "modified_at"}) List<String> watermarkColumns,
            @DefaultValue("500") int pageSize,
            @DefaultValue("100000") long partitionRows,
            @DefaultValue("2") int threads,
            @DefaultValue("1000") int sample,
            @DefaultValue("42") long seed) {
    }

    /** The data directory, absolute. */
    public Path dataDirectory() {
        return dataDir.toAbsolutePath().normalize();
    }

    /** The key file: configured, or {@code hmac.key} in the data directory. */
    public Path keyFile() {
        return hmacKeyFile != null ? hmacKeyFile.toAbsolutePath().normalize()
                : dataDirectory().resolve("hmac.key");
    }

    /** The index directory: configured, or {@code index} in the data directory. */
    public Path indexDirectory() {
        return index.dir() != null ? index.dir().toAbsolutePath().normalize() : dataDirectory().resolve("index");
    }

    /** The H2 database file base name ({@code store}, giving {@code store.mv.db}) in the data directory. */
    public Path h2Database() {
        return dataDirectory().resolve("store");
    }

    @Override
    public String toString() {
        return "PiiProperties[dataDir=" + dataDir + ", hmacKey=" + (hmacKey == null ? "unset" : "(set, hidden)")
                + ", hmacKeyFile=" + hmacKeyFile + ", db=" + db + ", index=" + index + ", scan=" + scan
                + ", dbScan=" + dbScan + "]";
    }
}
