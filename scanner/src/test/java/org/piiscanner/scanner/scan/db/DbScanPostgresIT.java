package org.piiscanner.scanner.scan.db;

import org.piiscanner.scanner.testing.TestPostgres;

/**
 * {@link DbScanContract} on PostgreSQL: an embedded server, or the one named by {@value TestPostgres#URL_VARIABLE}.
 * Rescans tell unchanged rows by {@code xmin}.
 */
class DbScanPostgresIT extends DbScanContract {

    @Override
    Target target() {
        TestPostgres.Database db = TestPostgres.newDatabase();
        return new Target(db.url(), db.user(), db.password(), "public.");
    }

    @Override
    String defaultMode() {
        return "xmin";
    }
}
