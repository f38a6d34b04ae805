package org.piiscanner.scanner.subject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed report file: the report (UTF-8 JSON) followed by a signature block.
 *
 * <pre>
 * { ...the report, which names its signing key id... }
 * -----BEGIN PII-SCANNER SIGNATURE-----
 * Algorithm: Ed25519
 * Key-Id: ed25519:1f2e3d4c5b6a7980
 * Public-Key: MCowBQYDK2VwAyEA...
 * Signature: base64 of the Ed25519 signature of every byte before this block
 * -----END PII-SCANNER SIGNATURE-----
 * </pre>
 *
 * The signature covers the report's exact bytes, so changing, adding or removing any byte before the block
 * invalidates it; the block's key id must be the one the report names, and a checker trusts a report only if its
 * key is the one it was given ({@link #verify}): the embedded public key only says which key signed, never that the
 * key is trustworthy. Anyone can check a report with standard tools too: the bytes before the block, the base64
 * signature and {@code openssl pkeyutl -verify -pubin -inkey report-signing.pub -rawin}. Stateless.
 */
public final class SignedReport {

    static final String BEGIN = "-----BEGIN PII-SCANNER SIGNATURE-----\n";
    static final String END = "-----END PII-SCANNER SIGNATURE-----\n";

    private SignedReport() {
    }

    /** The report's bytes followed by its signature block. */
    static byte[] sign(byte[] report, SigningKeys keys) {
        byte[] signature = keys.sign(report);
        String block = BEGIN
                + "Algorithm: Ed25519\n"
                + "Key-Id: " + keys.keyId() + "\n"
                + "Public-Key: " + Base64.getEncoder().encodeToString(keys.publicKey().getEncoded()) + "\n"
                + "Signature: " + Base64.getEncoder().encodeToString(signature) + "\n"
                + END;
        byte[] b = block.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(report, report.length + b.length);
        System.arraycopy(b, 0, out, report.length, b.length);
        return out;
    }

    /**
     * The outcome of checking a report.
     *
     * @param valid true if the signature is intact and made by the trusted key
     * @param keyId the key id the signature block names (null if there is none)
     * @param reason why it is not valid (null when valid)
     * @param report the report's bytes (without the block), or null when there is no block
     */
    public record Check(boolean valid, String keyId, String reason, byte[] report) {
    }

    /**
     * Checks a signed report file against the {@code trusted} public key.
     *
     * @param file the file's bytes
     */
    public static Check verify(byte[] file, PublicKey trusted) {
        Objects.requireNonNull(trusted, "trusted");
        String text = new String(file, StandardCharsets.ISO_8859_1); // byte offsets = char offsets
        int begin = text.lastIndexOf(BEGIN);
        if (begin < 0 || !(begin == 0 || text.charAt(begin - 1) == '\n')) {
            return new Check(false, null, "no signature block: not a signed report, or its signature was removed",
                    null);
        }
        byte[] report = Arrays.copyOf(file, begin);
        int end = text.indexOf(END, begin);
        if (end < 0 || end + END.length() != text.length()) {
            return new Check(false, null, "the signature block is incomplete or followed by other content", report);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.substring(begin + BEGIN.length(), end).split("\n")) {
            int colon = line.indexOf(": ");
            if (colon <= 0 || fields.put(line.substring(0, colon), line.substring(colon + 2)) != null) {
                return new Check(false, null, "the signature block is malformed", report);
            }
        }
        String keyId = fields.get("Key-Id");
        if (!"Ed25519".equals(fields.get("Algorithm")) || keyId == null || fields.get("Signature") == null
                || fields.get("Public-Key") == null || fields.size() != 4) {
            return new Check(false, keyId, "the signature block is malformed", report);
        }
        String trustedId = SigningKeys.keyId(trusted);
        byte[] signature;
        PublicKey embedded;
        try {
            signature = Base64.getDecoder().decode(fields.get("Signature"));
            embedded = KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(fields.get("Public-Key"))));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return new Check(false, keyId, "the signature block is malformed", report);
        }
        if (!SigningKeys.keyId(embedded).equals(keyId)) {
            return new Check(false, keyId, "the signature block's key id does not match its public key", report);
        }
        if (!keyId.equals(trustedId)) {
            return new Check(false, keyId, "signed with key " + keyId + ", not with the trusted key " + trustedId,
                    report);
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(trusted);
            s.update(report);
            if (!s.verify(signature)) {
                return new Check(false, keyId, "the signature does not match the content: the report was altered",
                        report);
            }
        } catch (GeneralSecurityException e) {
            return new Check(false, keyId, "the signature does not match the content: the report was altered",
                    report);
        }
        String named;
        try {
            named = JsonMapper.shared().readTree(report).path("signing_key_id").asString("");
        } catch (JacksonException e) {
            named = "";
        }
        if (!named.equals(keyId)) {
            return new Check(false, keyId, "the report does not name the key that signed it", report);
        }
        return new Check(true, keyId, null, report);
    }
}
