package org.piiscanner.scanner.cli;

import java.io.BufferedWriter;
import java.io.IOException;
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
 * @param outIsTerminal whether standard output is a terminal too (then the bar is erased while rows print)
 */
record StandardStreams(PrintWriter out, PrintWriter err, InputStream in, PrintStream progress,
        boolean outIsTerminal) {

    /** Streams for tests and pipes: no terminal anywhere. */
    StandardStreams(PrintWriter out, PrintWriter err, InputStream in) {
        this(out, err, in, null, false);
    }

    static StandardStreams system() {
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return new StandardStreams(out, err, System.in, isTerminal(2) ? System.err : null, isTerminal(1));
    }

    /**
     * True when file descriptor {@code fd} (1 standard output, 2 standard error) is an interactive terminal. On
     * Linux this reads where the descriptor points; elsewhere it falls back to {@link System#console()} (which
     * looks at standard input and output together).
     */
    static boolean isTerminal(int fd) {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            if (Files.isDirectory(Path.of("/proc/self/fd"))) {
                String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // /proc is not readable: fall back below.
        }
        return System.console() != null;
    }
}
