package org.piiscanner.scanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    private final Fingerprint stored = new Fingerprint(100, 5_000, "abc");

    @Test
    void sameSizeAndTimeMatchWithoutHashing() {
        assertThat(stored.matches(Fingerprint.of(100, 5_000))).isTrue();
        assertThat(stored.matches(Fingerprint.of(101, 5_000))).isFalse();
        assertThat(stored.worthHashing(Fingerprint.of(100, 5_000))).isFalse();
    }

    @Test
    void aTouchedFileMatchesByContentHash() {
        Fingerprint touched = Fingerprint.of(100, 9_000);
        assertThat(stored.matches(touched)).isFalse();
        assertThat(stored.worthHashing(touched)).isTrue();
        assertThat(stored.matches(touched.withContentHash("abc"))).isTrue();
        assertThat(stored.matches(touched.withContentHash("abd"))).isFalse();
        assertThat(stored.worthHashing(Fingerprint.of(99, 9_000))).as("size differs: changed").isFalse();
    }

    @Test
    void entriesWithoutTimesMatchOnlyByContent() {
        Fingerprint entry = new Fingerprint(100, Fingerprint.UNKNOWN_TIME, "abc");
        assertThat(entry.matches(new Fingerprint(100, Fingerprint.UNKNOWN_TIME, "abc"))).isTrue();
        assertThat(entry.matches(new Fingerprint(100, Fingerprint.UNKNOWN_TIME, null))).isFalse();
        assertThat(entry.matches(null)).isFalse();
    }
}
