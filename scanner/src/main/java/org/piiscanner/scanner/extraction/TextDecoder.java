package org.piiscanner.scanner.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a plain-text stream into a string, keeping every character where it is in the file (no line-ending or
 * whitespace changes) so that offsets match what an editor shows. A leading byte-order mark is dropped; each
 * malformed byte sequence becomes one U+FFFD, and the result says so. Stateless.
 */
final class TextDecoder {

    /** The decoded text, whether bytes were replaced, whether it was cut at the limit. */
    record Decoded(String text, boolean malformed, boolean truncated) {
    }

    private static final int BYTE_BUFFER = 64 * 1024;
    private static final int MIN_ROOM = 8 * 1024;

    private TextDecoder() {
    }

    /**
     * Decodes {@code in} (not closed) as {@code charset}, stopping after {@code maxChars} characters.
     *
     * @param sizeHint the stream's size in bytes if known, else -1 (sizes the buffer: at most one char per byte)
     */
    static Decoded decode(InputStream in, Charset charset, int maxChars, long sizeHint) throws IOException {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return decodeUtf8(in, maxChars);
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int initial = sizeHint >= 0 ? (int) Math.min(sizeHint + 16, (long) maxChars + 16) : MIN_ROOM * 2;
        char[] chars = new char[Math.max(initial, 16)];
        int length = 0;
        byte[] bytes = new byte[BYTE_BUFFER];
        ByteBuffer input = ByteBuffer.wrap(bytes);
        input.limit(0);
        boolean eof = false;
        boolean malformed = false;
        boolean truncated = false;
        while (true) {
            if (!eof && input.remaining() < MIN_ROOM) {
                input.compact();
                int n = in.read(bytes, input.position(), input.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    input.position(input.position() + n);
                }
                input.flip();
            }
            if (chars.length - length < MIN_ROOM) {
                long grown = Math.max((long) chars.length * 2, (long) length + 4 * MIN_ROOM);
                chars = java.util.Arrays.copyOf(chars, (int) Math.min(grown, (long) maxChars + 4 * MIN_ROOM));
            }
            CharBuffer out = CharBuffer.wrap(chars, length, chars.length - length);
            CoderResult result = decoder.decode(input, out, eof);
            length = out.position();
            if (result.isError()) {
                input.position(input.position() + result.length());
                chars[length++] = '\uFFFD';
                malformed = true;
            }
            if (length >= maxChars) {
                truncated = length > maxChars || input.hasRemaining() || (!eof && in.read() >= 0);
                length = Math.min(length, maxChars);
                if (Character.isHighSurrogate(chars[length - 1])) {
                    length--;
                }
                break;
            }
            if (eof && result.isUnderflow() && !input.hasRemaining()) {
                CharBuffer rest = CharBuffer.wrap(chars, length, chars.length - length);
                decoder.flush(rest);
                length = rest.position();
                break;
            }
        }
        int start = length > 0 && chars[0] == '\uFEFF' ? 1 : 0;
        return new Decoded(new String(chars, start, length - start), malformed, truncated);
    }

    /**
     * UTF-8, the common case, with the JDK's own decoder (several times faster than a {@link CharsetDecoder} loop):
     * at most {@code maxChars} bytes are read, which decode to at most as many characters, cut back to the end of
     * the last whole character. Bad bytes become U+FFFD as they would above.
     */
    private static Decoded decodeUtf8(InputStream in, int maxChars) throws IOException {
        byte[] bytes = in.readNBytes(maxChars);
        int length = bytes.length;
        boolean truncated = false;
        if (length == maxChars && in.read() >= 0) {
            truncated = true;
            length = lastCharacterBoundary(bytes, length);
        }
        int start = length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3 : 0;
        String text = new String(bytes, start, length - start, StandardCharsets.UTF_8);
        boolean malformed = text.indexOf('\uFFFD') >= 0 && !isValidUtf8(bytes, start, length - start);
        return new Decoded(text, malformed, truncated);
    }

    /** {@code length}, moved back to the start of a UTF-8 sequence cut at {@code length}, if one is. */
    private static int lastCharacterBoundary(byte[] bytes, int length) {
        for (int back = 1; back <= 3 && back <= length; back++) {
            int b = bytes[length - back] & 0xff;
            if (b < 0x80) {
                return length;
            }
            if (b >= 0xC0) {
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return needed > back ? length - back : length;
            }
        }
        return length;
    }

    private static boolean isValidUtf8(byte[] bytes, int offset, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
