package org.piiscanner.scanner.subject;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * Owner-only files and directories ({@code rw-------}, {@code rwx------} on POSIX file systems), written atomically:
 * signing keys, the audit anchor and exports with values. Stateless.
 */
final class PrivateFiles {

    static final Set<PosixFilePermission> OWNER_ONLY_FILE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and parents) if missing; directories created here are owner-only. */
    static void createDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return;
        }
        Path parent = abs.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            if (posix(parent)) {
                Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectory(abs);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(abs)) {
                throw e;
            }
        }
    }

    /**
     * Writes {@code content} to {@code file} atomically (a temporary owner-only file moved over it), so readers
     * never see half a file and the result is owner-only even if an older version was not.
     */
    static void write(Path file, byte[] content) throws IOException {
        Path abs = file.toAbsolutePath();
        Path tmp = temporary(abs);
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Creates {@code file} owner-only, failing if it exists; returns it. */
    static Path createNew(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        return posix(abs.getParent()) ? Files.createFile(abs, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                : Files.createFile(abs);
    }

    /** A new owner-only temporary file next to {@code file}. */
    static Path temporary(Path file) throws IOException {
        return createNew(file.resolveSibling(file.getFileName() + ".tmp-"
                + Long.toUnsignedString(RANDOM.nextLong(), 36)));
    }

    /** The permissions of {@code file} that expose it to group or others (empty if none, or not POSIX). */
    static Set<PosixFilePermission> exposed(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return Set.of();
        }
        Set<PosixFilePermission> perms = EnumSet.copyOf(GROUP_OR_OTHERS);
        perms.retainAll(view.readAttributes().permissions());
        return perms;
    }

    private static boolean posix(Path existing) {
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null
                && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
