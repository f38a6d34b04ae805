package org.piiscanner.scanner.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed reports: a valid one checks out; any change to it, its signature or its key does not. */
class SignedReportTest {

    @TempDir
    Path dir;

    SigningKeys keys() {
        return SigningKeys.loadOrCreate(dir.resolve("signing"));
    }

    byte[] report(SigningKeys keys) {
        String json = "{\n  \"format\" : \"" + ReportJson.FORMAT + "\",\n  \"request_id\" : 12,\n  \"signing_key_id\" : \""
                + keys.keyId() + "\",\n  \"verdict\" : \"GONE\"\n}\n";
        return SignedReport.sign(json.getBytes(StandardCharsets.UTF_8), keys);
    }

    @Test
    void aSignedReportVerifiesWithItsPublicKey() throws Exception {
        SigningKeys keys = keys();
        SignedReport.Check check = SignedReport.verify(report(keys), keys.publicKey());
        assertThat(check.valid()).isTrue();
        assertThat(check.reason()).isNull();
        assertThat(check.keyId()).isEqualTo(keys.keyId()).matches("ed25519:[0-9a-f]{16}");
        assertThat(new String(check.report(), StandardCharsets.UTF_8)).startsWith("{").endsWith("}\n");
        // the key pair: private owner-only, public readable, reloaded identically
        assertThat(Files.getPosixFilePermissions(dir.resolve("signing").resolve(SigningKeys.PRIVATE_FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(dir.resolve("signing").resolve(SigningKeys.PUBLIC_FILE)))
                .startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(keys().keyId()).isEqualTo(keys.keyId());
        assertThat(SigningKeys.readPublicKey(dir.resolve("signing").resolve(SigningKeys.PUBLIC_FILE)))
                .isEqualTo(keys.publicKey());
    }

    @Test
    void anyChangedByteOfTheReportIsDetected() {
        SigningKeys keys = keys();
        byte[] signed = report(keys);
        String text = new String(signed, StandardCharsets.UTF_8);
        int verdict = text.indexOf("GONE");
        byte[] edited = signed.clone();
        edited[verdict] = 'D'; // GONE -> DONE
        assertThat(SignedReport.verify(edited, keys.publicKey()).reason())
                .isEqualTo("the signature does not match the content: the report was altered");
        byte[] spaced = (text.substring(0, 2) + " " + text.substring(2)).getBytes(StandardCharsets.UTF_8);
        assertThat(SignedReport.verify(spaced, keys.publicKey()).valid()).isFalse();
        for (int i = 0; i < text.indexOf(SignedReport.BEGIN); i += 7) {
            byte[] flipped = signed.clone();
            flipped[i] ^= 0x01;
            assertThat(SignedReport.verify(flipped, keys.publicKey()).valid()).as("byte %d", i).isFalse();
        }
    }

    @Test
    void aMissingTruncatedOrExtendedSignatureIsDetected() {
        SigningKeys keys = keys();
        byte[] signed = report(keys);
        String text = new String(signed, StandardCharsets.UTF_8);
        String report = text.substring(0, text.indexOf(SignedReport.BEGIN));
        assertThat(SignedReport.verify(report.getBytes(StandardCharsets.UTF_8), keys.publicKey()).reason())
                .startsWith("no signature block");
        assertThat(SignedReport.verify(Arrays.copyOf(signed, signed.length - 10), keys.publicKey()).reason())
                .isEqualTo("the signature block is incomplete or followed by other content");
        assertThat(SignedReport.verify((text + "PS: all gone\n").getBytes(StandardCharsets.UTF_8), keys.publicKey())
                .reason()).isEqualTo("the signature block is incomplete or followed by other content");
        String badSignature = text.replaceFirst("Signature: (.)", "Signature: " + "A");
        assertThat(SignedReport.verify(badSignature.getBytes(StandardCharsets.UTF_8), keys.publicKey()).valid())
                .isFalse();
        String noAlgorithm = text.replace("Algorithm: Ed25519\n", "");
        assertThat(SignedReport.verify(noAlgorithm.getBytes(StandardCharsets.UTF_8), keys.publicKey()).reason())
                .isEqualTo("the signature block is malformed");
    }

    @Test
    void aReportSignedByAnotherKeyIsRefusedEvenThoughItCarriesItsOwnPublicKey() {
        SigningKeys trusted = keys();
        SigningKeys other = SigningKeys.loadOrCreate(dir.resolve("other"));
        byte[] forged = report(other); // consistent in itself: other's key id, other's public key, valid signature
        assertThat(SignedReport.verify(forged, other.publicKey()).valid()).isTrue();
        assertThat(SignedReport.verify(forged, trusted.publicKey()).reason())
                .isEqualTo("signed with key " + other.keyId() + ", not with the trusted key " + trusted.keyId());

        // swapping the trusted key id into the forged block does not help: it no longer matches the public key
        String text = new String(forged, StandardCharsets.UTF_8).replace("Key-Id: " + other.keyId(),
                "Key-Id: " + trusted.keyId());
        assertThat(SignedReport.verify(text.getBytes(StandardCharsets.UTF_8), trusted.publicKey()).reason())
                .isEqualTo("the signature block's key id does not match its public key");
    }

    @Test
    void aPrivateKeyReadableByOthersIsRefused() throws Exception {
        keys();
        Path priv = dir.resolve("signing").resolve(SigningKeys.PRIVATE_FILE);
        Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-r--r--"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys())
                .hasMessageContaining("refusing to use the report signing key").hasMessageContaining("chmod 600");
    }

    @Test
    void aReportThatDoesNotNameItsSigningKeyIsRefused() {
        SigningKeys keys = keys();
        byte[] signed = SignedReport.sign("{\"verdict\":\"GONE\"}\n".getBytes(StandardCharsets.UTF_8), keys);
        assertThat(SignedReport.verify(signed, keys.publicKey()).reason())
                .isEqualTo("the report does not name the key that signed it");
    }
}
