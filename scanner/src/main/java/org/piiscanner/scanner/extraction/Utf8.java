package org.piiscanner.scanner.extraction;

/** Tells UTF-8 text from text in a legacy single-byte encoding by its byte patterns. Stateless. */
final class Utf8 {

    /** Valid multi-byte sequences needed per invalid byte to still call the text UTF-8. */
    private static final int VALID_PER_INVALID = 2;

    private Utf8() {
    }

    /**
     * True when {@code b[0..n)} is ASCII, or UTF-8 with at most one invalid byte per
     * {@value #VALID_PER_INVALID} valid multi-byte sequences. False for UTF-16 and UTF-32 (byte-order mark or NUL
     * bytes), which other detectors handle. A sequence cut at {@code n} counts as valid.
     */
    static boolean looksLikeUtf8(byte[] b, int n) {
        if (n >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE))) {
            return false;
        }
        int valid = 0;
        int invalid = 0;
        int i = 0;
        while (i < n) {
            int c = b[i] & 0xff;
            if (c == 0) {
                return false;
            }
            if (c < 0x80) {
                i++;
                continue;
            }
            int length = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            if (length == 0) {
                invalid++;
                i++;
                continue;
            }
            int j = 1;
            while (j < length && i + j < n && (b[i + j] & 0xC0) == 0x80) {
                j++;
            }
            if (j == length || i + j == n) {
                valid++;
                i += j;
            } else {
                invalid++;
                i++;
            }
        }
        return invalid == 0 || (long) valid >= (long) invalid * VALID_PER_INVALID;
    }
}
