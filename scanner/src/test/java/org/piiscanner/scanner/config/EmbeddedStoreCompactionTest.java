package org.piiscanner.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreCompactionTest {

    @TempDir
    Path dir;

    /** An H2 file written as the store writes (every commit stored at once), with most of it rewritten. */
    HikariDataSource storeWithDeadSpace(String name) throws Exception {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        ds.setUsername("sa");
        ds.setPassword("");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(200))");
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO t KEY (id) VALUES (?, ?)")) {
                for (int round = 0; round < 4; round++) {
                    for (int i = 0; i < 20_000; i++) {
                        ps.setInt(1, i);
                        ps.setString(2, "round " + round + " value " + i + " ".repeat(100));
                        ps.addBatch();
                        if (i % 500 == 499) {
                            ps.executeBatch(); // each batch commits: the store writes a chunk
                        }
                    }
                }
            }
        }
        return ds;
    }

    @Test
    void aStoreMostlyDeadSpaceIsCompactedAtCloseAndKeepsItsData() throws Exception {
        Path file = dir.resolve("a.mv.db");
        try (HikariDataSource ds = storeWithDeadSpace("a")) {
            long before = Files.size(file);
            assertThat(new EmbeddedStoreCompaction(ds, true, 1 << 20, 50).compactIfWorthIt()).isTrue();
            assertThat(Files.size(file)).isLessThan(before / 2);
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("a"), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(v) FROM t")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(20_000);
            assertThat(rs.getString(2)).startsWith("round 3 value 0 ");
        }
    }

    @Test
    void aSmallOrLiveStoreIsLeftAlone() throws Exception {
        try (HikariDataSource ds = storeWithDeadSpace("b")) {
            long before = Files.size(dir.resolve("b.mv.db"));
            assertThat(new EmbeddedStoreCompaction(ds, true, before + 1, 50).compactIfWorthIt()).isFalse();
            assertThat(new EmbeddedStoreCompaction(ds, true, 1 << 20, 0).compactIfWorthIt()).isFalse();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(20_000); // still open
            }
        }
    }
}
