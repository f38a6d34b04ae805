package org.piiscanner.scanner.cli;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error, drawn only when standard error is a terminal. Lines printed to the terminal
 * while the bar is shown go through {@link #hideWhile}, which erases the bar, prints, and redraws it, so lines are
 * never mixed with it. Thread-safe (the bar is also redrawn from its own thread).
 */
abstract class Progress implements AutoCloseable {

    /** Below this many documents no bar is drawn: it would only flicker. */
    static final int MIN_DOCUMENTS = 6;

    /** A bar for {@code total} documents on {@code terminal}, or a no-op when there is no terminal or few files. */
    static Progress start(PrintStream terminal, int total) {
        if (terminal == null || total < MIN_DOCUMENTS) {
            return new None();
        }
        return new Bar(terminal, total);
    }

    /** One more document done. */
    abstract void step();

    /** Runs {@code print} with the bar erased, then redraws it. */
    abstract void hideWhile(Runnable print);

    /** Removes the bar. */
    @Override
    public abstract void close();

    private static final class None extends Progress {
        @Override
        void step() {
        }

        @Override
        void hideWhile(Runnable print) {
            print.run();
        }

        @Override
        public void close() {
        }
    }

    private static final class Bar extends Progress {
        private final Line line;
        private final ProgressBar bar;

        Bar(PrintStream terminal, int total) {
            this.line = new Line(terminal);
            this.bar = new ProgressBarBuilder()
                    .setTaskName("Scanning")
                    .setInitialMax(total)
                    .setUnit(" files", 1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .setConsumer(line)
                    .clearDisplayOnFinish()
                    .build();
        }

        @Override
        void step() {
            bar.step();
        }

        @Override
        void hideWhile(Runnable print) {
            synchronized (line) {
                line.erase();
                print.run();
            }
            bar.refresh();
        }

        @Override
        public void close() {
            bar.close();
            line.erase();
        }
    }

    /** Draws the rendered bar on one terminal line, overwriting it in place. */
    private static final class Line implements ProgressBarConsumer {
        private final PrintStream terminal;
        private final int width;
        private boolean shown;

        Line(PrintStream terminal) {
            this.terminal = terminal;
            int columns = 80;
            try {
                columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").trim());
            } catch (NumberFormatException e) {
                // keep 80
            }
            this.width = Math.max(40, columns) - 1;
        }

        @Override
        public int getMaxRenderedLength() {
            return width;
        }

        @Override
        public synchronized void accept(String rendered) {
            terminal.print('\r');
            terminal.print(rendered.length() > width ? rendered.substring(0, width) : rendered);
            terminal.flush();
            shown = true;
        }

        @Override
        public synchronized void clear() {
            erase();
        }

        synchronized void erase() {
            if (shown) {
                terminal.print("\r\u001b[2K");
                terminal.flush();
                shown = false;
            }
        }

        @Override
        public void close() {
            erase();
        }
    }
}
