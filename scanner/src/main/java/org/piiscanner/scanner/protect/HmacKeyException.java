package org.piiscanner.scanner.protect;

/**
 * The HMAC key cannot be used: malformed, too short, unreadable, or in a file others can read. The message says
 * which source and what to do; it never contains the key.
 */
public final class HmacKeyException extends RuntimeException {

    public HmacKeyException(String message) {
        super(message);
    }

    public HmacKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
