package org.piiscanner.scanner.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.scanner.protect.ProtectedFinding;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.testing.Fixtures;
import org.piiscanner.scanner.testing.TestStores;

/**
 * A writer process for {@link StoreCrashIT}: records chunks {@code from..to-1} of {@value #CHUNK} locations each
 * into the H2 store in {@code dir}, one transaction per chunk, and prints {@code committed <chunk>} after each
 * commit. The parent kills it with SIGKILL in the middle.
 *
 * <p>Arguments: {@code dir runId sourceId fromChunk toChunk}.
 */
public final class StoreCrashWorker {

    static final int CHUNK = 5;

    private StoreCrashWorker() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long run = Long.parseLong(args[1]);
        long source = Long.parseLong(args[2]);
        int from = Integer.parseInt(args[3]);
        int to = Integer.parseInt(args[4]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        Protector protector = Fixtures.protector();
        try (TestStores.Handle handle = TestStores.h2(dir)) {
            for (int chunk = from; chunk < to; chunk++) {
                handle.store().recordScanned(run, source, chunk(protector, chunk));
                out.println("committed " + chunk);
            }
        }
        out.println("done");
    }

    /** The locations of chunk {@code c}: location i has 1 + i % 4 findings. */
    static List<ScannedLocation> chunk(Protector protector, int c) {
        List<ScannedLocation> locations = new ArrayList<>();
        for (int i = c * CHUNK; i < (c + 1) * CHUNK; i++) {
            locations.add(location(protector, i));
        }
        return locations;
    }

    static ScannedLocation location(Protector protector, int i) {
        List<ProtectedFinding> findings = new ArrayList<>();
        for (int k = 0; k <= i % 4; k++) {
            findings.add(Fixtures.protectedFinding(protector, EntityType.EMAIL_ADDRESS,
                    "person" + i + "." + k + "@example.com", k * 40, k + 1));
        }
        return new ScannedLocation(LocationPath.of("dir" + i % 7, "file" + i + ".txt"),
                Fingerprint.of(1000 + i, 1_700_000_000_000L + i), "cfg", findings);
    }

    static int expectedFindings(int location) {
        return 1 + location % 4;
    }
}
