package org.piiscanner.scanner.store;

/**
 * What tells a location's content has not changed: size, modification time and, when computed, a content hash.
 *
 * <p>Matching follows the file-scan rule "size + mtime, then content hash": equal sizes and modification times
 * match; otherwise equal sizes and equal content hashes match (a file touched but not changed). Entries inside
 * containers have no modification time of their own ({@link #UNKNOWN_TIME}) and match by content hash.
 *
 * @param size the size in bytes
 * @param modifiedMillis modification time in epoch milliseconds, or {@link #UNKNOWN_TIME}
 * @param contentHash a hash of the content (any algorithm, consistently), or null if not computed
 */
public record Fingerprint(long size, long modifiedMillis, String contentHash) {

    /** The modification time of something that has none. */
    public static final long UNKNOWN_TIME = Long.MIN_VALUE;

    public Fingerprint {
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
        if (contentHash != null && (contentHash.isEmpty() || contentHash.length() > 128)) {
            throw new IllegalArgumentException("content hash must be 1..128 characters");
        }
    }

    /** A file's size and modification time, content not hashed (yet). */
    public static Fingerprint of(long size, long modifiedMillis) {
        return new Fingerprint(size, modifiedMillis, null);
    }

    /** This fingerprint with a content hash. */
    public Fingerprint withContentHash(String hash) {
        return new Fingerprint(size, modifiedMillis, hash);
    }

    /** True if {@code current} shows the same content (see the class documentation). */
    public boolean matches(Fingerprint current) {
        if (current == null || size != current.size) {
            return false;
        }
        if (modifiedMillis != UNKNOWN_TIME && modifiedMillis == current.modifiedMillis) {
            return true;
        }
        return contentHash != null && contentHash.equals(current.contentHash);
    }

    /**
     * True if hashing the current content could still prove it unchanged: same size, different or unknown time,
     * a stored content hash, and none computed yet for {@code current}.
     */
    public boolean worthHashing(Fingerprint current) {
        return current != null && size == current.size && contentHash != null && current.contentHash == null
                && !matches(current);
    }
}
