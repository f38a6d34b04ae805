package org.piiscanner.classifiers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.piiscanner.classifiers.config.ConfigurationException;

/**
 * The detectors available to an engine, found by name through {@link ServiceLoader}. Immutable and thread-safe.
 */
public final class DetectorRegistry {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{1,63}");

    private final Map<String, Detector> byId;

    private DetectorRegistry(Map<String, Detector> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** The detectors registered in {@code META-INF/services/org.piiscanner.classifiers.Detector}. */
    public static DetectorRegistry load() {
        List<Detector> found = new ArrayList<>();
        ServiceLoader.load(Detector.class, DetectorRegistry.class.getClassLoader()).forEach(found::add);
        return of(found);
    }

    /** A registry of exactly these detectors (ids must be valid and unique). */
    public static DetectorRegistry of(Collection<? extends Detector> detectors) {
        Map<String, Detector> map = new LinkedHashMap<>();
        for (Detector d : detectors) {
            checkId(d.id());
            if (d.entityTypes().isEmpty()) {
                throw new ConfigurationException("detector '" + d.id() + "' declares no entity types");
            }
            if (map.putIfAbsent(d.id(), d) != null) {
                throw new ConfigurationException("two detectors have the id '" + d.id() + "'");
            }
        }
        return new DetectorRegistry(map);
    }

    static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ConfigurationException("detector id must be lower-case letters, digits and '_' "
                    + "(2-64 chars, starting with a letter), got '" + id + "'");
        }
    }

    /** All detectors, in registration order (which breaks ties between equally strong overlapping findings). */
    public List<Detector> detectors() {
        return List.copyOf(byId.values());
    }

    public Optional<Detector> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<String> ids() {
        return byId.keySet();
    }

    /** The known name closest to {@code unknown} (edit distance at most 2), for "did you mean" messages. */
    public static Optional<String> closest(String unknown, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(unknown.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
