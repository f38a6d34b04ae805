package org.piiscanner.scanner.subject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The installation's Ed25519 key pair that signs erasure-verification reports, in {@code <data-dir>/signing}:
 * {@value #PRIVATE_FILE} (PKCS #8, PEM, {@code rw-------}; generated on first use, refused if group or others can
 * read it) and {@value #PUBLIC_FILE} (X.509 SubjectPublicKeyInfo, PEM; give it to whoever checks reports). Both are
 * standard PEM files that {@code openssl pkey} reads.
 *
 * <p>The key id ({@code ed25519:} and the first 16 hex digits of the SHA-256 of the public key's encoding) is
 * embedded in every report, so a checker can tell which key it needs. Back the pair up with the data directory:
 * reports signed with a lost key can still be checked with its public key, but no new report can be signed with it.
 * Immutable and thread-safe.
 */
public final class SigningKeys {

    /** The private key's file name in the signing directory. */
    public static final String PRIVATE_FILE = "report-signing.key";
    /** The public key's file name in the signing directory. */
    public static final String PUBLIC_FILE = "report-signing.pub";
    /** The signing directory's name in the data directory. */
    public static final String DIRECTORY = "signing";

    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private SigningKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId(publicKey);
    }

    /**
     * The key pair in {@code dir}, generated there (owner-only) if it does not exist.
     *
     * @throws IllegalStateException if the private key file is readable by group or others, or unreadable
     */
    public static SigningKeys loadOrCreate(Path dir) {
        Path priv = dir.resolve(PRIVATE_FILE);
        Path pub = dir.resolve(PUBLIC_FILE);
        try {
            PrivateFiles.createDirectories(dir);
            if (!Files.exists(priv)) {
                KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                Path tmp = PrivateFiles.temporary(priv);
                try {
                    Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
                    try {
                        Files.createLink(priv, tmp); // fails if another process created it meanwhile
                    } catch (java.nio.file.FileAlreadyExistsException raced) {
                        return loadOrCreate(dir);
                    } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinks) {
                        Files.move(tmp, priv);
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
                PrivateFiles.write(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded())
                        .getBytes(StandardCharsets.US_ASCII));
                Files.setPosixFilePermissions(pub, PosixFilePermissions.fromString("rw-r--r--"));
                return new SigningKeys(pair.getPrivate(), pair.getPublic());
            }
            if (!PrivateFiles.exposed(priv).isEmpty()) {
                throw new IllegalStateException("refusing to use the report signing key " + priv + ": group or "
                        + "others can access it; restrict it with: chmod 600 " + priv);
            }
            KeyFactory kf = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = kf.generatePrivate(new PKCS8EncodedKeySpec(
                    unpem(Files.readString(priv, StandardCharsets.US_ASCII), "PRIVATE KEY", priv)));
            PublicKey publicKey;
            if (Files.exists(pub)) {
                publicKey = readPublicKey(pub);
            } else {
                throw new IllegalStateException("the report signing key " + priv + " has no public key beside it ("
                        + PUBLIC_FILE + "); restore it from your backup");
            }
            return new SigningKeys(privateKey, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the report signing key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the report signing key in " + dir + " is not a valid Ed25519 key", e);
        }
    }

    /**
     * Reads a public key file (PEM {@code PUBLIC KEY}, as written beside the private key).
     *
     * @throws IOException if it cannot be read
     * @throws GeneralSecurityException if it is not an Ed25519 public key
     */
    public static PublicKey readPublicKey(Path file) throws IOException, GeneralSecurityException {
        try {
            byte[] der = unpem(Files.readString(file, StandardCharsets.US_ASCII), "PUBLIC KEY", file);
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not a PEM public key: " + file, e);
        }
    }

    /** The id of a public key: {@code ed25519:} and 16 hex digits of the SHA-256 of its encoding. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "ed25519:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This pair's key id. */
    public String keyId() {
        return keyId;
    }

    /** The public key. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** The Ed25519 signature of {@code content}. */
    byte[] sign(byte[] content) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(content);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] unpem(String text, String label, Path file) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalArgumentException(file + " is not a PEM " + label.toLowerCase(java.util.Locale.ROOT));
        }
        return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
    }

    @Override
    public String toString() {
        return "SigningKeys[" + keyId + "]";
    }
}
