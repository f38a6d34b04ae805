package org.piiscanner.scanner;

import java.util.List;
import java.util.Map;
import org.piiscanner.scanner.cli.PiiScannerCli;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PII Scanner application: the command line first, Spring only for the commands that need it.
 *
 * <p>{@link #main} hands the arguments to picocli ({@link PiiScannerCli}). Commands that need no Spring context
 * ({@code detect}, {@code eval}) run straight away; commands that run jobs call {@link #start} with properties
 * derived from their options. See the package documentation.
 */
@SpringBootApplication
public class PiiScannerApplication {

    /** Runs the command line and exits with its exit code (0 done, 1 error, 2 bad usage). */
    public static void main(String[] args) {
        System.exit(PiiScannerCli.execute(args, PiiScannerApplication::start));
    }

    /**
     * Starts the non-web application context, without banner. {@code properties} are passed as command-line
     * properties ({@code --key=value}), so they override {@code application.yml} and are visible while the
     * environment is prepared (profiles, logging levels). The caller closes the context.
     */
    static ConfigurableApplicationContext start(Map<String, Object> properties) {
        List<String> args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toList();
        return new SpringApplicationBuilder(PiiScannerApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }
}
