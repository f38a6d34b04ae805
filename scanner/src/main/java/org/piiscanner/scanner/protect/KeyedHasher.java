package org.piiscanner.scanner.protect;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under the installation's secret key, with a namespace per kind of value.
 *
 * <p>The message is {@code namespace + U+0000 + value}, UTF-8 encoded (unpaired surrogates become {@code ?}), so
 * the same string hashed as a phone number and as a word token gives unrelated hashes. Namespaces start with
 * {@link #NAMESPACE_VERSION}: changing a normalisation rule bumps it, which, like a key rotation, requires
 * re-indexing.
 *
 * <p>The key never leaves this object: {@link #toString()} shows only the {@linkplain #keyId() key id}, a short
 * HMAC of a fixed label that identifies the key without revealing it, which the store and the index record to
 * refuse a different key later. Thread-safe: each thread uses its own {@link Mac}.
 */
public final class KeyedHasher {

    /** Prefix of every namespace; bumped when a normalisation rule changes. */
    public static final String NAMESPACE_VERSION = "pii1";

    /** The shortest key accepted, in bytes (128 bits). Generated keys have {@value #GENERATED_KEY_BYTES}. */
    public static final int MIN_KEY_BYTES = 16;

    /** The size of keys generated on first run, in bytes. */
    public static final int GENERATED_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final ThreadLocal<State> state;
    private final String keyId;

    /**
     * A hasher for {@code key} (copied).
     *
     * @throws IllegalArgumentException if the key is shorter than {@value #MIN_KEY_BYTES} bytes
     */
    public KeyedHasher(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("an HMAC key needs at least " + MIN_KEY_BYTES + " bytes, got "
                    + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.state = ThreadLocal.withInitial(this::newState);
        this.keyId = base64Url(NAMESPACE_VERSION + "/key-id", "pii-scanner", 12);
    }

    /** The 32-byte HMAC of {@code value} in {@code namespace}. */
    public byte[] hmac(String namespace, CharSequence value) {
        State s = state.get();
        s.mac.update(s.encode(namespace));
        s.mac.update((byte) 0);
        s.mac.update(s.encode(value));
        return s.mac.doFinal();
    }

    /** The HMAC as 64 lower-case hex digits. */
    public String hex(String namespace, CharSequence value) {
        return HexFormat.of().formatHex(hmac(namespace, value));
    }

    /** The HMAC as unpadded base64url (43 characters). */
    public String base64Url(String namespace, CharSequence value) {
        return BASE64URL.encodeToString(hmac(namespace, value));
    }

    /** The first {@code bytes} bytes of the HMAC as unpadded base64url (a truncated HMAC, RFC 2104 section 5). */
    public String base64Url(String namespace, CharSequence value, int bytes) {
        if (bytes < 8 || bytes > 32) {
            throw new IllegalArgumentException("truncate to 8..32 bytes, got " + bytes);
        }
        byte[] h = hmac(namespace, value);
        return BASE64URL.encodeToString(bytes == h.length ? h : Arrays.copyOf(h, bytes));
    }

    /**
     * A short public identifier of the key (an HMAC of a fixed label), recorded by the store and the index so
     * that opening them with another key fails instead of silently finding nothing.
     */
    public String keyId() {
        return keyId;
    }

    /** Constant-time comparison of two hashes in the same encoding. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "KeyedHasher[HMAC-SHA256, key id " + keyId + "]";
    }

    private State newState() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return new State(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /** Per-thread MAC and a reusable UTF-8 encoding buffer. */
    private static final class State {
        private final Mac mac;
        private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer buffer = ByteBuffer.allocate(256);

        State(Mac mac) {
            this.mac = mac;
        }

        /** {@code s} as UTF-8 in the reusable buffer (valid until the next call), ready to read. */
        ByteBuffer encode(CharSequence s) {
            int max = (int) Math.ceil(s.length() * (double) utf8.maxBytesPerChar());
            if (buffer.capacity() < max) {
                buffer = ByteBuffer.allocate(Math.max(max, buffer.capacity() * 2));
            }
            buffer.clear();
            utf8.reset();
            utf8.encode(CharBuffer.wrap(s), buffer, true);
            utf8.flush(buffer);
            buffer.flip();
            return buffer;
        }
    }
}
