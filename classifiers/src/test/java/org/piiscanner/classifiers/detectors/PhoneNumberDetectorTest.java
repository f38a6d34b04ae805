package org.piiscanner.classifiers.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.piiscanner.classifiers.DetectorCase.found;
import static org.piiscanner.classifiers.DetectorCase.none;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.Detector;
import org.piiscanner.classifiers.DetectorCase;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;

class PhoneNumberDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new PhoneNumberDetector()));
    private static final DetectionEngine DRAMA = engine(Map.of("reportDramaNumbers", "true"));

    static Stream<DetectorCase> table() {
        return Stream.of(
                // spec §9 vectors (valid)
                found("«+44 (0)20 7219 3000»", 0.7, 0.7).pattern("PHONE (international format, libphonenumber valid)"),
                found("«07400 123456»", 0.6, 0.6).pattern("PHONE (national format, libphonenumber valid)"),
                found("«0300 123 3333»", 0.6, 0.6),
                found("«0800 1111»", 0.6, 0.6),
                found("«+44 7911 123456»", 0.7, 0.7),
                // spec §9 vectors (libphonenumber-invalid drama numbers and others)
                none("07700 900123"),
                none("01632 960001"),
                none("0115 496 0123"),
                // Ofcom drama ranges: denied by default (libphonenumber says valid)
                none("020 7946 0018"),
                none("Tel: 020 7946 0018"),
                none("0113 496 0000"),
                none("0121 496 0000"),
                none("0161 496 0000"),
                none("0191 498 0000"),
                none("029 2018 0000"),
                none("028 9018 0000"),
                none("028 9649 6000"),
                none("0808 157 0000"),
                none("0909 879 0000"),
                none("03069 990000"),
                none("+44 20 7946 0999"),
                // formats
                found("«020 7219 3000»", 0.6, 0.6),
                found("«02072193000»", 0.6, 0.6),
                found("«(020) 7219 3000»", 0.6, 0.6),
                found("«020-7219-3000»", 0.6, 0.6),
                found("«020.7219.3000»", 0.6, 0.6),
                found("«+44 20 7219 3000»", 0.7, 0.7),
                found("«+442072193000»", 0.7, 0.7),
                found("«+44 (0) 20 7219 3000»", 0.7, 0.7),
                found("«(+44) 20 7219 3000»", 0.7, 0.7),
                found("«+44-20-7219-3000»", 0.7, 0.7),
                found("«0044 20 7219 3000»", 0.7, 0.7),
                found("«00 44 20 7219 3000»", 0.7, 0.7),
                found("«020 7219 3000 ext. 123»", 0.6, 0.6),
                found("«020 7219 3000 ext 123»", 0.6, 0.6),
                found("«020 7219 3000 x123»", 0.6, 0.6),
                found("«020 7219 3000x123»", 0.6, 0.6),
                found("Switchboard («020 7219 3000»).", 0.95, 0.95),
                // phone-shaped but not valid for region GB: only with a phone word, never drama ranges or dates
                found("Phone: «(415) 555-0132»", 0.7, 0.7).pattern("PHONE (phone-shaped, not validated)"),
                none("(415) 555-0132"),
                found("Fax «0487 23 46 71»", 0.7, 0.7).pattern("PHONE (phone-shaped, not validated)"),
                found("tel «+1-743-438-6774x62406»", 1.0, 1.0),
                found("tel «+1-177-892-0730x52646»", 0.7, 0.7).pattern("PHONE (phone-shaped, not validated)"),
                found("mobile «2813882583»", 0.7, 0.7),
                none("Mobile 07700 900123"),
                none("Call 2024-01-31"),
                none("call 10.20.30.40"),
                none("call 1234567"),
                none("Phone ref 12345678"),
                none("Invoice INV-2019-970991 is overdue, call us"),
                none("Mobile order REF/2024/1234567"),
                found("Fax «06-10446904»-Office", 0.7, 0.7),
                // foreign national shapes next to a phone word; digit pairs that cannot be a date are not one
                found("Phone: «28-81-33-70»", 0.7, 0.7).pattern("PHONE (phone-shaped, not validated)"),
                found("Phone: «02.27.96.63.08»", 0.7, 0.7).pattern("PHONE (phone-shaped, not validated)"),
                found("You can call «33 93 31»", 0.7, 0.7).pattern("PHONE (phone-shaped, not validated)"),
                found("They're not answering at «785 8949»", 0.7, 0.7),
                none("33 93 31"),
                none("call 33 93"),
                none("Phone: 28-01-2023"),
                none("Call 12-05-24 10:00"),
                none("Phone 01.02.2024."),
                found("(«020 7219 3000»)", 0.6, 0.6),
                found("1) «020 7219 3000»", 0.6, 0.6),
                found("«020 7219 3000», «07400 123456»", 0.6, 0.6),
                found("tel:«+442072193000»", 1.0, 1.0),
                found("«07624 123456»", 0.6, 0.6),
                found("«01534 123456»", 0.6, 0.6),
                // international numbers of other regions, parsed whatever the configured region (GB here)
                found("«+33 1 23 45 67 89»", 0.7, 0.7),
                found("«+33 1 42 68 53 00»", 0.7, 0.7),
                found("«+1 415 555 2671»", 0.7, 0.7),
                found("«+1 (415) 555-2671»", 0.7, 0.7),
                found("«+49 30 1234567»", 0.7, 0.7),
                found("«+49 30 12345678»", 0.7, 0.7),
                found("«0049 30 1234567»", 0.7, 0.7),
                found("«+39 06 678 4343»", 0.7, 0.7),
                found("«+55 11 98456 5666»", 0.7, 0.7),
                // Presidio PhoneRecognizer international vectors (agree)
                found("my international one is «+44 (20) 7123 4567»", 0.7, 0.7),
                found("«+90 (532) 123 45 67»", 0.7, 0.7),
                found("«+30 21 0 1234567»", 0.7, 0.7),
                found("First: «+639171234567», Second", 0.7, 0.7),
                // Presidio PhoneRecognizer vector: it also finds the US national "(415) 555-0132"; without the
                // trunk prefix 1 (and with region GB) we deliberately do not
                found("My US number is (415) 555-0132, and my international one is «+1 415 555 0132»", 0.7, 0.7),
                // context (§9 hotwords)
                found("Tel: «020 7219 3000»", 0.95, 0.95),
                found("Mobile «07400 123456»", 0.95, 0.95),
                found("call me on «07400 123456»", 0.95, 0.95),
                found("Fax «+44 20 7219 3000»", 1.0, 1.0),
                found("WhatsApp «+44 7911 123456»", 1.0, 1.0),
                // negative context: 0.6 - 0.3 falls below the default minimum score
                none("order number 020 7219 3000"),
                found("ISBN «+44 20 7219 3000»", 0.4, 0.4),
                // no trunk prefix, no international prefix: never a candidate
                none("2072193000"),
                none("207 219 3000"),
                none("415 555 2671"),
                none("(415) 555-0132"),
                // invalid numbers
                none("0000 000000"),
                none("020 7219 300"),
                none("+44 20 7219 30000"),
                none("+999 20 7219 3000"),
                none("000 44 20 7219 3000"),
                // inside longer digit groups, codes, IBANs and card numbers
                none("12 020 7219 3000"),
                none("020 7219 3000 12"),
                none("0207219300012345678"),
                none("1020 7219 3000"),
                none("A020 7219 3000"),
                none("020 7219 3000B"),
                none("GB29 NWBK 6016 1331 9268 19"),
                none("GB29 NWBK 0207 2193 000"),
                none("AB12 020 7219 3000"),
                none("020 7219 3000 3M02"),
                none("4111 1111 1111 1111"),
                none("0207 2193 0000 1234"),
                none("x+44 20 7219 3000"),
                none("1+44 20 7219 3000"),
                none("++44 20 7219 3000"),
                // dates, times and decimals
                none("31/01/2024 12"),
                none("01/02/2024"),
                none("01.02.2024"),
                none("01.02.2024 12"),
                none("1-2-2024 1234"),
                none("0.5 0.25 0.125 0.0625"),
                none("2024-01-31 1200"),
                // malformed parentheses and separators
                none("020 (7219 3000"),
                none("020  7219  3000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.PHONE_NUMBER);
    }

    static Stream<DetectorCase> dramaTable() {
        return Stream.of(
                found("«020 7946 0018»", 0.6, 0.6).testValue(true),
                found("«+44 20 7946 0999»", 0.7, 0.7).testValue(true),
                found("«0113 496 0000»", 0.6, 0.6).testValue(true),
                found("«0161 496 0000»", 0.6, 0.6).testValue(true),
                found("«0191 498 0000»", 0.6, 0.6).testValue(true),
                found("«029 2018 0000»", 0.6, 0.6).testValue(true),
                found("«028 9018 0000»", 0.6, 0.6).testValue(true),
                found("«028 9649 6999»", 0.6, 0.6).testValue(true),
                found("«0808 157 0000»", 0.6, 0.6).testValue(true),
                found("«0909 879 0000»", 0.6, 0.6).testValue(true),
                found("«03069 990000»", 0.6, 0.6).testValue(true),
                // just outside the ranges: ordinary numbers
                found("«020 7946 1000»", 0.6, 0.6).testValue(false),
                found("«028 9649 7000»", 0.6, 0.6).testValue(false),
                // invalid to libphonenumber whatever the option
                none("07700 900123"),
                none("01632 960001"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dramaTable")
    void dramaNumbersAreTestValuesWhenReported(DetectorCase row) {
        row.check(DRAMA, EntityType.PHONE_NUMBER);
    }

    @Test
    void explanationNotesTypeAndRegionNeverTheNumber() {
        Finding f = ENGINE.detect("+44 7911 123456").get(0);
        assertThat(f.explanation().detector()).isEqualTo("phone");
        assertThat(f.explanation().note()).isEqualTo("MOBILE, region GG");
        assertThat(ENGINE.detect("0300 123 3333").get(0).explanation().note()).isEqualTo("UAN, region GB");
        assertThat(ENGINE.detect("+33 1 23 45 67 89").get(0).explanation().note()).isEqualTo("FIXED_LINE, region FR");
        assertThat(DRAMA.detect("020 7946 0018").get(0).explanation().note())
                .isEqualTo("FIXED_LINE, region GB, Ofcom drama range");
        assertThat(f.explanation().toString()).doesNotContain("7911").doesNotContain("123456");
    }

    @Test
    void nationalNumbersAreTriedInEachConfiguredRegion() {
        DetectionEngine frGb = engine(Map.of("regions", "FR, gb"));
        assertThat(frGb.detect("01 23 45 67 89")).singleElement()
                .satisfies(f -> assertThat(f.explanation().note()).isEqualTo("FIXED_LINE, region FR"));
        assertThat(frGb.detect("020 7219 3000")).singleElement()
                .satisfies(f -> assertThat(f.explanation().note()).isEqualTo("FIXED_LINE, region GB"));
        assertThat(ENGINE.detect("01 23 45 67 89")).isEmpty();

        DetectionEngine de = engine(Map.of("regions", "DE"));
        assertThat(de.detect("030/1234567")).extracting(Finding::start, Finding::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, 11));
        assertThat(de.detect("020 7219 3000")).isEmpty();
        // international formats do not depend on the region
        assertThat(de.detect("0044 20 7219 3000")).hasSize(1);
        DetectionEngine us = engine(Map.of("regions", "US"));
        assertThat(us.detect("1 415 555 2671")).hasSize(1);
        assertThat(us.detect("+33 1 23 45 67 89")).hasSize(1);
        assertThat(us.detect("0044 20 7219 3000")).hasSize(1);
    }

    @Test
    void optionsAreValidated() {
        Detector d = new PhoneNumberDetector();
        assertThat(d.optionKeys()).containsExactlyInAnyOrder("regions", "reportDramaNumbers");
        assertThat(((PhoneNumberDetector) d).regions()).containsExactly("GB");
        assertThat(((PhoneNumberDetector) d.configure(Map.of("regions", "ie,GB,ie"))).regions())
                .containsExactly("IE", "GB");
        assertThatThrownBy(() -> d.configure(Map.of("regions", "UK")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regions")
                .hasMessageContaining("GB");
        assertThatThrownBy(() -> d.configure(Map.of("regions", "GB,XX")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regions")
                .hasMessageContaining("XX");
        assertThatThrownBy(() -> d.configure(Map.of("regions", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regions");
        assertThatThrownBy(() -> d.configure(Map.of("reportDramaNumbers", "yes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reportDramaNumbers");
        assertThatThrownBy(() -> d.configure(Map.of("region", "GB")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region");
    }

    @Test
    void adversarialInputsRunInLinearTime() {
        String[] inputs = {
            "1".repeat(100_000),
            "0".repeat(100_000),
            "0 ".repeat(50_000),
            "0.".repeat(50_000),
            "(0)".repeat(30_000),
            "+0".repeat(50_000),
            "07400 123456 ".repeat(2_000),
            "0-1/2.3 (4) ".repeat(8_000)};
        long started = System.nanoTime();
        for (String s : inputs) {
            ENGINE.detect(s);
        }
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms").isLessThan(3_000);
    }

    private static DetectionEngine engine(Map<String, String> options) {
        return DetectionEngine.forDetectors(List.of(new PhoneNumberDetector().configure(options)));
    }
}
