package org.piiscanner.scanner.report;

import java.time.Clock;
import javax.sql.DataSource;
import org.piiscanner.scanner.store.FindingStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The report service: a findings store of its own over the application's data source, <em>not</em> bound to the
 * HMAC key (reports read no hash), so the report command, which starts the context lazily, never loads or
 * generates a key. Coverage contributors are every {@link CoverageContributor} bean, in order.
 */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    ReportService reportService(DataSource dataSource, PlatformTransactionManager transactionManager,
            ObjectProvider<CoverageContributor> contributors) {
        return new ReportService(new FindingStore(dataSource, transactionManager), contributors.orderedStream()
                .toList(), Clock.systemUTC());
    }
}
