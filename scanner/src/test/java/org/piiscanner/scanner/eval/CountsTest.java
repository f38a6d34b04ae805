package org.piiscanner.scanner.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CountsTest {

    static final double NAN = Double.NaN;

    /** gold, predicted, TP, expected P, R, F1, F2 — written as the fractions they are. */
    static Stream<Arguments> table() {
        return Stream.of(
                // P = R = 2/3: every F is 2/3
                Arguments.of(3, 3, 2, 2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3),
                // P = 1/2, R = 2/3: F1 = 2PR/(P+R) = 4/7, F2 = 5PR/(4P+R) = 5/8
                Arguments.of(3, 4, 2, 1.0 / 2, 2.0 / 3, 4.0 / 7, 5.0 / 8),
                // P = 1/3, R = 1/2: F1 = 2/5, F2 = 5/11
                Arguments.of(2, 3, 1, 1.0 / 3, 1.0 / 2, 2.0 / 5, 5.0 / 11),
                // P = 2/3, R = 1: F1 = 4/5, F2 = 10/11 (recall-weighted: closer to R)
                Arguments.of(2, 3, 2, 2.0 / 3, 1.0, 4.0 / 5, 10.0 / 11),
                // P = 1, R = 1/4: F1 = 2/5, F2 = 5/17 (closer to R)
                Arguments.of(4, 1, 1, 1.0, 1.0 / 4, 2.0 / 5, 5.0 / 17),
                // perfect
                Arguments.of(5, 5, 5, 1.0, 1.0, 1.0, 1.0),
                // nothing predicted: precision undefined, recall 0, F 0
                Arguments.of(3, 0, 0, NAN, 0.0, 0.0, 0.0),
                // predictions but no gold: precision 0, recall undefined, F 0
                Arguments.of(0, 2, 0, 0.0, NAN, 0.0, 0.0),
                // neither: everything undefined
                Arguments.of(0, 0, 0, NAN, NAN, NAN, NAN),
                // all wrong
                Arguments.of(2, 2, 0, 0.0, 0.0, 0.0, 0.0));
    }

    @ParameterizedTest(name = "gold={0} pred={1} tp={2}")
    @MethodSource("table")
    void metrics(int gold, int predicted, int tp, double p, double r, double f1, double f2) {
        Counts c = new Counts(gold, predicted, tp);
        // boxed: Double.equals is exact and treats NaN as equal to NaN
        assertThat(Double.valueOf(c.precision())).isEqualTo(Double.valueOf(p));
        assertThat(Double.valueOf(c.recall())).isEqualTo(Double.valueOf(r));
        assertThat(Double.valueOf(c.f1())).isEqualTo(Double.valueOf(f1));
        assertThat(Double.valueOf(c.f2())).isEqualTo(Double.valueOf(f2));
    }

    @Test
    void fBetaEqualsTheHarmonicFormWhenDefined() {
        Counts c = new Counts(7, 9, 5);
        double p = 5.0 / 9;
        double r = 5.0 / 7;
        assertThat(c.fBeta(2)).isCloseTo(5 * p * r / (4 * p + r), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(c.fBeta(0.5)).isCloseTo(1.25 * p * r / (0.25 * p + r), org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void plusAddsEveryCount() {
        assertThat(new Counts(2, 3, 1).plus(new Counts(4, 1, 1))).isEqualTo(new Counts(6, 4, 2));
        assertThat(new Counts(2, 3, 1).falsePositives()).isEqualTo(2);
        assertThat(new Counts(2, 3, 1).falseNegatives()).isEqualTo(1);
    }

    @Test
    void rejectsInconsistentCounts() {
        assertThatThrownBy(() -> new Counts(1, 3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Counts(3, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Counts(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
