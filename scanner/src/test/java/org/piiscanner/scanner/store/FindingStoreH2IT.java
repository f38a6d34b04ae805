package org.piiscanner.scanner.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.piiscanner.scanner.testing.TestStores;

/** The findings store on an embedded H2 file database, as the default installation uses it. */
class FindingStoreH2IT extends FindingStoreContract {

    @TempDir
    Path dir;

    @Override
    TestStores.Handle open() {
        return TestStores.h2(dir);
    }
}
