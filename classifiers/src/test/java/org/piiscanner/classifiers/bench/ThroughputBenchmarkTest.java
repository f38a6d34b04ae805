package org.piiscanner.classifiers.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThroughputBenchmarkTest {

    @Test
    void optionsAcceptSeparateArgumentsOneStringAndEquals() {
        assertThat(ThroughputBenchmark.Options.parse()).isEqualTo(new ThroughputBenchmark.Options(40, 5, 64, 42, 4));
        // the bench profile passes ${bench.args} as ONE argument
        assertThat(ThroughputBenchmark.Options.parse("--mb 8 --runs 3"))
                .isEqualTo(new ThroughputBenchmark.Options(8, 3, 64, 42, 4));
        assertThat(ThroughputBenchmark.Options.parse("--doc-kb", "16", "--seed=7", "--full-mb", "2"))
                .isEqualTo(new ThroughputBenchmark.Options(40, 5, 16, 7, 2));
    }

    @Test
    void badOptionsAreRejectedByName() {
        assertThatThrownBy(() -> ThroughputBenchmark.Options.parse("--gb 1"))
                .hasMessageStartingWith("unknown option --gb");
        assertThatThrownBy(() -> ThroughputBenchmark.Options.parse("--mb 0"))
                .hasMessage("--mb needs a positive integer, got '0'");
        assertThatThrownBy(() -> ThroughputBenchmark.Options.parse("--runs"))
                .hasMessage("missing value for --runs");
    }

    @Test
    void medianAndDigitCount() {
        assertThat(ThroughputBenchmark.median(new double[] {5, 1, 3})).isEqualTo(3.0);
        assertThat(ThroughputBenchmark.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(ThroughputBenchmark.countDigits("a1b22 \uff13")).isEqualTo(3);
    }

    @Test
    void regexBaselineFindsOneCandidatePerSpecPattern() {
        RegexBaseline regex = new RegexBaseline();
        assertThat(regex.count("mail jo@example.org, card 4111 1111 1111 1111, IBAN GB29NWBK60161331926819, "
                + "NI AB 12 34 56 C, ip 192.0.2.1, SSN 536-90-4399, tel 07400 123456, NHS 943 476 5919, "
                + "postcode SW1A 1AA, MAC 00:1A:2B:3C:4D:5E")).isEqualTo(10);
        assertThat(regex.count("version 1.2.3.4.5 and 2024-01-31 at 10:30")).isZero();
    }
}
