package org.piiscanner.scanner.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpanEvaluationTest {

    private static final String T1 = "paid 4111 and 4222 and 9999 today";
    private static final String T2 = "jo@mail.uk, Jo Smith, 1 Mill Lane, Hexham NE46 3QT, see www.x.uk";
    private static final String T3 = "call 01234 or GB00X";

    private static final List<LabelledText> CORPUS = List.of(
            new LabelledText(T1, List.of(
                    new Span("CREDIT_CARD", 5, 9), new Span("CREDIT_CARD", 14, 18))),
            new LabelledText(T2, List.of(
                    new Span("EMAIL_ADDRESS", 0, 10), new Span("PERSON", 12, 20),
                    new Span("ADDRESS", 22, 50))),
            new LabelledText(T3, List.of(
                    new Span("PHONE_NUMBER", 5, 10), new Span("IBAN_CODE", 14, 19))));

    /** Hand-made predictions: some exact, some off by a character, some wrong, some of unlabelled types. */
    private static final SpanPredictor PREDICTOR = SpanPredictor.of(
            Set.of("CREDIT_CARD", "EMAIL_ADDRESS", "PHONE_NUMBER", "UK_POSTCODE", "URL"),
            text -> switch (text) {
                case T1 -> List.of(new Span("CREDIT_CARD", 5, 9), new Span("CREDIT_CARD", 14, 17),
                        new Span("CREDIT_CARD", 23, 27));
                case T2 -> List.of(new Span("EMAIL_ADDRESS", 0, 11), new Span("UK_POSTCODE", 42, 50),
                        new Span("URL", 56, 64));
                case T3 -> List.of(new Span("UK_POSTCODE", 0, 4));
                default -> throw new AssertionError(text);
            });

    private final SpanReport report = SpanEvaluation.evaluate(CORPUS, PREDICTOR, LabelMapping.presidio());

    @Test
    void scoresEachMappedTypeTheEngineCanPredict() {
        assertThat(report.types()).extracting(TypeScore::type)
                .containsExactly("CREDIT_CARD", "EMAIL_ADDRESS", "PHONE_NUMBER");
        assertThat(report.texts()).isEqualTo(3);
        assertThat(report.goldSpans()).isEqualTo(7);
    }

    @Test
    void creditCard() {
        TypeScore cc = row("CREDIT_CARD");
        // strict: only [5,9) matches; [14,17) is one character short; [23,27) is wrong
        assertThat(cc.strict()).isEqualTo(new Counts(2, 3, 1));
        assertThat(cc.strict().precision()).isEqualTo(1.0 / 3);
        assertThat(cc.strict().recall()).isEqualTo(1.0 / 2);
        assertThat(cc.strict().f1()).isEqualTo(2.0 / 5);
        assertThat(cc.strict().f2()).isEqualTo(5.0 / 11);
        // overlap: [14,17) vs [14,18) has IoU 3/4
        assertThat(cc.overlap()).isEqualTo(new Counts(2, 3, 2));
        assertThat(cc.overlap().precision()).isEqualTo(2.0 / 3);
        assertThat(cc.overlap().recall()).isEqualTo(1.0);
        assertThat(cc.overlap().f1()).isEqualTo(4.0 / 5);
        assertThat(cc.overlap().f2()).isEqualTo(10.0 / 11);
    }

    @Test
    void emailOffByOneIsAStrictMissButAnOverlapHit() {
        TypeScore email = row("EMAIL_ADDRESS");
        assertThat(email.strict()).isEqualTo(new Counts(1, 1, 0));
        assertThat(email.strict().f2()).isEqualTo(0.0);
        assertThat(email.overlap()).isEqualTo(new Counts(1, 1, 1));
        assertThat(email.overlap().f2()).isEqualTo(1.0);
    }

    @Test
    void missedPhoneHasUndefinedPrecisionAndZeroRecall() {
        TypeScore phone = row("PHONE_NUMBER");
        assertThat(phone.strict()).isEqualTo(new Counts(1, 0, 0));
        assertThat(phone.strict().precision()).isNaN();
        assertThat(phone.strict().recall()).isEqualTo(0.0);
        assertThat(phone.overlap().f2()).isEqualTo(0.0);
    }

    @Test
    void totalIsTheMicroAverage() {
        assertThat(report.total().type()).isEqualTo(TypeScore.ALL);
        assertThat(report.total().strict()).isEqualTo(new Counts(4, 4, 1));
        assertThat(report.total().strict().precision()).isEqualTo(1.0 / 4);
        assertThat(report.total().strict().f1()).isEqualTo(1.0 / 4);
        assertThat(report.total().overlap()).isEqualTo(new Counts(4, 4, 3));
        assertThat(report.total().overlap().f2()).isEqualTo(3.0 / 4);
    }

    @Test
    void unscoredGoldLabelsAreListedNotCountedAsMisses() {
        assertThat(report.notDetected()).containsExactly(
                new SpanReport.NotDetected("ADDRESS", 1, null),
                new SpanReport.NotDetected("IBAN_CODE", 1, "IBAN_CODE"),
                new SpanReport.NotDetected("PERSON", 1, "PERSON"));
    }

    @Test
    void predictionsOfTypesWithoutGoldLabelAreCountedApart() {
        assertThat(report.unscored()).containsExactly(
                new SpanReport.Unscored("UK_POSTCODE", 2, Map.of("ADDRESS", 1), 1),
                new SpanReport.Unscored("URL", 1, Map.of(), 1));
    }

    @Test
    void throughputCountsEveryText() {
        Throughput t = report.throughput();
        assertThat(t.texts()).isEqualTo(3);
        assertThat(t.chars()).isEqualTo(T1.length() + T2.length() + T3.length());
        assertThat(t.utf8Bytes()).isEqualTo(t.chars());
        assertThat(t.nanos()).isPositive();
    }

    @Test
    void utf8LengthCountsEncodedBytes() {
        assertThat(Throughput.utf8Length("a£€\uD83D\uDE00")).isEqualTo(1 + 2 + 3 + 4);
        assertThat(new Throughput(10, 2_000_000, 2_000_000, 500_000_000).megabytesPerSecond()).isEqualTo(4.0);
        assertThat(new Throughput(10, 2_000_000, 2_000_000, 500_000_000).textsPerSecond()).isEqualTo(20.0);
    }

    private TypeScore row(String type) {
        return report.types().stream().filter(r -> r.type().equals(type)).findFirst().orElseThrow();
    }
}
