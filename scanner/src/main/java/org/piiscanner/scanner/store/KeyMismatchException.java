package org.piiscanner.scanner.store;

/**
 * The store (or index) was built with another HMAC key than the one configured: its hashes would never match.
 * The message names both key ids (public identifiers, not keys) and points to the rotation procedure.
 */
public final class KeyMismatchException extends RuntimeException {

    public KeyMismatchException(String message) {
        super(message);
    }
}
