package org.piiscanner.classifiers.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.piiscanner.classifiers.DetectorCase.found;
import static org.piiscanner.classifiers.DetectorCase.none;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.DetectorCase;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;

class MacAddressDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new MacAddressDetector()));

    static Stream<DetectorCase> table() {
        return Stream.of(
                // spec §16 vectors
                found("«00:00:5E:00:53:01»", 0.6, 0.6).testValue(true).pattern("MAC (documentation range)"),
                found("«00-00-5E-00-53-AF»", 0.6, 0.6).testValue(true),
                found("«0000.5e00.5301»", 0.6, 0.6).testValue(true),
                found("«d0:50:99:84:a2:a0»", 0.6, 0.6).testValue(false).pattern("MAC (universally administered)"),
                none("FF:FF:FF:FF:FF:FF"),
                none("ff-ff-ff-ff-ff-ff"),
                none("00:00:00:00:00:00"),
                none("0000.0000.0000"),
                none("00:00-5E:00:53:01"),
                none("00:00:5E:00:53:01:02"),
                // multicast and locally administered addresses score lower
                none("01:00:5E:00:00:FB"),
                found("MAC «01:00:5E:00:00:FB»", 0.65, 0.65).pattern("MAC (multicast, weak)"),
                found("«02:42:ac:11:00:02»", 0.45, 0.45).pattern("MAC (locally administered)"),
                // context boost
                found("MAC address: «d0:50:99:84:a2:a0»", 0.95, 0.95),
                found("link/ether «d0:50:99:84:a2:a0» brd ff:ff:ff:ff:ff:ff", 0.95, 0.95),
                found("BSSID «d0-50-99-84-a2-a0»", 0.95, 0.95),
                // boundaries and shapes
                found("«d0:50:99:84:a2:a0».", 0.6, 0.6),
                found("(«d050.9984.a2a0»).", 0.6, 0.6),
                none("d0:50:99:84:a2:a0:"),
                none("d0:50:99:84:a2:a0-"),
                none(":d0:50:99:84:a2:a0"),
                none("a.d0:50:99:84:a2:a0"),
                none("d0:50:99:84:a2:a0:11:22"),
                none("d0:50:99:84:a2"),
                none("d0:50:99:84:a2:a0b"),
                none("d0:50:99:84:a2:g0"),
                none("d0:50:99-84:a2:a0"),
                none("d0.50.99.84.a2.a0"),
                none("d050.9984.a2a0.1234"),
                none("1234.d050.9984.a2a0"),
                none("d050:9984:a2a0"),
                none("d050.9984.a2a"),
                none("12:34:56"),
                none("SHA256 fingerprint 9f:86:d0:81:88:4c:7d:65:9a:2f:ea:a0:c5:5a:d0:15"),

                // Presidio MacAddressRecognizer vectors
                found("My MAC address is «00:1A:2B:3C:4D:5E»", 0.95, 0.95),
                found("Device MAC: «AA:BB:CC:DD:EE:FF»", 0.8, 0.8),
                found("MAC: «01:23:45:67:89:AB»", 0.65, 0.65),
                found("Lowercase MAC: «0a:23:f5:67:89:ac»", 0.8, 0.8),
                found("My MAC address is «00-1A-2B-3C-4D-5E»", 0.95, 0.95),
                found("Hardware address: «AA-BB-CC-DD-EE-FF»", 0.8, 0.8),
                found("MAC: «01-23-45-67-89-AB»", 0.65, 0.65),
                found("Lowercase MAC: «01-b3-4a-67-d9-cf»", 0.65, 0.65),
                found("Mixedcase MAC: «0d-B3-4a-6A-d9-cF»", 0.65, 0.65),
                found("Cisco MAC: «0012.3456.789A»", 0.95, 0.95),
                found("My MAC is «0012.3456.789a»", 0.95, 0.95),
                found("MACs: «00:11:22:33:44:55» and «AA-BB-CC-DD-EE-FF»", 0.8, 0.95),
                found("ethernet mac address: «00:1A:2B:3C:4D:5E»", 0.95, 0.95),
                found("The hardware address is «AA-BB-CC-DD-EE-FF»", 0.8, 0.8),
                none("Not a MAC: 00:1A:2B:3C:4D"),
                none("Invalid: ZZ:ZZ:ZZ:ZZ:ZZ:ZZ"),
                none("Broadcast: FF:FF:FF:FF:FF:FF"),
                none("Invalid: 00:00:00:00:00:00"),
                none("Mixed test cases for hyphens and colons: 10:2F:33-AC-29-C3"),
                // Presidio finds this one; the engine never offers an all-lower-case, digit-free compound joined
                // only by dots (the odds of a real MAC having no decimal digit are about 1 in 130 000)
                none("Physical address is aabb.ccdd.eeff"),
                found("Physical address is «AABB.CCDD.EEFF»", 0.8, 0.8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.MAC_ADDRESS);
    }

    @Test
    void noteSaysWhatKindOfAddress() {
        Finding f = ENGINE.detect("wifi 02:42:ac:11:00:02").get(0);
        assertThat(f.explanation().note()).isEqualTo("locally administered (possibly randomised)");
        assertThat(f.explanation().contextEffects()).extracting(e -> e.word()).containsExactly("wifi");
        assertThat(ENGINE.detect("MAC 01:00:5E:00:00:FB").get(0).explanation().note())
                .isEqualTo("multicast group address, not a device");
        assertThat(ENGINE.detect("00:00:5E:00:53:01").get(0).explanation().note())
                .isEqualTo("documentation range (RFC 7042)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a:", "0a:", "0a-", "0a0a.", "00:11:22:33:44:55 ", "00:11:22:33:44:55:"})
    void adversarialInputIsLinear(String unit) {
        String text = unit.repeat(1_000_000 / unit.length());
        long start = System.nanoTime();
        ENGINE.detect(text);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("1 MB of '%s'", unit).isLessThan(2_000);
    }
}
