package org.piiscanner.scanner.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import javax.sql.DataSource;
import org.piiscanner.scanner.index.IndexSync;
import org.piiscanner.scanner.index.LocationIndex;
import org.piiscanner.scanner.protect.HmacKeys;
import org.piiscanner.scanner.protect.KeyedHasher;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.protect.ValueNormalizer;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.JdbcUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the data directory's components: the data source (embedded H2 file or PostgreSQL), the HMAC key and
 * {@link Protector}, the {@link FindingStore} (after Flyway migrated the schema, Spring Batch's tables included)
 * and the {@link LocationIndex} with its {@link IndexSync}. Logs where each lives, never a key, password or
 * credential-bearing URL.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PiiProperties.class)
public class StorageConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StorageConfiguration.class);

    /**
     * The store's data source. Embedded: {@code jdbc:h2:file:<data-dir>/store} with {@code WRITE_DELAY=0}, so a
     * committed transaction reaches the file at once and survives {@code kill -9} of the scanner.
     */
    @Bean
    HikariDataSource dataSource(PiiProperties properties, Environment environment) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("pii-store");
        config.setMaximumPoolSize(properties.db().maxPoolSize());
        if (properties.db().embedded()) {
            Path dir = DataDirectory.prepare(properties.dataDirectory());
            config.setJdbcUrl("jdbc:h2:file:" + properties.h2Database() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
            config.setUsername("sa");
            config.setPassword("");
            LOG.debug("findings store: embedded H2 database in {}", dir);
        } else {
            String url = properties.db().url().strip();
            config.setJdbcUrl(url);
            if (properties.db().user() != null && !properties.db().user().isBlank()) {
                config.setUsername(properties.db().user());
            }
            String password = password(properties.db(), environment);
            if (password != null) {
                config.setPassword(password);
            }
            if (url.startsWith("jdbc:postgresql:")) {
                // Plan each lookup with its keys: after five runs of a statement the driver switches to a
                // server-side prepared statement, whose generic plan for "path_key IN (...)" is a sequential scan
                // while the table's statistics are stale (a store filling fast, autovacuum off or behind), so a
                // large database scan read its whole location table once per chunk.
                config.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
            }
            LOG.debug("findings store: {}", JdbcUrls.withoutCredentials(url));
        }
        return new HikariDataSource(config);
    }

    /**
     * Compacts the embedded store at shutdown when it is mostly dead space (nothing for a PostgreSQL store). Created
     * even when the CLI starts its context lazily: nothing else asks for it.
     */
    @Bean
    @Lazy(false)
    EmbeddedStoreCompaction embeddedStoreCompaction(DataSource dataSource, PiiProperties properties) {
        return new EmbeddedStoreCompaction(dataSource, properties.db().embedded());
    }

    /** The installation's HMAC key (see {@link HmacKeys} for the order of sources). */
    @Bean
    KeyedHasher keyedHasher(PiiProperties properties, Environment environment) {
        DataDirectory.prepare(properties.dataDirectory());
        HmacKeys.Loaded loaded = HmacKeys.load(properties.hmacKey(),
                environment.getProperty(HmacKeys.ENVIRONMENT_VARIABLE), properties.keyFile());
        switch (loaded.source()) {
            case GENERATED -> LOG.info("HMAC key: generated a new key into {} (key id {}); keep this file private "
                    + "and back it up with the data directory", loaded.keyFile(), loaded.hasher().keyId());
            case KEY_FILE -> LOG.debug("HMAC key: {} (key id {})", loaded.keyFile(), loaded.hasher().keyId());
            default -> LOG.debug("HMAC key: from the {} (key id {})",
                    loaded.source() == HmacKeys.Source.PROPERTY ? "property pii.hmac-key"
                            : "environment variable " + HmacKeys.ENVIRONMENT_VARIABLE, loaded.hasher().keyId());
        }
        return loaded.hasher();
    }

    @Bean
    Protector protector(KeyedHasher keyedHasher) {
        return new Protector(new ValueNormalizer(), keyedHasher);
    }

    /** The store, after Flyway; refuses to start if it was built under another HMAC key. */
    @Bean
    @DependsOnDatabaseInitialization
    FindingStore findingStore(DataSource dataSource, PlatformTransactionManager transactionManager,
            KeyedHasher keyedHasher) {
        FindingStore store = new FindingStore(dataSource, transactionManager);
        store.bindKey(keyedHasher.keyId());
        return store;
    }

    @Bean(destroyMethod = "close")
    LocationIndex locationIndex(PiiProperties properties, KeyedHasher keyedHasher) {
        try {
            DataDirectory.prepare(properties.dataDirectory());
            LocationIndex index = LocationIndex.open(properties.indexDirectory(), keyedHasher.keyId());
            LOG.debug("index: {}", properties.indexDirectory());
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + properties.indexDirectory(), e);
        }
    }

    @Bean
    IndexSync indexSync(FindingStore findingStore, LocationIndex locationIndex, PiiProperties properties) {
        return new IndexSync(findingStore, locationIndex, properties.index().commitInterval());
    }

    /** The database password: from the environment variable named by the settings, else the password file. */
    private static String password(PiiProperties.Db db, Environment environment) {
        String fromEnv = db.passwordEnv() == null || db.passwordEnv().isBlank() ? null
                : environment.getProperty(db.passwordEnv());
        if (fromEnv != null) {
            return fromEnv;
        }
        if (db.passwordFile() != null) {
            try {
                return Files.readString(db.passwordFile(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the database password file " + db.passwordFile(), e);
            }
        }
        return null;
    }

    /** The data directory: created owner-only ({@code rwx------} on POSIX) when it does not exist. */
    static final class DataDirectory {

        private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

        private DataDirectory() {
        }

        static Path prepare(Path dir) {
            try {
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir.getParent());
                    if (Files.getFileAttributeView(dir.getParent(), PosixFileAttributeView.class) != null) {
                        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    } else {
                        Files.createDirectory(dir);
                    }
                }
                return dir;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory " + dir, e);
            }
        }
    }
}
