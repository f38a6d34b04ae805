package org.piiscanner.scanner.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.piiscanner.scanner.scan.files.ScanProgress;

/**
 * Shows a running scan's progress: on a terminal, one line redrawn four times a second (files, MB, findings,
 * rate, ETA); otherwise a plain line on standard error every {@value #PLAIN_SECONDS} seconds. Closing it
 * erases the terminal line.
 */
final class ScanProgressDisplay implements AutoCloseable {

    static final int PLAIN_SECONDS = 30;

    private final ScanProgress progress;
    private final PrintStream terminal;
    private final PrintWriter plain;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer;
    private boolean shown;

    ScanProgressDisplay(ScanProgress progress, PrintStream terminal, PrintWriter plain) {
        this.progress = progress;
        this.terminal = terminal;
        this.plain = plain;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pii-scan-progress");
            t.setDaemon(true);
            return t;
        });
        if (terminal != null) {
            timer.scheduleAtFixedRate(this::draw, 250, 250, TimeUnit.MILLISECONDS);
        } else {
            timer.scheduleAtFixedRate(this::line, PLAIN_SECONDS, PLAIN_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** The progress as one line. */
    String render() {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        long files = progress.doneFiles();
        long total = progress.totalFiles();
        double rate = files / seconds;
        String eta = "";
        if (total > 0 && files > 0 && files < total) {
            long left = Math.round((total - files) / rate);
            eta = String.format(Locale.ROOT, ", ETA %d:%02d:%02d", left / 3600, left / 60 % 60, left % 60);
        }
        return String.format(Locale.ROOT, "Scanning: %d/%s files, %.1f/%.1f MB, %d findings, %.1f files/s%s",
                files, total > 0 ? Long.toString(total) : "?", progress.doneBytes() / 1e6,
                progress.totalBytes() / 1e6, progress.findings(), rate, eta);
    }

    private synchronized void draw() {
        String line = render();
        terminal.print("\r\u001b[2K" + line);
        terminal.flush();
        shown = true;
    }

    private void line() {
        plain.println(render());
        plain.flush();
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (shown) {
            terminal.print("\r\u001b[2K");
            terminal.flush();
        }
    }
}
