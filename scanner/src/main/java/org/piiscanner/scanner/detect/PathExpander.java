package org.piiscanner.scanner.detect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.piiscanner.scanner.extraction.DocumentSource;

/**
 * Expands command-line paths into plan entries: files as given, directories walked depth first in file-name
 * order without following symbolic links, {@code -} as standard input. Not thread-safe; one per plan.
 */
final class PathExpander {

    /** The path argument that stands for standard input. */
    static final String STDIN = "-";

    private final InputStream stdin;
    private final List<ScanPlan.Entry> entries = new ArrayList<>();

    PathExpander(InputStream stdin) {
        this.stdin = stdin;
    }

    List<ScanPlan.Entry> entries() {
        return entries;
    }

    void add(String arg) {
        if (arg.equals(STDIN)) {
            entries.add(new ScanPlan.Document(DocumentSource.ofStream(STDIN, stdin), -1));
            return;
        }
        Path path;
        try {
            path = Path.of(arg);
        } catch (InvalidPathException e) {
            entries.add(new ScanPlan.Problem(arg, "invalid path: " + e.getReason()));
            return;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            boolean danglingLink = Files.isSymbolicLink(path);
            entries.add(new ScanPlan.Problem(arg, danglingLink ? "broken symbolic link" : IoMessages.describe(e)));
            return;
        }
        if (attrs.isDirectory()) {
            walk(path, path.toString());
        } else {
            // Explicit paths are read whatever they are (a link, a named pipe from <(...)), like cat does.
            entries.add(new ScanPlan.Document(DocumentSource.ofFile(arg, path),
                    attrs.isRegularFile() ? attrs.size() : -1));
        }
    }

    /** A directory still to be listed. */
    private record Dir(Path path, String name) {
    }

    /**
     * Walks {@code root} depth first in file-name order. A stack holds what is still to be emitted: listing a
     * directory pushes its entries (files, problems, subdirectories) in reverse order, so popping yields them in
     * order and a subdirectory's content comes before its next sibling. No recursion: deep trees are fine.
     */
    private void walk(Path root, String rootName) {
        Deque<Object> stack = new ArrayDeque<>();
        stack.push(new Dir(root, rootName));
        while (!stack.isEmpty()) {
            Object next = stack.pop();
            if (next instanceof ScanPlan.Entry entry) {
                entries.add(entry);
                continue;
            }
            Dir dir = (Dir) next;
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir.path())) {
                listing.forEach(children::add);
            } catch (IOException e) {
                entries.add(new ScanPlan.Problem(dir.name(), IoMessages.describe(e)));
                continue;
            } catch (DirectoryIteratorException e) {
                entries.add(new ScanPlan.Problem(dir.name(), IoMessages.describe(e.getCause())));
                continue;
            }
            children.sort(Comparator.comparing(p -> p.getFileName().toString()));
            List<Object> level = new ArrayList<>(children.size());
            for (Path child : children) {
                String name = join(dir.name(), child.getFileName().toString());
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    level.add(new ScanPlan.Problem(name, IoMessages.describe(e)));
                    continue;
                }
                if (attrs.isDirectory()) {
                    level.add(new Dir(child, name));
                } else if (attrs.isRegularFile()) {
                    level.add(new ScanPlan.Document(DocumentSource.ofFile(name, child), attrs.size()));
                }
                // Symbolic links, sockets, pipes and devices inside a directory are neither followed nor read.
            }
            for (int i = level.size() - 1; i >= 0; i--) {
                stack.push(level.get(i));
            }
        }
    }

    private static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
