package org.piiscanner.scanner.scan.files;

import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A separate JVM for {@link FileScanRestartIT}: runs (or resumes) the file scan of a root into a data directory
 * with one-file chunks, printing {@code done N} as files are recorded and {@code completed RUN restarted} at the
 * end. The test kills it with SIGKILL in the middle.
 */
public final class FileScanCrashWorker {

    private FileScanCrashWorker() {
    }

    /** Arguments: data directory, root, threads, then application properties ({@code key=value}). */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path root = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        java.util.List<String> properties = new java.util.ArrayList<>(java.util.List.of("pii.scan.chunk-size=1",
                "pii.index.commit-interval=0s"));
        properties.addAll(java.util.Arrays.asList(args).subList(3, args.length));
        try (ConfigurableApplicationContext context = FileScanTestbed.start(data, properties.toArray(String[]::new))) {
            FileScanLauncher launcher = context.getBean(FileScanLauncher.class);
            FileScanLauncher.Outcome[] outcome = new FileScanLauncher.Outcome[1];
            Thread scan = new Thread(() -> outcome[0] = launcher.run(FileScanTestbed.scanOf(threads, root)));
            scan.start();
            long shown = -1;
            while (scan.isAlive()) {
                long done = launcher.progress().doneFiles();
                if (done != shown) {
                    System.out.println("done " + done);
                    System.out.flush();
                    shown = done;
                }
                Thread.sleep(5);
            }
            scan.join();
            System.out.println("completed " + outcome[0].runId() + " " + outcome[0].restarted() + " "
                    + outcome[0].status());
            System.out.flush();
        }
        System.exit(0);
    }
}
