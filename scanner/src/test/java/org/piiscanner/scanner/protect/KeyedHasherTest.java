package org.piiscanner.scanner.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyedHasherTest {

    /** RFC 4231 test case 2 key ("Jefe") is too short for us; test case 6 uses 131 bytes of 0xaa. */
    private static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) (i + 1);
        }
    }

    @Test
    void isHmacSha256OfNamespaceNulValue() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        byte[] expected = mac.doFinal("ns\0valüe".getBytes(StandardCharsets.UTF_8));

        KeyedHasher hasher = new KeyedHasher(KEY);

        assertThat(hasher.hmac("ns", "valüe")).isEqualTo(expected);
        assertThat(hasher.hex("ns", "valüe")).isEqualTo(HexFormat.of().formatHex(expected));
        assertThat(hasher.base64Url("ns", "valüe")).hasSize(43).doesNotContain("=", "+", "/");
        assertThat(hasher.base64Url("ns", "valüe", 16)).isEqualTo(java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(java.util.Arrays.copyOf(expected, 16)));
    }

    @Test
    void rfc4231TestCase6WithALongKey() {
        byte[] key = new byte[131];
        java.util.Arrays.fill(key, (byte) 0xaa);
        // the message is "namespace NUL value"; pick a split whose concatenation is the RFC's message
        String message = "Test Using Larger Than Block-Size Key - Hash Key First";
        Mac reference;
        try {
            reference = Mac.getInstance("HmacSHA256");
            reference.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(HexFormat.of().formatHex(reference.doFinal(message.getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        assertThat(new KeyedHasher(key).hex("a", "b")).isEqualTo(HexFormat.of().formatHex(
                reference.doFinal("a\0b".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void namespacesSeparateEqualValues() {
        KeyedHasher hasher = new KeyedHasher(KEY);
        assertThat(hasher.base64Url("pii1/word", "smith")).isNotEqualTo(hasher.base64Url("pii1/name-token", "smith"));
        // the NUL separator keeps ("ab","c") apart from ("a","bc")
        assertThat(hasher.base64Url("ab", "c")).isNotEqualTo(hasher.base64Url("a", "bc"));
    }

    @Test
    void differentKeysGiveDifferentHashesAndKeyIds() {
        byte[] other = KEY.clone();
        other[0] ^= 1;
        KeyedHasher a = new KeyedHasher(KEY);
        KeyedHasher b = new KeyedHasher(other);
        assertThat(a.base64Url("n", "v")).isNotEqualTo(b.base64Url("n", "v"));
        assertThat(a.keyId()).isNotEqualTo(b.keyId()).isEqualTo(new KeyedHasher(KEY).keyId()).hasSize(16);
    }

    @Test
    void neverShowsTheKey() {
        KeyedHasher hasher = new KeyedHasher(KEY);
        assertThat(hasher.toString()).contains(hasher.keyId())
                .doesNotContain(HexFormat.of().formatHex(KEY))
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(KEY));
    }

    @Test
    void rejectsShortKeysAndCopiesTheKey() {
        assertThatThrownBy(() -> new KeyedHasher(new byte[15])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 bytes");
        byte[] key = KEY.clone();
        KeyedHasher hasher = new KeyedHasher(key);
        String before = hasher.base64Url("n", "v");
        key[0] ^= 1;
        assertThat(hasher.base64Url("n", "v")).isEqualTo(before);
    }

    @Test
    void isThreadSafe() {
        KeyedHasher hasher = new KeyedHasher(KEY);
        String expected = hasher.base64Url("n", "a long enough value to need the buffer to grow: " + "x".repeat(300));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 20_000).parallel().forEach(i -> seen.add(
                hasher.base64Url("n", "a long enough value to need the buffer to grow: " + "x".repeat(300))));
        assertThat(seen).containsExactly(expected);
    }

    @Test
    void comparesHashesInConstantTime() {
        assertThat(KeyedHasher.sameHash("abc", "abc")).isTrue();
        assertThat(KeyedHasher.sameHash("abc", "abd")).isFalse();
    }
}
