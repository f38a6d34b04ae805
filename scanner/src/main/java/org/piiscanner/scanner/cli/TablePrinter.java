package org.piiscanner.scanner.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.piiscanner.classifiers.ContextEffect;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Explanation;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.scanner.detect.LocatedFinding;

/**
 * The default output: an aligned table, one finding per row, file name on every row (so it can be grepped).
 *
 * <p>Columns: FILE, LINE:COL, TYPE, CATEGORY, SCORE, DETECTOR, PREVIEW (masked; "(test value)" marks documented
 * examples and test numbers), then VALUE with {@code --show-values}. Column widths are fixed before the first
 * row from the plan's file names and the engine's types and detectors, so rows stream as documents finish.
 * With {@code --explain} each row is followed by an indented "why:" line.
 */
final class TablePrinter implements FindingPrinter {

    private static final int MAX_FILE_WIDTH = 60;
    private static final int PREVIEW_WIDTH_WITH_VALUES = 32;

    private final PrintWriter out;
    private final boolean showValues;
    private final boolean explain;
    private final String format;
    private boolean headerPrinted;

    TablePrinter(PrintWriter out, Collection<String> fileNames, Collection<EntityType> types,
            Collection<String> detectorIds, boolean showValues, boolean explain) {
        this.out = out;
        this.showValues = showValues;
        this.explain = explain;
        int file = Math.min(MAX_FILE_WIDTH, Math.max(4, fileNames.stream()
                .mapToInt(n -> Printable.of(n).length()).max().orElse(4)));
        int type = Math.max(4, types.stream().mapToInt(t -> t.name().length()).max().orElse(4));
        int category = Math.max(8, types.stream().mapToInt(t -> t.category().name().length()).max().orElse(8));
        int detector = Math.max(8, detectorIds.stream().mapToInt(String::length).max().orElse(8));
        this.format = "%-" + file + "s  %-9s  %-" + type + "s  %-" + category + "s  %5s  %-" + detector + "s  "
                + (showValues ? "%-" + PREVIEW_WIDTH_WITH_VALUES + "s  %s" : "%s");
    }

    @Override
    public void print(String file, List<LocatedFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        if (!headerPrinted) {
            row("FILE", "LINE:COL", "TYPE", "CATEGORY", "SCORE", "DETECTOR", "PREVIEW", "VALUE");
            headerPrinted = true;
        }
        String name = Printable.of(file);
        for (LocatedFinding located : findings) {
            Finding f = located.finding();
            String preview = Printable.of(f.maskedPreview()) + (f.testValue() ? " (test value)" : "");
            row(name, located.line() + ":" + located.column(), f.type().name(), f.category().name(),
                    String.format(Locale.ROOT, "%.2f", f.score()), f.detector(), preview,
                    showValues ? Printable.of(f.sensitiveValue()) : "");
            if (explain) {
                out.write("    why: " + why(f.explanation()) + "\n");
            }
        }
    }

    private void row(String file, String position, String type, String category, String score, String detector,
            String preview, String value) {
        String line = showValues
                ? String.format(Locale.ROOT, format, file, position, type, category, score, detector, preview, value)
                : String.format(Locale.ROOT, format, file, position, type, category, score, detector, preview);
        out.write(line.stripTrailing() + "\n");
    }

    /** The explanation in one line, e.g. {@code pattern 'UK_NINO (grouped)', base 0.6, ... -> score 0.95}. */
    static String why(Explanation e) {
        StringBuilder sb = new StringBuilder();
        sb.append("pattern '").append(e.pattern()).append("', base ").append(Json.number(e.baseScore()))
                .append(", validation ").append(e.validation());
        for (ContextEffect effect : e.contextEffects()) {
            sb.append(", context '").append(effect.word()).append("' ")
                    .append(effect.delta() >= 0 ? "+" : "").append(Json.number(effect.delta()));
        }
        sb.append(" -> score ").append(Json.number(e.finalScore()));
        if (!e.note().isEmpty()) {
            sb.append("; ").append(e.note());
        }
        return sb.toString();
    }
}
