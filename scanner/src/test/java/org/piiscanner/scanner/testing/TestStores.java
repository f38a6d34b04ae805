package org.piiscanner.scanner.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.piiscanner.scanner.store.FindingStore;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Findings stores on migrated databases for tests, without a Spring context. */
public final class TestStores {

    private TestStores() {
    }

    /** A store with its pool and transaction manager; closing it closes the pool (and an H2 database). */
    public record Handle(FindingStore store, HikariDataSource dataSource, DataSourceTransactionManager transactions,
            String url) implements AutoCloseable {

        @Override
        public void close() {
            dataSource.close();
        }
    }

    /** An H2 file database {@code store} in {@code dir}, as the application configures it. */
    public static Handle h2(Path dir) {
        return h2(dir, Clock.systemUTC());
    }

    /** {@link #h2(Path)} with a store whose timestamps come from {@code clock}. */
    public static Handle h2(Path dir, Clock clock) {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("store") + ";WRITE_DELAY=0";
        return handle(url, "sa", "", "h2", clock);
    }

    /** A fresh PostgreSQL database ({@link TestPostgres}). */
    public static Handle postgres() {
        TestPostgres.Database db = TestPostgres.newDatabase();
        return handle(db.url(), db.user(), db.password(), "postgresql");
    }

    /** Migrates with the application's migrations for {@code vendor} and opens a store. */
    public static Handle handle(String url, String user, String password, String vendor) {
        return handle(url, user, password, vendor, Clock.systemUTC());
    }

    /** {@link #handle(String, String, String, String)} with a store whose timestamps come from {@code clock}. */
    public static Handle handle(String url, String user, String password, String vendor, Clock clock) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(6);
        HikariDataSource ds = new HikariDataSource(config);
        Flyway.configure().dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load().migrate();
        DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
        return new Handle(new FindingStore(ds, tm, clock), ds, tm, url);
    }
}
