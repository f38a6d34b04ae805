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

class IpAddressDetectorTest {

    private static final DetectionEngine ENGINE = DetectionEngine.forDetectors(List.of(new IpAddressDetector()));

    static Stream<DetectorCase> table() {
        return Stream.of(
                // spec §15: IPv4 documentation ranges (RFC 5737) are test values
                found("«192.0.2.1»", 0.6, 0.6).testValue(true).pattern("IPv4 (documentation range)"),
                found("«198.51.100.23»", 0.6, 0.6).testValue(true),
                found("«203.0.113.255»", 0.6, 0.6).testValue(true),
                // spec §15: private and broadcast score low
                found("«10.0.0.1»", 0.45, 0.45).testValue(false).pattern("IPv4 (private range)"),
                none("255.255.255.255"),
                found("IP «255.255.255.255»", 0.65, 0.65).pattern("IPv4 (loopback/link-local/reserved, weak)"),
                // spec §15: invalid IPv4
                none("256.1.1.1"),
                none("1.2.3"),
                none("01.2.3.4"),
                none("release 1.2.3.4.5"),
                none("1.2.3.4.5"),
                none("v1.2.3.4"),
                // spec §15: IPv6 documentation prefixes (RFC 3849, RFC 9637)
                found("«2001:db8::1»", 0.6, 0.6).testValue(true).pattern("IPv6 (documentation range)"),
                found("«2001:db8:85a3::8a2e:370:7334»", 0.6, 0.6).testValue(true),
                found("«2001:0db8:0000:0000:0000:ff00:0042:8329»", 0.6, 0.6).testValue(true),
                found("«3fff:0fff::1»", 0.6, 0.6).testValue(true),
                found("«3fff:1000::1»", 0.6, 0.6).testValue(false).pattern("IPv6 (global)"),
                // spec §15: loopback / zone / IPv4-mapped / prefix
                none("::1"),
                found("IPv6 «::1»", 0.65, 0.65).pattern("IPv6 (loopback/link-local/reserved, weak)"),
                found("ipv6 «fe80::1%eth0»", 0.65, 0.65),
                found("«::ffff:192.0.2.128»", 0.6, 0.6).testValue(true).pattern("IPv4 (documentation range)"),
                found("«2001:db8::/32»", 0.6, 0.6).testValue(true),
                // spec §15: invalid IPv6 / not IPv6
                none("2001:db8:::1"),
                none("1:2:3:4:5:6:7:8:9"),
                none("12345::1"),
                none("std::string"),
                none("00:1A:2B:3C:4D:5E"),
                // public addresses, context boost, version-string negative context
                found("«8.8.8.8»", 0.6, 0.6).pattern("IPv4 (public)"),
                found("client «81.2.69.160» connected", 0.95, 0.95),
                found("remote_addr=«81.2.69.160»", 0.95, 0.95),
                found("X-Forwarded-For: «81.2.69.160»", 0.95, 0.95),
                found("logged in from «192.168.1.20»", 0.8, 0.8),
                none("version 1.2.3.4"),
                none("firmware 4.3.2.1"),
                none("SNMP OID 1.3.6.1"),
                found("host «1.2.3.4» (build 7)", 0.95, 0.95),
                none("host list, build 1.2.3.4"),
                found("«2a00:1450:4009:81f::200e»", 0.6, 0.6).pattern("IPv6 (global)"),
                found("«fd12:3456:789a::1»", 0.45, 0.45).pattern("IPv6 (unique local)"),
                // CIDR prefixes: included when valid, otherwise the bare address
                found("«81.2.69.0/24»", 0.6, 0.6),
                found("«81.2.69.0»/33", 0.6, 0.6),
                found("«2a00:1450::/128»", 0.6, 0.6),
                found("«2a00:1450::»/129", 0.6, 0.6),
                found("«81.2.69.160»:8080 and «81.2.69.161»_x", 0.6, 0.6),
                // IPv4 boundaries
                none("81.2.69.160.1"),
                none("x.81.2.69.160"),
                none("81.2.69.1600"),
                found("«81.2.69.160».", 0.6, 0.6),
                // IPv6 shapes that are not addresses
                none("Time 12:34:56"),
                none("a::b"),
                none("dead::beef"),
                none("Foo::Bar::baz"),
                none("1::2::3"),
                none("2001:db8::1:"),
                none("_2001:db8::1"),
                none("2001:db8::g"),
                none("1:2:3:4:5:6:7"),
                none("1:2:3:4:5:6:7:8::1"),
                found("«1:2:3:4:5:6:7::»", 0.6, 0.6),
                found("«1:2:3:4:5:6:7:8»", 0.6, 0.6),
                found("«1:2:3:4:5:6:1.2.3.4»", 0.6, 0.6),
                // too many groups for IPv6: the IPv4 tail alone matches, as with the spec regex
                found("1:2:3:4:5:6:7:«1.2.3.4»", 0.6, 0.6),
                found("ipv6 «fe80::1%0123456789abcde»", 0.65, 0.65),
                found("ipv6 «fe80::1»%0123456789abcdef", 0.65, 0.65),

                // Presidio IpRecognizer vectors (agreeing)
                found("microsoft.com «192.168.0.1»", 0.45, 0.45),
                none("my ip: 192.168.0"),
                found("microsoft.com «684D:1111:222:3333:4444:5555:6:77»", 0.6, 0.6),
                found("my ip: «684D:1111:222:3333:4444:5555:6:77»", 0.95, 0.95),
                none("684D:1111:222:3333:4444:5555:77"),
                found("«2345:0425:2CA1:0000:0000:0567:5673:23b5»", 0.6, 0.6),
                found("«2345:0425:2CA1::0567:5673:23b5»", 0.6, 0.6),
                found("«2400:c401::5054:ff:fe1b:b031»", 0.6, 0.6),
                found("my ip: «::1»", 0.65, 0.65),
                found("«2001:db8::8a2e:370:7334»", 0.6, 0.6),
                found("«2001:db8:85a3::8a2e:370»", 0.6, 0.6),
                found("«A099::09C0:876A:130B»", 0.6, 0.6),
                found("Server IP: «2001:db8::1»", 0.95, 0.95),
                found("Connect to [«2001:db8::1»]:8080", 0.6, 0.6),
                found("my ip is «2400:c401::5054:ff:fe1b:b031»", 0.95, 0.95),
                found("Visit http://[«2001:db8::1»]/path", 0.6, 0.6),
                found("SSH to user@«2001:db8::1»", 0.6, 0.6),
                found("«::ffff:192.0.2.1»", 0.6, 0.6).testValue(true),
                found("«::ffff:10.0.0.1»", 0.45, 0.45).pattern("IPv4 (private range)"),
                found("«::ffff:172.16.0.1»", 0.45, 0.45),
                found("«::ffff:0:192.168.1.1»", 0.45, 0.45),
                found("«::ffff:0000:10.0.0.1»", 0.45, 0.45),
                found("Mapped: «::ffff:192.168.1.1»", 0.45, 0.45),
                found("Connect to «::ffff:10.0.0.1» now", 0.45, 0.45),
                found("[«::ffff:192.168.1.1»]:80", 0.45, 0.45),
                found("«::192.168.1.1»", 0.45, 0.45),
                found("«::10.0.0.1»", 0.45, 0.45),
                none("::ffff:256.0.0.1"),
                none("::ffff:192.168.1"),
                found("«2001:db8::192.168.1.1»", 0.6, 0.6).testValue(true),
                found("«2001:db8:1::192.0.2.1»", 0.6, 0.6),
                found("«64:ff9b::192.0.2.1»", 0.6, 0.6).testValue(true),
                found("«2001:db8:85a3::8a2e:192.168.0.1»", 0.6, 0.6),
                found("«0:0:0:0:0:FFFF:129.144.52.38»", 0.6, 0.6).pattern("IPv4 (public)"),
                found("«2001:db8:0:0:0:0:192.168.1.1»", 0.6, 0.6),
                found("NAT64: «64:ff9b::198.51.100.1»", 0.6, 0.6).testValue(true),
                found("Tunnel to «2001:db8::10.0.0.1»", 0.6, 0.6),
                none("2001:db8::256.1.1.1"),
                found("IPv4: «192.168.1.1», IPv6: «2001:db8::1»", 0.8, 0.95),
                found("Primary: «10.0.0.1», Secondary: «172.16.0.1»", 0.45, 0.45),
                found("IPs: «192.168.1.1», «10.0.0.1», «2001:db8::1»", 0.8, 0.95),
                none("MAC address aa:bb:cc:dd:ee:ff"),
                none("Ratio 1:2:3:4"),
                none("CSS color #ff00aa"),
                none("Version 1.2.3"),
                none("Port 80:443"),
                none("abc:def:ghi"),
                none("123:abc"),
                none("file:///path/to/file"),
                none("std::cout"),
                none("MyClass::toString"),
                none(":::"),
                none("IP192.168.1.1text"),
                none("text192.168.1.1"),
                found("(«192.168.1.1»)", 0.45, 0.45),
                found("'«2001:db8::1»'", 0.6, 0.6),
                found("IP: «192.168.1.1».", 0.8, 0.8),
                found("«192.168.1.1»,", 0.45, 0.45),
                found("[«2001:db8::1»]", 0.6, 0.6),
                found("Server IP: «2400:c401::5054:ff:fe1b:b031».", 0.95, 0.95),
                found("«2001:db8::1».", 0.6, 0.6),
                none("fe80::1text"),
                none("text2001:db8::1"),
                none("256.256.256.256"),
                none("192.168.1.256"),
                none("gggg:hhhh::1234"),
                none("192.168.1"),
                none("300.168.1.1"),
                none("12345:db8::1"),
                none("2001::db8::1"),
                none("2001::25de::cade"),
                found("«192.168.2.1»@eth0", 0.45, 0.45),
                found("text::ffff:«192.0.2.1»", 0.6, 0.6).testValue(true),
                found("foo2001:db8::«10.0.0.1»", 0.45, 0.45),
                found("Private «10.0.0.0»", 0.45, 0.45),
                found("Subnet «172.16.0.0»", 0.45, 0.45),
                found("«192.168.1.0/24»", 0.45, 0.45),
                found("«10.0.0.0/8»", 0.45, 0.45),
                found("«192.168.1.1/32»", 0.45, 0.45),
                found("ipv6 «fe80::/10»", 0.65, 0.65),
                found("ipv6 «::1/128»", 0.65, 0.65),
                found("«::ffff:192.168.1.0/96»", 0.45, 0.45),
                found("«64:ff9b::192.0.2.0/96»", 0.6, 0.6),
                found("Subnet: «192.168.1.0/24»", 0.45, 0.45),
                found("Prefix: «2001:db8::/32»", 0.6, 0.6),
                found("Route is «10.0.0.0/8».", 0.45, 0.45),
                found("Use «2001:db8::/32».", 0.6, 0.6),
                found("«10.0.0.0»/123", 0.45, 0.45),
                found("«2001:db8::»/9999", 0.6, 0.6),
                // Presidio vectors where we differ on purpose (see class Javadoc / report):
                // special-use addresses are below the default threshold without context ...
                none("localhost 127.0.0.1"),
                none("Link-local 169.254.1.1"),
                none("Default 0.0.0.0"),
                none("Loopback ::1"),
                none("Multicast ff02::1"),
                none("fe80::1%eth0"),
                none("connecting from ::1"),
                // ... and reported with context
                found("src=«::1» dst=«::1»", 0.65, 0.65),
                found("host «127.0.0.1»", 0.65, 0.65),
                found("ip «169.254.1.1»", 0.65, 0.65),
                found("ip «0.0.0.0/0»", 0.65, 0.65),
                found("ip «ff02::1»", 0.65, 0.65),
                // a bare "::" is no compound (no word), and the spec regex does not match it either
                none("Use local ipv6 ::"),
                none("ip ::/0"),
                // the spec's (?!\.[0-9]) boundary rejects a fifth dotted part (Presidio reports the first four)
                none("192.168.1.1.1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void table(DetectorCase row) {
        row.check(ENGINE, EntityType.IP_ADDRESS);
    }

    @Test
    void explanationNamesRangeAndEmbeddedIpv4() {
        Finding f = ENGINE.detect("peer ::ffff:192.0.2.128 refused").get(0);
        assertThat(f.explanation().detector()).isEqualTo("ip_address");
        assertThat(f.explanation().pattern()).isEqualTo("IPv4 (documentation range)");
        assertThat(f.explanation().note()).isEqualTo("IPv4 in IPv6 notation; IPv4 documentation range (RFC 5737)");
        assertThat(ENGINE.detect("IP 127.0.0.1").get(0).explanation().note()).isEqualTo("IPv4 loopback");
        assertThat(ENGINE.detect("IP 224.0.0.251").get(0).explanation().note()).isEqualTo("IPv4 multicast");
        assertThat(ENGINE.detect("IP fe80::1").get(0).explanation().note()).isEqualTo("IPv6 link-local");
        assertThat(ENGINE.detect("IP 10.1.2.3").get(0).explanation().note()).isEqualTo("IPv4 private range (RFC 1918)");
    }

    @Test
    void versionWordIsNegativeContext() {
        Finding f = ENGINE.detect("IP address 81.2.69.160, agent version 2").get(0);
        assertThat(f.score()).isEqualTo(0.95);
        assertThat(f.explanation().contextEffects()).extracting(e -> e.word()).containsExactly("ip address");
        // the nearer word decides: here "version" is nearer than "IP address"
        assertThat(ENGINE.detect("IP address list, build 81.2.69.160")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.", "a:", "1:", "::1", "1.2.3.4 ", "ff:", "1:2:3:4:5:6:7:8 ", "::ffff:1.2.3.4 "})
    void adversarialInputIsLinear(String unit) {
        String text = unit.repeat(1_000_000 / unit.length());
        long start = System.nanoTime();
        ENGINE.detect(text);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("1 MB of '%s'", unit).isLessThan(2_000);
    }
}
