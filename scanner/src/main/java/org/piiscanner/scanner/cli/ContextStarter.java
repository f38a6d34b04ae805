package org.piiscanner.scanner.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring context of a command that uses the findings store (scans, runs, locations, subject and audit
 * commands), turning a failed start (database unreachable, data
 * directory in use, store or index built with another HMAC key) into one line on standard error.
 */
final class ContextStarter {

    private ContextStarter() {
    }

    /** The started context, or null after printing why it could not start. */
    static ConfigurableApplicationContext start(ApplicationContextLauncher spring, Map<String, Object> properties,
            StandardStreams streams) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("logging.level.org.springframework.boot.SpringApplication", "off");
        all.put("logging.level.org.springframework.boot.diagnostics", "off");
        try {
            return spring.start(all);
        } catch (RuntimeException e) {
            streams.err().println("pii-scanner: cannot open the findings store: " + describe(e));
            return null;
        }
    }

    /** The most telling cause of a failure, in one line. */
    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (message.contains("Database may be already in use")) {
            return "the data directory is in use by another pii-scanner process (the embedded store is one process "
                    + "at a time)";
        }
        int nl = message.indexOf('\n');
        return (nl >= 0 ? message.substring(0, nl) : message).strip();
    }
}
