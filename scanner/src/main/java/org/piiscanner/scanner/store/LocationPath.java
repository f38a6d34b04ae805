package org.piiscanner.scanner.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Where a location is inside its source, as segments: a top-level file ({@code hr/2021.zip}), then the path of
 * each nested entry ({@code letters/offer.docx}). Displayed joined by {@value #SEPARATOR}:
 * {@code hr/2021.zip!/letters/offer.docx}. A database row is {@code schema.table} then its row key.
 *
 * <p>The first segment is the <em>root</em>: recording a root unchanged or skipped carries its entries along. The
 * store identifies a location by a SHA-256 of its source id and segments (so separators inside names cannot
 * collide, and one indexed column finds it) and finds entries of a location by display-path prefix. Immutable.
 *
 * @param segments the root then nested entry paths; none empty
 */
public record LocationPath(List<String> segments) {

    /** Joins segments in the displayed path. */
    public static final String SEPARATOR = "!/";

    public LocationPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a location path needs at least a root segment");
        }
        for (String s : segments) {
            if (Objects.requireNonNull(s, "segment").isEmpty()) {
                throw new IllegalArgumentException("empty path segment in " + segments);
            }
        }
    }

    /** A top-level location, or an entry of it when {@code entries} are given. */
    public static LocationPath of(String root, String... entries) {
        List<String> all = new ArrayList<>(1 + entries.length);
        all.add(root);
        all.addAll(List.of(entries));
        return new LocationPath(all);
    }

    /** The entry {@code entry} inside this location. */
    public LocationPath child(String entry) {
        List<String> all = new ArrayList<>(segments);
        all.add(entry);
        return new LocationPath(all);
    }

    /** The top-level file or table. */
    public String root() {
        return segments.getFirst();
    }

    /** 0 for a top-level location, n for an entry nested n containers deep. */
    public int depth() {
        return segments.size() - 1;
    }

    /** The displayed path, segments joined by {@value #SEPARATOR}. */
    public String display() {
        return String.join(SEPARATOR, segments);
    }

    /** SHA-256 (hex) of the source id and the segments: the location's identity in the store. */
    String key(long sourceId) {
        return sha256(sourceId + "\0" + String.join("\0", segments));
    }

    /** SHA-256 (hex) of the source id and the root segment: shared by a location and its entries. */
    String rootKey(long sourceId) {
        return sha256(sourceId + "\0" + root());
    }

    @Override
    public String toString() {
        return display();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
