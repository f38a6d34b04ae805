package org.piiscanner.classifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.piiscanner.classifiers.config.ConfigurationException;
import org.piiscanner.classifiers.config.ContextSettings;
import org.piiscanner.classifiers.config.ContextWordSettings;
import org.piiscanner.classifiers.config.CustomDetectorSettings;
import org.piiscanner.classifiers.config.CustomPattern;
import org.piiscanner.classifiers.config.DenyListSettings;
import org.piiscanner.classifiers.config.DetectionSettings;
import org.piiscanner.classifiers.config.DetectorSettings;
import org.piiscanner.classifiers.config.TestValuePolicy;
import org.piiscanner.classifiers.detectors.CreditCardDetector;
import org.piiscanner.classifiers.detectors.DateOfBirthDetector;
import org.piiscanner.classifiers.detectors.UkNinoDetector;

class DetectionEngineTest {

    /** Reports every compound word equal to {@code token} (test double of a real detector: no mocking framework). */
    private record TokenDetector(String id, String token, EntityType type, ScoredPattern pattern, boolean nests,
            List<String> context) implements Detector {

        @Override
        public Set<EntityType> entityTypes() {
            return Set.of(type);
        }

        @Override
        public List<ScoredPattern> patterns() {
            return List.of(pattern);
        }

        @Override
        public ContextWords contextWords() {
            return ContextWords.of(context);
        }

        @Override
        public Set<Trigger> triggers() {
            return Set.of(Trigger.COMPOUND);
        }

        @Override
        public boolean allowsNestedFindings() {
            return nests;
        }

        @Override
        public void scan(Candidate c, MatchCollector out) {
            for (int w = 0; w < c.wordCount(); w++) {
                if (c.substring(c.wordStart(w), c.wordEnd(w)).equals(token)) {
                    out.add(type, c.wordStart(w), c.wordEnd(w), pattern, Validation.NOT_APPLICABLE);
                }
            }
        }
    }

    private static final EntityType T1 = EntityType.custom("TEST_ONE", DataCategory.IDENTITY);
    private static final EntityType T2 = EntityType.custom("TEST_TWO", DataCategory.CONTACT);

    private static DetectionEngine engine(DetectionSettings settings, Detector... detectors) {
        return DetectionEngine.builder().registry(DetectorRegistry.of(List.of(detectors))).settings(settings).build();
    }

    private static DetectionEngine defaults() {
        return DetectionEngine.forDetectors(List.of(new UkNinoDetector(), new CreditCardDetector()));
    }

    @Test
    void offsetsPointIntoTheOriginalTextWhenCharactersWereDropped() {
        String text = "ref: A\u200BB123456C and 4111\u00A01111\u00A01111\u00A01111";
        List<Finding> findings = defaults().detect(text);
        assertThat(findings).extracting(Finding::type).containsExactly(EntityType.UK_NINO, EntityType.CREDIT_CARD);
        assertThat(text.substring(findings.get(0).start(), findings.get(0).end())).isEqualTo("A\u200BB123456C");
        assertThat(findings.get(0).sensitiveValue()).isEqualTo("A\u200BB123456C");
        assertThat(text.substring(findings.get(1).start(), findings.get(1).end()))
                .isEqualTo("4111\u00A01111\u00A01111\u00A01111");
    }

    @Test
    void fullWidthDigitsAreFound() {
        String text = "card \uFF14\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11"
                + "\uFF11\uFF11";
        List<Finding> findings = defaults().detect(text);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).start()).isEqualTo(5);
        assertThat(findings.get(0).end()).isEqualTo(21);
    }

    @Test
    void higherScoreWinsAnOverlapThenTheLongerSpan() {
        Detector strong = new TokenDetector("strong", "AB12", T1, ScoredPattern.of("strong", 0.9), false, List.of());
        Detector weak = new TokenDetector("weak", "AB12", T2, ScoredPattern.of("weak", 0.5), false, List.of());
        assertThat(engine(DetectionSettings.defaults(), weak, strong).detect("x AB12 y"))
                .extracting(Finding::detector).containsExactly("strong");
        Detector tieA = new TokenDetector("tie_a", "AB12", T1, ScoredPattern.of("a", 0.5), false, List.of());
        Detector tieB = new TokenDetector("tie_b", "AB12", T2, ScoredPattern.of("b", 0.5), false, List.of());
        assertThat(engine(DetectionSettings.defaults(), tieB, tieA).detect("x AB12 y"))
                .extracting(Finding::detector).containsExactly("tie_b");
    }

    @Test
    void aDetectorThatAllowsNestingKeepsContainedFindings() {
        Detector outer = new TokenDetector("outer", "AB12", T1, ScoredPattern.of("o", 0.5), true, List.of());
        Detector inner = new TokenDetector("inner", "AB12", T2, ScoredPattern.of("i", 0.9), false, List.of());
        assertThat(engine(DetectionSettings.defaults(), outer, inner).detect("AB12"))
                .extracting(Finding::detector).containsExactlyInAnyOrder("outer", "inner");
    }

    @Test
    void contextWindowDoesNotCrossABlankLine() {
        Detector d = new TokenDetector("needs", "AB12", T1, ScoredPattern.needsContext("n", 0.5), false,
                List.of("account"));
        DetectionEngine e = engine(DetectionSettings.defaults(), d);
        assertThat(e.detect("account\nAB12")).hasSize(1);
        assertThat(e.detect("account\n\nAB12")).isEmpty();
        assertThat(e.detect("account\n \r\n AB12")).isEmpty();
        assertThat(e.detect("AB12\n\naccount")).isEmpty();
        assertThat(e.detect("AB12 account")).hasSize(1);
        assertThat(e.detect("account" + " ".repeat(101) + "AB12")).isEmpty();
        assertThat(e.detect("account" + " ".repeat(90) + "AB12")).hasSize(1);
    }

    @Test
    void theNearestContextWordDecides() {
        DetectionEngine e = DetectionEngine.forDetectors(List.of(new DateOfBirthDetector()));
        String text = "DOB 01/02/1985, created 03/04/2020";
        List<Finding> f = e.detect(text);
        assertThat(f).extracting(Finding::start).containsExactly(4);
        assertThat(f.get(0).explanation().contextEffects()).extracting(ContextEffect::word).containsExactly("dob");
        assertThat(e.detect("created 03/04/2020 for DOB 01/02/1985")).extracting(Finding::start)
                .containsExactly(27);
    }

    @Test
    void fieldNameCountsAsContext() {
        Detector d = new TokenDetector("needs", "AB12", T1, ScoredPattern.needsContext("n", 0.5), false,
                List.of("account number"));
        DetectionEngine e = engine(DetectionSettings.defaults(), d);
        assertThat(e.detect("AB12", DetectionContext.forField("customer_account_number"))).hasSize(1);
        assertThat(e.detect("AB12", DetectionContext.forField("accountNumber"))).hasSize(1);
        assertThat(e.detect("AB12", DetectionContext.forField("notes"))).isEmpty();
    }

    @Test
    void configuredContextWordsPerLanguageAddToOrReplaceTheDefaults() {
        Detector d = new TokenDetector("needs", "AB12", T1, ScoredPattern.needsContext("n", 0.5), false,
                List.of("account"));
        DetectionSettings s = settingsWith(Map.of("needs", new DetectorSettings(true, null, Map.of(
                "de", new ContextWordSettings(List.of("Konto"), List.of(), false),
                "fr", new ContextWordSettings(List.of("compte"), List.of(), true)), Map.of())));
        DetectionEngine e = engine(s, d);
        assertThat(e.detect("Konto AB12", new DetectionContext("de", ""))).hasSize(1);
        assertThat(e.detect("account AB12", new DetectionContext("de", ""))).hasSize(1);
        assertThat(e.detect("compte AB12", new DetectionContext("fr", ""))).hasSize(1);
        assertThat(e.detect("account AB12", new DetectionContext("fr", ""))).isEmpty();
        assertThat(e.detect("Konto AB12", new DetectionContext("en", ""))).isEmpty();
        assertThat(e.detect("account AB12", new DetectionContext("es", ""))).hasSize(1);
    }

    @Test
    void perDetectorMinimumScoreAndDisabling() {
        DetectionSettings s = settingsWith(Map.of("uk_nino", new DetectorSettings(true, 0.55, Map.of(), Map.of()),
                "credit_card", new DetectorSettings(false, null, Map.of(), Map.of())));
        DetectionEngine e = DetectionEngine.builder()
                .registry(DetectorRegistry.of(List.of(new UkNinoDetector(), new CreditCardDetector())))
                .settings(s).build();
        assertThat(e.detectorIds()).containsExactly("uk_nino");
        assertThat(e.detect("AB123456C AB 12 34 56 C 4111111111111111")).extracting(Finding::start)
                .containsExactly(10);
    }

    @Test
    void twoNumbersJoinedByOneSpaceAreOneDigitGroup() {
        // The spec's (?<![0-9][ -]) / (?![ -][0-9]) boundaries: neither card is reported.
        assertThat(defaults().detect("4111111111111111 5555555555554444")).isEmpty();
        assertThat(defaults().detect("4111111111111111\t5555555555554444")).hasSize(2);
    }

    @Test
    void allowListAndAllowPatternsSuppressValues() {
        DetectionSettings d = DetectionSettings.defaults();
        DetectionSettings s = new DetectionSettings(d.minScore(), d.context(), Map.of(), List.of(), List.of(),
                List.of("ab 12-34-56 c"), List.of("4111.*"), TestValuePolicy.REPORT);
        DetectionEngine e = DetectionEngine.builder()
                .registry(DetectorRegistry.of(List.of(new UkNinoDetector(), new CreditCardDetector())))
                .settings(s).build();
        assertThat(e.detect("AB123456C CE123456A 4111111111111111 and 5555555555554444"))
                .extracting(Finding::start).containsExactly(10, 41);
    }

    @Test
    void customRegexAndDenyListDetectorsComeFromSettings() {
        DetectionSettings d = DetectionSettings.defaults();
        DetectionSettings s = new DetectionSettings(d.minScore(), d.context(), Map.of(),
                List.of(new CustomDetectorSettings("employee_id", "EMPLOYEE_ID", DataCategory.IDENTITY,
                        List.of(new CustomPattern("ACME id", "ACME-[0-9]{6}", 0.6, false),
                                new CustomPattern("bare id", "\\b[0-9]{6}\\b", 0.3, true)),
                        Map.of("en", new ContextWordSettings(List.of("staff"), List.of(), false)))),
                List.of(new DenyListSettings("codenames", "PROJECT_CODENAME", DataCategory.PROFILE,
                        List.of("Blue Falcon"), 0.9)),
                List.of(), List.of(), TestValuePolicy.REPORT);
        DetectionEngine e = DetectionEngine.builder().registry(DetectorRegistry.of(List.of())).settings(s).build();
        String text = "ACME-123456 met blue  falcon; 654321." + " ".repeat(60) + "staff 222333";
        List<Finding> f = e.detect(text);
        assertThat(f).extracting(x -> x.type().name() + "@" + x.start() + "-" + x.end()).containsExactly(
                "EMPLOYEE_ID@0-11", "PROJECT_CODENAME@16-28", "EMPLOYEE_ID@103-109");
        assertThat(f.get(2).score()).isEqualTo(0.65);
        assertThat(f.get(1).category()).isEqualTo(DataCategory.PROFILE);
    }

    @Test
    void catastrophicCustomRegexIsCutOffNotHung() {
        DetectionSettings d = DetectionSettings.defaults();
        DetectionSettings s = new DetectionSettings(d.minScore(), d.context(), Map.of(),
                List.of(new CustomDetectorSettings("evil", "EVIL", DataCategory.PROFILE,
                        List.of(new CustomPattern("evil", "(a+)+b", 0.9, false)), Map.of())),
                List.of(), List.of(), List.of(), TestValuePolicy.REPORT);
        DetectionEngine e = DetectionEngine.builder().registry(DetectorRegistry.of(List.of())).settings(s).build();
        long t0 = System.nanoTime();
        assertThat(e.detect("a".repeat(40) + "c")).isEmpty();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void configurationMistakesFailLoudly() {
        DetectorRegistry reg = DetectorRegistry.of(List.of(new UkNinoDetector(), new CreditCardDetector()));
        assertThatThrownBy(() -> DetectionEngine.builder().registry(reg)
                .settings(settingsWith(Map.of("uk_nnio", DetectorSettings.DEFAULTS))).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("unknown detector id 'uk_nnio' under 'detectors' (did you mean 'uk_nino'?); "
                        + "known detectors: credit_card, uk_nino");
        assertThatThrownBy(() -> DetectionEngine.builder().registry(reg)
                .settings(settingsWith(Map.of("uk_nino", new DetectorSettings(true, null, Map.of(),
                        Map.of("regions", "GB"))))).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("detector 'uk_nino': detector 'uk_nino' takes no options, got [regions]");
        assertThatThrownBy(() -> DetectionEngine.builder().registry(reg).onlyTypes(List.of("CREDITCARD")).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("unknown entity type 'CREDITCARD' (did you mean 'CREDIT_CARD'?)");
        assertThatThrownBy(() -> new ContextSettings(100, 50, 1.5, 0.4, 0.3, 30, 15, true))
                .hasMessageContaining("similarity-factor");
        assertThatThrownBy(() -> DetectorRegistry.of(List.of(new UkNinoDetector(), new UkNinoDetector())))
                .hasMessageContaining("two detectors have the id 'uk_nino'");
    }

    @Test
    void onlyAndSkipSelectTypes() {
        DetectorRegistry reg = DetectorRegistry.of(List.of(new UkNinoDetector(), new CreditCardDetector()));
        String text = "AB123456C 4111111111111111";
        assertThat(DetectionEngine.builder().registry(reg).onlyTypes(List.of("CREDIT_CARD")).build().detect(text))
                .extracting(Finding::type).containsExactly(EntityType.CREDIT_CARD);
        assertThat(DetectionEngine.builder().registry(reg).skipTypes(List.of("CREDIT_CARD")).build().detect(text))
                .extracting(Finding::type).containsExactly(EntityType.UK_NINO);
    }

    @Test
    void detectorReportingAnUndeclaredTypeIsABug() {
        Detector wrong = new Detector() {
            public String id() {
                return "wrong";
            }

            public Set<EntityType> entityTypes() {
                return Set.of(T1);
            }

            public List<ScoredPattern> patterns() {
                return List.of();
            }

            public ContextWords contextWords() {
                return ContextWords.NONE;
            }

            public Set<Trigger> triggers() {
                return Set.of(Trigger.COMPOUND);
            }

            public void scan(Candidate c, MatchCollector out) {
                out.add(T2, c.start(), c.end(), ScoredPattern.of("x", 0.9), Validation.VALID);
            }
        };
        assertThatThrownBy(() -> DetectionEngine.forDetectors(List.of(wrong)).detect("AB12"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not declare");
    }

    @Test
    void engineIsSafeToShareBetweenThreads() throws Exception {
        DetectionEngine e = defaults();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append("Employee AB123456C paid with 4111 1111 1111 1111 on day ").append(i).append(".\n");
        }
        String text = sb.toString();
        List<Finding> expected = e.detect(text);
        assertThat(expected).hasSize(4000);
        try (ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<Future<List<Finding>>> futures = IntStream.range(0, 8).mapToObj(i -> pool.submit(() -> e.detect(text)))
                    .toList();
            for (Future<List<Finding>> f : futures) {
                assertThat(f.get()).extracting(Finding::start)
                        .containsExactlyElementsOf(expected.stream().map(Finding::start).toList());
            }
        }
    }

    private static DetectionSettings settingsWith(Map<String, DetectorSettings> detectors) {
        DetectionSettings d = DetectionSettings.defaults();
        return new DetectionSettings(d.minScore(), d.context(), detectors, List.of(), List.of(), List.of(),
                List.of(), d.testValues());
    }
}
