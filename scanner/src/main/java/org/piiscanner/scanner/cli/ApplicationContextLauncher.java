package org.piiscanner.scanner.cli;

import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application's non-web Spring context for a command that runs jobs. The command derives
 * {@code properties} from its options and closes the returned context when done.
 */
@FunctionalInterface
public interface ApplicationContextLauncher {

    /** Starts the context with these properties, which take precedence over {@code application.yml}. */
    ConfigurableApplicationContext start(Map<String, Object> properties);
}
