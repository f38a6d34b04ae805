package org.piiscanner.scanner.scan.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.piiscanner.scanner.PiiScannerApplication;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.LocationQuery;
import org.piiscanner.scanner.store.LocationRecord;
import org.piiscanner.scanner.store.Page;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application on a data directory and runs file scans in it, as {@code scan files} does. */
final class FileScanTestbed {

    /** A fixed test key, so that two data directories hash alike and can be compared. */
    static final String HMAC_KEY = "c2NhbiB0ZXN0IGtleSBvZiB0aGlydHktdHdvIGJ5dGU=";

    private FileScanTestbed() {
    }

    /** The application context on {@code dataDir} (plus {@code more} properties, {@code key=value}). */
    static ConfigurableApplicationContext start(Path dataDir, String... more) {
        List<String> args = new ArrayList<>(List.of("--pii.data-dir=" + dataDir, "--pii.hmac-key=" + HMAC_KEY,
                "--spring.main.lazy-initialization=true"));
        for (String m : more) {
            args.add("--" + m);
        }
        return new SpringApplicationBuilder(PiiScannerApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args.toArray(String[]::new));
    }

    /** The parameters of a scan of {@code roots} with the defaults of {@code scan files}. */
    static FileScanParameters scanOf(int threads, Path... roots) {
        return new FileScanParameters(0, List.of(roots).stream().map(p -> p.toAbsolutePath().normalize()).toList(),
                List.of(), List.of(), false, 256L << 20, Duration.ofSeconds(60), threads, null,
                FileScanLauncher.configHash(null, "test"));
    }

    /** Every location of the store: path -> "OUTCOME findings" or "SKIPPED REASON". */
    static Map<String, String> outcomes(FindingStore store) {
        Map<String, String> out = new TreeMap<>();
        Long after = null;
        do {
            Page<LocationRecord> page = store.listLocations(LocationQuery.all(), after, 500);
            for (LocationRecord l : page.items()) {
                out.put(l.path(), l.outcome() + (l.skipReason() != null ? " " + l.skipReason()
                        : " " + l.findingsCount()));
            }
            after = page.nextCursor();
        } while (after != null);
        return out;
    }

    /** Copies the directory tree {@code from} into {@code to}. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
