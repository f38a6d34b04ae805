package org.piiscanner.classifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards against quadratic or backtracking behaviour: every registered detector, through the default engine, on
 * long pathological inputs. Each input must be scanned in well under 2 s (linear work is a few milliseconds; a
 * quadratic detector takes minutes) and must produce no finding where none can make sense. This is a guard, not a
 * benchmark.
 */
class AdversarialInputTest {

    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final DetectionEngine ENGINE = DetectionEngine.createDefault();

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("100,000 digits", text(() -> "1".repeat(25_000) + "2".repeat(25_000)
                        + "0123456789".repeat(5_000)), true),
                Arguments.of("'a' x 100k + '@'", text(() -> "a".repeat(100_000) + "@"), true),
                Arguments.of("'a@' x 50k", text(() -> "a@".repeat(50_000)), true),
                Arguments.of("'1.' x 50k", text(() -> "1.".repeat(50_000)), true),
                Arguments.of("'a:' x 50k", text(() -> "a:".repeat(50_000)), true),
                Arguments.of("'::' x 50k", text(() -> "::".repeat(50_000)), true),
                Arguments.of("'<' x 100k", text(() -> "<".repeat(100_000)), true),
                Arguments.of("'AB 12 ' x 20k", text(() -> "AB 12 ".repeat(20_000)), true),
                Arguments.of("'-' x 100k", text(() -> "-".repeat(100_000)), true),
                Arguments.of("'1 ' x 50k", text(() -> "1 ".repeat(50_000)), true),
                Arguments.of("'1-' x 50k", text(() -> "1-".repeat(50_000)), true),
                Arguments.of("'A1' x 50k", text(() -> "A1".repeat(50_000)), true),
                // URL triggers: a lenient URL detector may accept "www.www.www", so only time these
                Arguments.of("'www.' x 25k", text(() -> "www.".repeat(25_000)), false),
                Arguments.of("'://' x 33k", text(() -> "://".repeat(33_000)), false),
                // random mix of the characters above: real identifiers can appear by chance, so only time it
                Arguments.of("1 MB random mix", text(AdversarialInputTest::randomMix), false));
    }

    private static Supplier<String> text(Supplier<String> s) {
        return s;
    }

    private static String randomMix() {
        String alphabet = "0123456789a@1.:<AB -";
        SplittableRandom r = new SplittableRandom(1);
        char[] c = new char[1_000_000];
        for (int i = 0; i < c.length; i++) {
            c[i] = alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return new String(c);
    }

    @BeforeAll
    static void warmUp() {
        ENGINE.detect("Card 4111 1111 1111 1111, NI AB 12 34 56 C, mail jo@example.org, ip 10.1.2.3, ::1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void completesInLinearTime(String name, Supplier<String> input, boolean expectNothing) {
        String text = input.get();
        List<Finding> findings = assertTimeoutPreemptively(LIMIT, () -> ENGINE.detect(text), name);
        for (Finding f : findings) {
            assertThat(f.start()).isBetween(0, text.length() - 1);
            assertThat(f.end()).isBetween(f.start() + 1, text.length());
        }
        if (expectNothing) {
            assertThat(findings).as(name).isEmpty();
        }
    }
}
