package org.piiscanner.scanner.store;

import org.piiscanner.scanner.testing.TestStores;

/** The findings store on PostgreSQL (embedded, or the server named by {@code PII_TEST_POSTGRES_URL}). */
class FindingStorePostgresIT extends FindingStoreContract {

    @Override
    TestStores.Handle open() {
        return TestStores.postgres();
    }
}
