package org.piiscanner.scanner.cli;

import java.util.function.Function;
import org.piiscanner.scanner.store.FindingStore;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs a read-only command against the findings store of a data directory. */
final class StoreCommands {

    private StoreCommands() {
    }

    /**
     * Runs {@code work} with the findings store of a context started for {@code options}; prints a failure in one
     * line. Returns the work's exit code, 1 if there is no store or it could not be read.
     */
    static int withStore(ApplicationContextLauncher spring, DataDirOptions options, StandardStreams streams,
            Function<FindingStore, Integer> work) {
        return withContext(spring, options, streams, context -> work.apply(context.getBean(FindingStore.class)));
    }

    /**
     * Runs {@code work} in a context started for {@code options}, for commands that read more than the findings
     * store (the database scan's verdicts); prints a failure in one line. Returns the work's exit code, 1 if there
     * is no store or it could not be read.
     */
    static int withContext(ApplicationContextLauncher spring, DataDirOptions options, StandardStreams streams,
            Function<ConfigurableApplicationContext, Integer> work) {
        String missing = options.missingStore();
        if (missing != null) {
            streams.err().println("pii-scanner: " + Printable.of(missing));
            return 1;
        }
        try (ConfigurableApplicationContext context = ContextStarter.start(spring, options.properties(), streams)) {
            if (context == null) {
                return 1;
            }
            try {
                return work.apply(context);
            } catch (RuntimeException e) {
                streams.out().flush();
                streams.err().println("pii-scanner: " + Printable.of(ContextStarter.describe(e)));
                return 1;
            }
        }
    }
}
