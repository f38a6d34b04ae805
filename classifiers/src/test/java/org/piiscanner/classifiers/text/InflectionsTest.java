package org.piiscanner.classifiers.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InflectionsTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("attend~ church", List.of("attend church", "attends church", "attended church",
                        "attending church")),
                Arguments.of("diagnose~ with", List.of("diagnose with", "diagnoses with", "diagnosed with",
                        "diagnosing with")),
                Arguments.of("canvass~ for", List.of("canvass for", "canvasses for", "canvassed for",
                        "canvassing for")),
                Arguments.of("identify~", List.of("identify", "identifies", "identified", "identifying")),
                Arguments.of("match~", List.of("match", "matched", "matching")),
                Arguments.of("observe~ ramadan", List.of("observe ramadan", "observes ramadan",
                        "observed ramadan", "observing ramadan")),
                Arguments.of("tie~ up", List.of("tie up", "ties up", "tied up", "tying up")),
                Arguments.of("see~", List.of("see", "seed", "seeing")),
                Arguments.of("allergy", List.of("allergy", "allergies")),
                Arguments.of("ethnic minority", List.of("ethnic minority", "ethnic minorities")),
                Arguments.of("day", List.of("day")),
                Arguments.of("body of", List.of("body of")),
                Arguments.of("far-right", List.of("far-right")));
    }

    @ParameterizedTest
    @MethodSource("table")
    void variants(String phrase, List<String> expected) {
        assertThat(Inflections.variants(phrase)).containsExactlyElementsOf(expected);
    }
}
