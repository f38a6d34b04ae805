package org.piiscanner.scanner.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the command line in-process with captured standard streams, the way a user would run the jar. */
final class CliRunner {

    /** What a run printed and returned. */
    record Result(int exitCode, String out, String err) {

        /** Standard output's lines (each printed line ends with a newline). */
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.substring(0, out.length() - 1).split("\n", -1));
        }
    }

    private CliRunner() {
    }

    static Result run(String... args) {
        return runWithStdin("", args);
    }

    static Result runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StandardStreams streams = new StandardStreams(new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int exit = PiiScannerCli.execute(args, streams, properties -> {
            throw new AssertionError("a command without jobs must not start Spring");
        });
        return new Result(exit, out.toString(), err.toString());
    }

    /** Runs a command that may start Spring, through {@code spring}. */
    static Result runWithSpring(ApplicationContextLauncher spring, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StandardStreams streams = new StandardStreams(new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]));
        int exit = PiiScannerCli.execute(args, streams, spring);
        return new Result(exit, out.toString(), err.toString());
    }
}
