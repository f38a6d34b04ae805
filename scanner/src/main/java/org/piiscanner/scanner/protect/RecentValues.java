package org.piiscanner.scanner.protect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Results worth remembering because their inputs repeat (word hashes, explanation JSON), in memory only: emptied
 * when it passes its size, which is cheaper than tracking use and good enough for values that repeat often.
 * Thread-safe.
 */
final class RecentValues<K, V> {

    private final int max;
    private final Map<K, V> values = new ConcurrentHashMap<>();

    RecentValues(int max) {
        this.max = max;
    }

    /** The remembered value of {@code key}, computed by {@code compute} if there is none. */
    V get(K key, Function<? super K, ? extends V> compute) {
        V known = values.get(key);
        if (known != null) {
            return known;
        }
        if (values.size() >= max) {
            values.clear();
        }
        return values.computeIfAbsent(key, compute);
    }
}
