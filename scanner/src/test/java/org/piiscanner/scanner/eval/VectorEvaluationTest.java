package org.piiscanner.scanner.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VectorEvaluationTest {

    private static final String CARD_FILE = "presidio-analyzer/tests/test_credit_card_recognizer.py";

    private static VectorCase c(int line, String file, String recognizer, List<String> entities, String text,
            int count, List<VectorCase.Offsets> offsets, double maxScore) {
        return new VectorCase(line, file, "test_f", recognizer, entities, text, count, offsets, maxScore);
    }

    private static VectorCase.Offsets at(int start, int end) {
        return new VectorCase.Offsets(start, end);
    }

    private static final List<VectorCase> CASES = List.of(
            // 1: exact card, another type's finding in the same text is ignored
            c(1, CARD_FILE, null, List.of("CREDIT_CARD"), "card A", 1, List.of(at(0, 16)), Double.NaN),
            // 2: card found one character short
            c(2, CARD_FILE, null, List.of("CREDIT_CARD"), "card B", 1, List.of(at(0, 16)), Double.NaN),
            // 3: negative case, nothing found
            c(3, CARD_FILE, null, List.of("CREDIT_CARD"), "no card", 0, List.of(), Double.NaN),
            // 4: count only
            c(4, CARD_FILE, null, List.of("CREDIT_CARD"), "two cards", 2, List.of(), Double.NaN),
            // 5: a type this build has no detector for
            c(5, "t/test_uk_passport_recognizer.py", "UkPassportRecognizer", List.of("UK_PASSPORT"), "AB1234567",
                    1, List.of(at(0, 9)), 0.1),
            // 6: a type we do not cover at all
            c(6, "t/test_au_abn_recognizer.py", "AuAbnRecognizer", List.of("AU_ABN"), "51 824 753 556", 1,
                    List.of(at(0, 14)), 1.0),
            // 7, 8: the same phone text with two expectations (test parametrised by leniency)
            c(7, "t/test_phone_recognizer.py", "PhoneRecognizer", List.of(), "call 1 or 2", 1, List.of(at(5, 6)),
                    Double.NaN),
            c(8, "t/test_phone_recognizer.py", "PhoneRecognizer", List.of(), "call 1 or 2", 2,
                    List.of(at(5, 6), at(10, 11)), Double.NaN),
            // 9: missed, but Presidio itself only expects a weak score
            c(9, "t/test_uk_postcode_recognizer.py", "UkPostcodeRecognizer", List.of("UK_POSTCODE"), "M1 1AA", 1,
                    List.of(at(0, 6)), 0.1),
            // 10: missed with a normal score
            c(10, "t/test_uk_postcode_recognizer.py", "UkPostcodeRecognizer", List.of("UK_POSTCODE"),
                    "SW1A 1AA", 1, List.of(at(0, 8)), 0.9),
            // 11: no expectation recorded
            c(11, "t/test_uk_postcode_recognizer.py", "UkPostcodeRecognizer", List.of("UK_POSTCODE"), "x",
                    VectorCase.NO_EXPECTATION, List.of(), Double.NaN));

    private static final Map<String, List<Span>> PREDICTIONS = Map.of(
            "card A", List.of(new Span("CREDIT_CARD", 0, 16), new Span("UK_NINO", 20, 29)),
            "card B", List.of(new Span("CREDIT_CARD", 0, 15)),
            "two cards", List.of(new Span("CREDIT_CARD", 30, 40), new Span("CREDIT_CARD", 0, 16)));

    private static final SpanPredictor PREDICTOR = SpanPredictor.of(
            Set.of("CREDIT_CARD", "UK_NINO", "UK_POSTCODE", "PHONE_NUMBER"),
            text -> PREDICTIONS.getOrDefault(text, List.of()));

    private final VectorReport report = VectorEvaluation.evaluate(CASES, PREDICTOR, LabelMapping.presidio(), 0.4);

    @Test
    void passFailPerRecognizer() {
        assertThat(report.groups()).containsExactly(
                new VectorReport.GroupScore("CreditCardRecognizer", "CREDIT_CARD", 4, 3, 0),
                new VectorReport.GroupScore("UkPostcodeRecognizer", "UK_POSTCODE", 2, 0, 1));
        assertThat(report.scored()).isEqualTo(6);
        assertThat(report.passed()).isEqualTo(3);
    }

    @Test
    void skippedCasesAreCountedByReason() {
        assertThat(report.cases()).isEqualTo(11);
        assertThat(report.unrelated()).isEqualTo(1);
        assertThat(report.ambiguous()).isEqualTo(2);
        assertThat(report.withoutExpectation()).isEqualTo(1);
        assertThat(report.notDetected()).containsExactly(
                new VectorReport.NotDetected("UkPassportRecognizer", "UK_PASSPORT", 1));
    }

    @Test
    void failuresCarryWhatWasFound() {
        assertThat(report.failures()).extracting(r -> r.testCase().line()).containsExactly(2, 9, 10);
        VectorReport.CaseResult shortCard = report.failures().get(0);
        assertThat(shortCard.found()).containsExactly(new Span("CREDIT_CARD", 0, 15));
        assertThat(shortCard.presidioLowScore()).isFalse();
        assertThat(report.failures().get(1).presidioLowScore()).isTrue();
        assertThat(report.failures().get(2).presidioLowScore()).isFalse();
    }

    @Test
    void offsetsAreComparedAsSets() {
        VectorCase twoCards = c(1, CARD_FILE, null, List.of("CREDIT_CARD"), "t", 2,
                List.of(at(30, 40), at(0, 16)), Double.NaN);
        assertThat(VectorEvaluation.passes(twoCards,
                List.of(new Span("CREDIT_CARD", 0, 16), new Span("CREDIT_CARD", 30, 40)))).isTrue();
        assertThat(VectorEvaluation.passes(twoCards,
                List.of(new Span("CREDIT_CARD", 0, 16), new Span("CREDIT_CARD", 30, 41)))).isFalse();
        assertThat(VectorEvaluation.passes(twoCards, List.of(new Span("CREDIT_CARD", 0, 16)))).isFalse();
    }

    @Test
    void timesOnlyScoredCases() {
        assertThat(report.throughput().texts()).isEqualTo(6);
    }
}
