package org.piiscanner.scanner.subject;

import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.scanner.config.PiiProperties;
import org.piiscanner.scanner.extraction.ExtractionLimits;
import org.piiscanner.scanner.extraction.TikaTextExtractor;
import org.piiscanner.scanner.protect.KeyedHasher;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.store.FindingStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires subject requests: the {@link SubjectService} over the store, a read-only view of the index, the audit log
 * (anchored in {@code <data-dir>/audit-head}), the report signing keys ({@code <data-dir>/signing}, created on the
 * first verification), the Tika extractor for re-reading files and whatever {@link RowReader}s the database scan
 * registers.
 */
@Configuration(proxyBeanMethods = false)
public class SubjectConfiguration {

    @Bean(destroyMethod = "close")
    SubjectIndex subjectIndex(PiiProperties properties, KeyedHasher keyedHasher) {
        return new SubjectIndex(properties.indexDirectory(), keyedHasher.keyId());
    }

    @Bean
    @DependsOnDatabaseInitialization
    AuditLog auditLog(DataSource dataSource, PlatformTransactionManager transactionManager, KeyedHasher keyedHasher,
            PiiProperties properties) {
        return new AuditLog(dataSource, transactionManager, keyedHasher,
                properties.dataDirectory().resolve(AuditLog.ANCHOR_FILE), Clock.systemUTC());
    }

    @Bean
    @DependsOnDatabaseInitialization
    SubjectService subjectService(PiiProperties properties, Protector protector, FindingStore findingStore,
            DataSource dataSource, PlatformTransactionManager transactionManager, SubjectIndex subjectIndex,
            AuditLog auditLog, ObjectProvider<RowReader> rowReaders) {
        Supplier<DetectionEngine> engine = memoize(DetectionEngine::createDefault);
        LocationReader reader = new LocationReader(new TikaTextExtractor(ExtractionLimits.DEFAULTS),
                rowReaders.orderedStream().toList());
        return new SubjectService(protector, findingStore, subjectIndex, new SubjectRequests(dataSource), auditLog,
                reader, engine,
                memoize(() -> SigningKeys.loadOrCreate(properties.dataDirectory().resolve(SigningKeys.DIRECTORY))),
                properties.dataDirectory().resolve("reports"), transactionManager, Clock.systemUTC(),
                SubjectConfiguration::operatingSystemUser);
    }

    /** The user running the command, as the operating system names it. */
    static String operatingSystemUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    /** A supplier that computes once, on first use (thread-safe). */
    static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = supplier.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }
}
