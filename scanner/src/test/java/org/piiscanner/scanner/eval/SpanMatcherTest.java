package org.piiscanner.scanner.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpanMatcherTest {

    private static Span s(int start, int end) {
        return new Span("T", start, end);
    }

    /** gold, predicted, expected strict TP, expected overlap TP. */
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(List.of(s(0, 10)), List.of(s(0, 10)), 1, 1),
                // IoU 9/10
                Arguments.of(List.of(s(0, 10)), List.of(s(1, 10)), 0, 1),
                // IoU exactly 1/2 counts
                Arguments.of(List.of(s(0, 10)), List.of(s(0, 5)), 0, 1),
                // IoU 4/10 does not
                Arguments.of(List.of(s(0, 10)), List.of(s(0, 4)), 0, 0),
                // IoU 10/20 (prediction twice as long) counts
                Arguments.of(List.of(s(0, 10)), List.of(s(0, 20)), 0, 1),
                // IoU 10/21 does not
                Arguments.of(List.of(s(0, 10)), List.of(s(0, 21)), 0, 0),
                // disjoint
                Arguments.of(List.of(s(0, 10)), List.of(s(10, 20)), 0, 0),
                // one-to-one: a duplicate prediction matches once
                Arguments.of(List.of(s(0, 10)), List.of(s(0, 10), s(0, 10)), 1, 1),
                // one-to-one: one prediction covering two gold halves matches one of them
                Arguments.of(List.of(s(0, 5), s(5, 10)), List.of(s(0, 10)), 0, 1),
                // greedy by IoU: the better pair wins, the other prediction still finds its gold
                Arguments.of(List.of(s(0, 10), s(12, 20)), List.of(s(0, 9), s(11, 20)), 0, 2),
                Arguments.of(List.of(), List.of(s(0, 1)), 0, 0),
                Arguments.of(List.of(s(0, 1)), List.of(), 0, 0));
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @MethodSource("table")
    void truePositives(List<Span> gold, List<Span> predicted, int strict, int overlap) {
        assertThat(SpanMatcher.truePositives(gold, predicted, MatchMode.STRICT)).isEqualTo(strict);
        assertThat(SpanMatcher.truePositives(gold, predicted, MatchMode.OVERLAP)).isEqualTo(overlap);
    }

    @Test
    void iouIsIntersectionOverUnion() {
        assertThat(s(0, 10).iou(s(5, 15))).isEqualTo(5.0 / 15);
        assertThat(s(0, 10).iou(s(2, 4))).isEqualTo(2.0 / 10);
        assertThat(s(0, 10).iou(s(10, 12))).isEqualTo(0.0);
    }
}
