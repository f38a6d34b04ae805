package org.piiscanner.scanner.scan.db;

import java.util.UUID;

/** {@link DbScanContract} on an in-memory H2 database. */
class DbScanH2IT extends DbScanContract {

    @Override
    Target target() {
        return new Target("jdbc:h2:mem:scan-" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa",
                "", "public.");
    }

    @Override
    String defaultMode() {
        return "row hash";
    }
}
