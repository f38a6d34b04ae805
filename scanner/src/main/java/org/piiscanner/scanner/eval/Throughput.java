package org.piiscanner.scanner.eval;

/**
 * How fast the predictor ran during an evaluation: time spent inside {@link SpanPredictor#predict} only (reading,
 * matching and reporting are excluded).
 *
 * @param texts texts predicted
 * @param chars Java characters predicted
 * @param utf8Bytes the same texts' size in UTF-8 bytes
 * @param nanos wall-clock nanoseconds inside the predictor
 */
public record Throughput(int texts, long chars, long utf8Bytes, long nanos) {

    public static final Throughput NONE = new Throughput(0, 0, 0, 0);

    public Throughput plus(int moreTexts, long moreChars, long moreBytes, long moreNanos) {
        return new Throughput(texts + moreTexts, chars + moreChars, utf8Bytes + moreBytes, nanos + moreNanos);
    }

    public double seconds() {
        return nanos / 1e9;
    }

    /** Megabytes (10^6 bytes of UTF-8) per second, or {@code NaN} when nothing was timed. */
    public double megabytesPerSecond() {
        return nanos == 0 ? Double.NaN : utf8Bytes / 1e6 / seconds();
    }

    /** Texts per second (Presidio reports "sentences per second" on its synthetic corpus). */
    public double textsPerSecond() {
        return nanos == 0 ? Double.NaN : texts / seconds();
    }

    /** UTF-8 length of a text without encoding it. */
    static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
