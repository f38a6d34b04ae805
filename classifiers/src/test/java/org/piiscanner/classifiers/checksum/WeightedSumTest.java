package org.piiscanner.classifiers.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WeightedSumTest {

    @Test
    void sumsDigitsTimesWeights() {
        assertThat(WeightedSum.of("123".toCharArray(), 0, 3, 2, 1)).isEqualTo(3 + 4 + 3);
        // Danish CVR 13585628 (python-stdnum doctest): weights 2,7,6,5,4,3,2,1 give 143 = 13 * 11
        assertThat(WeightedSum.of("13585628".toCharArray(), 0, 2, 7, 6, 5, 4, 3, 2, 1)).isEqualTo(143);
    }

    @Test
    void readsFromOffset() {
        assertThat(WeightedSum.of("xx45".toCharArray(), 2, 10, 1)).isEqualTo(45);
    }

    @Test
    void rejectsNonDigitsAndShortInput() {
        assertThat(WeightedSum.of("1a3".toCharArray(), 0, 1, 1, 1)).isEqualTo(-1);
        assertThat(WeightedSum.of("12".toCharArray(), 0, 1, 1, 1)).isEqualTo(-1);
        assertThat(WeightedSum.of("12".toCharArray(), -1, 1)).isEqualTo(-1);
    }
}
