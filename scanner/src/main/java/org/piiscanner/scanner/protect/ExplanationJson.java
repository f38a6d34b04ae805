package org.piiscanner.scanner.protect;

import java.math.BigDecimal;
import java.util.Locale;
import org.piiscanner.classifiers.ContextEffect;
import org.piiscanner.classifiers.Explanation;

/**
 * Writes an {@link Explanation} as one JSON object with the field names of {@code detect --json --explain}:
 * {@code detector, pattern, base_score, validation, context [{word, delta}], final_score, note}.
 */
final class ExplanationJson {

    /** Explanations repeat (one per pattern, score and note): their JSON is remembered, up to this many. */
    static final int REMEMBERED = 4096;

    private static final RecentValues<Explanation, String> RECENT = new RecentValues<>(REMEMBERED);

    private ExplanationJson() {
    }

    static String of(Explanation e) {
        return RECENT.get(e, ExplanationJson::write);
    }

    private static String write(Explanation e) {
        StringBuilder sb = new StringBuilder(160);
        sb.append("{\"detector\":");
        string(sb, e.detector());
        sb.append(",\"pattern\":");
        string(sb, e.pattern());
        sb.append(",\"base_score\":").append(number(e.baseScore()));
        sb.append(",\"validation\":");
        string(sb, e.validation().name());
        sb.append(",\"context\":[");
        boolean first = true;
        for (ContextEffect effect : e.contextEffects()) {
            sb.append(first ? "{\"word\":" : ",{\"word\":");
            string(sb, effect.word());
            sb.append(",\"delta\":").append(number(effect.delta())).append('}');
            first = false;
        }
        sb.append("],\"final_score\":").append(number(e.finalScore()));
        sb.append(",\"note\":");
        string(sb, e.note());
        return sb.append('}').toString();
    }

    private static String number(double d) {
        if (!Double.isFinite(d)) {
            return "null";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))
                            || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c) && !pairedSurrogate) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
