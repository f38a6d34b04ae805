package org.piiscanner.scanner.config;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Compacts the embedded H2 store when the application closes, if its file is large and mostly dead space.
 *
 * <p>The store writes every commit to the file at once ({@code WRITE_DELAY=0}, so a committed chunk survives
 * {@code kill -9}), which leaves H2 no background writer to compact it: a database scan of 100,000 rows left a
 * 1.1 GB file of which 24% of the chunks were live. {@code SHUTDOWN COMPACT} rewrites it (to 160 MB, in about 5 s
 * on the 2-core test machine). It runs only when the file is at least {@link #MIN_FILE_BYTES} and under
 * {@link #MAX_LIVE_PERCENT}% of its chunks are live, so commands that wrote little close at once.
 */
final class EmbeddedStoreCompaction implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStoreCompaction.class);

    /** The smallest file worth compacting. */
    static final long MIN_FILE_BYTES = 64L << 20;

    /** Compact when fewer of the file's chunks than this (percent) are live. */
    static final int MAX_LIVE_PERCENT = 50;

    /** H2's "database is already closed" error code. */
    private static final int DATABASE_CLOSED_AT_SHUTDOWN = 90121;

    private final DataSource dataSource;
    private final boolean embedded;
    private final long minFileBytes;
    private final int maxLivePercent;

    /** Compaction of {@code dataSource} at shutdown if it is the embedded store ({@code embedded}), else nothing. */
    EmbeddedStoreCompaction(DataSource dataSource, boolean embedded) {
        this(dataSource, embedded, MIN_FILE_BYTES, MAX_LIVE_PERCENT);
    }

    EmbeddedStoreCompaction(DataSource dataSource, boolean embedded, long minFileBytes, int maxLivePercent) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.minFileBytes = minFileBytes;
        this.maxLivePercent = maxLivePercent;
    }

    @Override
    public void destroy() {
        if (embedded) {
            compactIfWorthIt();
        }
    }

    /** Compacts (and closes) the store if it is worth it; returns whether it did. */
    boolean compactIfWorthIt() {
        boolean shutdown = false;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long size = -1;
            int live = 100;
            try (ResultSet rs = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                    + "WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.CHUNKS_FILL_RATE')")) {
                while (rs.next()) {
                    if (rs.getString(1).equals("info.FILE_SIZE")) {
                        size = Long.parseLong(rs.getString(2).strip());
                    } else {
                        live = Integer.parseInt(rs.getString(2).strip());
                    }
                }
            }
            if (size < minFileBytes || live >= maxLivePercent) {
                return false;
            }
            LOG.info("compacting the store: {} MB, {}% of it live", size >> 20, live);
            shutdown = true;
            s.execute("SHUTDOWN COMPACT");
            return true;
        } catch (SQLException e) {
            if (shutdown && e.getErrorCode() == DATABASE_CLOSED_AT_SHUTDOWN) {
                return true; // the shutdown closed the connection under the pool, which says so on release
            }
            LOG.warn("store not compacted: {}", e.getMessage());
            return false;
        } catch (NumberFormatException e) {
            LOG.warn("store not compacted: {}", e.getMessage());
            return false;
        }
    }
}
