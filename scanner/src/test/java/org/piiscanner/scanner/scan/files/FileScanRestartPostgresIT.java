package org.piiscanner.scanner.scan.files;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.testing.TestPostgres;

/**
 * {@link FileScanRestartIT} on PostgreSQL (embedded, or the server {@value TestPostgres#URL_VARIABLE} names): the
 * findings store and the job repository in a PostgreSQL database, the scan killed with SIGKILL and resumed.
 */
class FileScanRestartPostgresIT {

    @TempDir
    Path dir;

    @Test
    void aScanKilledMidRunResumesToTheSameFindingsAsAnUninterruptedOneOnPostgresql() throws Exception {
        FileScanRestartIT.killResumeAndCompare(dir, store(TestPostgres.newDatabase()),
                store(TestPostgres.newDatabase()));
    }

    private static List<String> store(TestPostgres.Database db) {
        return List.of("pii.db.url=" + db.url(), "pii.db.user=" + db.user(), "PII_SCANNER_DB_PASSWORD="
                + db.password());
    }
}
