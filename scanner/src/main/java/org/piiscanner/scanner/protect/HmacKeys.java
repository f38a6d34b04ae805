package org.piiscanner.scanner.protect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * Finds the installation's HMAC key: configured, from the environment, or generated into the data directory.
 *
 * <p>In order: the configuration property {@code pii.hmac-key} (base64), the environment variable
 * {@value #ENVIRONMENT_VARIABLE} (base64), the key file (by default {@code <data-dir>/hmac.key}, base64 text). If
 * none exists, a {@value KeyedHasher#GENERATED_KEY_BYTES}-byte key from {@link SecureRandom} is written to the key
 * file, created owner-only ({@code rw-------}) from the start; concurrent first runs agree on one key (the file is
 * published with an atomic link, and the loser reads the winner's key).
 *
 * <p>An existing key file that group or others may read or write is refused: the key lets anyone holding the store
 * test guesses against its hashes (every phone number in a region is a small search space). On file systems without
 * POSIX permissions (Windows) the check is skipped; protect the file with ACLs. Messages name the file and the
 * source, never the key.
 */
public final class HmacKeys {

    /** The environment variable holding a base64 key. */
    public static final String ENVIRONMENT_VARIABLE = "PII_SCANNER_HMAC_KEY";

    /** The key file's name in the data directory. */
    public static final String KEY_FILE_NAME = "hmac.key";

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    /** Where the key came from (safe to log). */
    public enum Source {
        PROPERTY, ENVIRONMENT, KEY_FILE, GENERATED
    }

    /**
     * The loaded key's hasher and where the key came from.
     *
     * @param hasher the hasher under the key
     * @param source where the key came from
     * @param keyFile the key file read or written; null when the key came from the property or the environment
     */
    public record Loaded(KeyedHasher hasher, Source source, Path keyFile) {
    }

    private HmacKeys() {
    }

    /**
     * Loads or generates the key.
     *
     * @param property the {@code pii.hmac-key} value, or null/blank
     * @param environment the {@value #ENVIRONMENT_VARIABLE} value, or null/blank
     * @param keyFile the key file to read, or to create if absent
     * @throws HmacKeyException if a configured key is not base64 or too short, or the key file is unsafe or
     *     unreadable
     */
    public static Loaded load(String property, String environment, Path keyFile) {
        if (property != null && !property.isBlank()) {
            return new Loaded(hasher(decode(property, "property pii.hmac-key")), Source.PROPERTY, null);
        }
        if (environment != null && !environment.isBlank()) {
            return new Loaded(hasher(decode(environment, "environment variable " + ENVIRONMENT_VARIABLE)),
                    Source.ENVIRONMENT, null);
        }
        Path file = keyFile.toAbsolutePath();
        if (Files.exists(file)) {
            return new Loaded(hasher(read(file)), Source.KEY_FILE, file);
        }
        return generate(file);
    }

    private static Loaded generate(Path file) {
        byte[] key = new byte[KeyedHasher.GENERATED_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path dir = file.getParent();
        Path tmp = null;
        try {
            createPrivateDirectories(dir);
            tmp = createPrivateFile(dir.resolve(KEY_FILE_NAME + ".tmp-" + Long.toUnsignedString(
                    new SecureRandom().nextLong(), 36)));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(text);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            boolean won = publish(tmp, file);
            if (!won) {
                return new Loaded(hasher(read(file)), Source.KEY_FILE, file);
            }
            return new Loaded(hasher(key), Source.GENERATED, file);
        } catch (IOException e) {
            throw new HmacKeyException("cannot create the HMAC key file " + file + ": " + e.getMessage()
                    + " (or set " + ENVIRONMENT_VARIABLE + ")", e);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(text, (byte) 0);
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a left-over temporary file is owner-only and harmless
                }
            }
        }
    }

    /** Publishes {@code tmp} as {@code file} unless it exists; true if this call created it. */
    private static boolean publish(Path tmp, Path file) throws IOException {
        try {
            Files.createLink(file, tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            try {
                Files.move(tmp, file);
                return true;
            } catch (FileAlreadyExistsException exists) {
                return false;
            }
        }
    }

    private static byte[] read(Path file) {
        checkPermissions(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new HmacKeyException("cannot read the HMAC key file " + file + ": " + e.getMessage(), e);
        }
        return decode(text, "key file " + file);
    }

    private static void checkPermissions(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> perms;
        try {
            perms = view.readAttributes().permissions();
        } catch (IOException e) {
            throw new HmacKeyException("cannot read the permissions of the HMAC key file " + file + ": "
                    + e.getMessage(), e);
        }
        Set<PosixFilePermission> exposed = EnumSet.copyOf(GROUP_OR_OTHERS);
        exposed.retainAll(perms);
        if (!exposed.isEmpty()) {
            throw new HmacKeyException("refusing to use the HMAC key file " + file + ": it is accessible to group "
                    + "or others (" + PosixFilePermissions.toString(perms) + "); anyone who can read it can reverse "
                    + "the stored hashes by guessing. Restrict it with: chmod 600 " + file);
        }
    }

    private static byte[] decode(String text, String where) {
        String compact = text.replaceAll("\\s", "");
        byte[] key;
        try {
            key = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(compact) : Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new HmacKeyException("the HMAC key in the " + where + " is not valid base64");
        }
        if (key.length < KeyedHasher.MIN_KEY_BYTES) {
            throw new HmacKeyException("the HMAC key in the " + where + " is " + key.length + " bytes; at least "
                    + KeyedHasher.MIN_KEY_BYTES + " are needed (" + KeyedHasher.GENERATED_KEY_BYTES
                    + " recommended: openssl rand -base64 32)");
        }
        return key;
    }

    private static KeyedHasher hasher(byte[] key) {
        try {
            return new KeyedHasher(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Creates {@code dir} and missing parents; directories this call creates are owner-only on POSIX. */
    static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            createPrivateDirectories(parent);
        }
        try {
            if (supportsPosix(parent)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    private static Path createPrivateFile(Path file) throws IOException {
        if (supportsPosix(file.getParent())) {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        }
        return Files.createFile(file);
    }

    private static boolean supportsPosix(Path existing) {
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null
                && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
