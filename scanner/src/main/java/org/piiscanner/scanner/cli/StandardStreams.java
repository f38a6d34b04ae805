package org.piiscanner.scanner.cli;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The streams a command reads and writes, and whether standard error is an interactive terminal (for the progress
 * bar). Tests pass their own; {@link #system()} wraps the process's streams as UTF-8.
 *
 * @param out results (buffered; commands flush after each document)
 * @param err messages and the summary
 * @param in standard input, read by {@code detect -}
 * @param progress where to draw a progress bar, or {@code null} when standard error is not a terminal
 */
record StandardStreams(PrintWriter out, PrintWriter err, InputStream in, PrintStream progress) {

    static StandardStreams system() {
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return new StandardStreams(out, err, System.in, stderrIsTerminal() ? System.err : null);
    }

    /**
     * True when standard error is an interactive terminal. On Linux this reads where file descriptor 2 points;
     * elsewhere it falls back to {@link System#console()} (which looks at standard input and output).
     */
    static boolean stderrIsTerminal() {
        String term = System.getenv("TERM");
        if ("dumb".equals(term)) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.exists(Path.of("/proc/self/fd"))) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (Exception e) {
            // Not Linux, or /proc is not readable: fall back below.
        }
        return System.console() != null;
    }
}
