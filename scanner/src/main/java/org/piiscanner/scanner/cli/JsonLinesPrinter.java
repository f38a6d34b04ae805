package org.piiscanner.scanner.cli;

import java.io.PrintWriter;
import java.util.List;
import org.piiscanner.classifiers.ContextEffect;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.Explanation;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.scanner.detect.LocatedFinding;
import org.piiscanner.scanner.extraction.Section;

/**
 * {@code --json}: one JSON object per finding per line (JSON Lines, {@code \n}-terminated).
 *
 * <p>The first eight fields are a contract other tools rely on, in this order: {@code file}, {@code start},
 * {@code end} (Java {@code char} offsets into the decoded text, end exclusive), {@code type}, {@code category},
 * {@code score}, {@code detector}, {@code preview}. Fields may be added after them, never renamed:
 * {@code secondary_categories}, {@code test_value}, {@code pattern}, {@code line}, {@code column}; then, for
 * documents with pages, sheets or slides, the one the finding is on: {@code "page": 3}, {@code "slide": 2} or
 * {@code "sheet": "Payroll"}; {@code value} (the raw value) only with {@code --show-values}; {@code explanation}
 * only with {@code --explain}. {@code file} is the part's path: {@code archive.zip!/inner/letter.docx} for a
 * document inside another, {@code letter.docx#metadata} for a document's authors and e-mail headers.
 */
final class JsonLinesPrinter implements FindingPrinter {

    private final PrintWriter out;
    private final boolean showValues;
    private final boolean explain;

    JsonLinesPrinter(PrintWriter out, boolean showValues, boolean explain) {
        this.out = out;
        this.showValues = showValues;
        this.explain = explain;
    }

    @Override
    public void print(String file, List<LocatedFinding> findings) {
        StringBuilder sb = new StringBuilder(512);
        for (LocatedFinding located : findings) {
            sb.setLength(0);
            line(sb, file, located);
            out.write(sb.append('\n').toString());
        }
    }

    void line(StringBuilder sb, String file, LocatedFinding located) {
        Finding f = located.finding();
        sb.append("{\"file\": ");
        Json.string(sb, file);
        sb.append(", \"start\": ").append(f.start());
        sb.append(", \"end\": ").append(f.end());
        sb.append(", \"type\": ");
        Json.string(sb, f.type().name());
        sb.append(", \"category\": ");
        Json.string(sb, f.category().name());
        sb.append(", \"score\": ").append(Json.number(f.score()));
        sb.append(", \"detector\": ");
        Json.string(sb, f.detector());
        sb.append(", \"preview\": ");
        Json.string(sb, f.maskedPreview());
        sb.append(", \"secondary_categories\": [");
        boolean first = true;
        for (DataCategory c : f.type().secondaryCategories()) {
            sb.append(first ? "" : ", ");
            Json.string(sb, c.name());
            first = false;
        }
        sb.append("], \"test_value\": ").append(f.testValue());
        sb.append(", \"pattern\": ");
        Json.string(sb, f.explanation().pattern());
        sb.append(", \"line\": ").append(located.line());
        sb.append(", \"column\": ").append(located.column());
        Section section = located.section();
        if (section != null) {
            sb.append(", ");
            Json.string(sb, section.kind());
            sb.append(": ");
            if (section.kind().equals(Section.SHEET)) {
                Json.string(sb, section.label());
            } else {
                sb.append(section.label());
            }
        }
        if (showValues) {
            sb.append(", \"value\": ");
            Json.string(sb, f.sensitiveValue());
        }
        if (explain) {
            sb.append(", \"explanation\": ");
            explanation(sb, f.explanation());
        }
        sb.append('}');
    }

    private static void explanation(StringBuilder sb, Explanation e) {
        sb.append("{\"detector\": ");
        Json.string(sb, e.detector());
        sb.append(", \"pattern\": ");
        Json.string(sb, e.pattern());
        sb.append(", \"base_score\": ").append(Json.number(e.baseScore()));
        sb.append(", \"validation\": ");
        Json.string(sb, e.validation().name());
        sb.append(", \"context\": [");
        boolean first = true;
        for (ContextEffect effect : e.contextEffects()) {
            sb.append(first ? "{\"word\": " : ", {\"word\": ");
            Json.string(sb, effect.word());
            sb.append(", \"delta\": ").append(Json.number(effect.delta())).append('}');
            first = false;
        }
        sb.append("], \"final_score\": ").append(Json.number(e.finalScore()));
        sb.append(", \"note\": ");
        Json.string(sb, e.note());
        sb.append('}');
    }
}
