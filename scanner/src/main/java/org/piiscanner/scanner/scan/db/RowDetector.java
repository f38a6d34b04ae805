package org.piiscanner.scanner.scan.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.piiscanner.classifiers.ColumnValueDetector;
import org.piiscanner.classifiers.DetectionContext;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.scanner.protect.FindingPosition;
import org.piiscanner.scanner.protect.KeyedHasher;
import org.piiscanner.scanner.protect.ProtectedFinding;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.store.Fingerprint;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Detects personal data in a row's scanned values, each value with its column name as context and as the
 * findings' section; a row whose fingerprint matches the last scan's (same configuration, index current) is passed
 * on unchanged without detection. Values leave it only as protected findings.
 *
 * <p>Each column's values go through the {@link ColumnValueDetector} its verdict calls for (a name column's names
 * skip the name model, a typed column tries its own types first), and the protected findings of recent short
 * values are remembered per column ({@value #CACHED_VALUES} values, in memory only), so a value repeated down a
 * column (a postcode, a name, a country) is detected and hashed once. Thread-safe.
 */
class RowDetector implements ItemProcessor<RowItem, RowResult> {

    /** Values remembered per column with their protected findings. */
    static final int CACHED_VALUES = 2048;

    /** The longest value remembered (longer ones are free text, rarely repeated). */
    static final int CACHED_LENGTH = 64;

    private final DetectionEngine engine;
    private final Map<String, ColumnValueDetector> columns;
    private final Map<String, ValueCache> caches = new ConcurrentHashMap<>();

    private final Protector protector;
    private final KeyedHasher hasher;
    private final String configHash;
    private final boolean wordTokens;
    private final List<String> accountPair;

    RowDetector(DetectionEngine engine, Protector protector, KeyedHasher hasher, String configHash,
            boolean wordTokens) {
        this(engine, Map.of(), protector, hasher, configHash, wordTokens, List.of());
    }

    /**
     * A detector that also reads a sort code and an account number kept in two columns as one pair.
     *
     * @param columns the detector of each column (from its verdict); a column not here is read as free text
     * @param accountPair the sort code column then the account number column (both read in full), or empty
     */
    RowDetector(DetectionEngine engine, Map<String, ColumnValueDetector> columns, Protector protector,
            KeyedHasher hasher, String configHash, boolean wordTokens, List<String> accountPair) {
        this.engine = engine;
        this.columns = new ConcurrentHashMap<>(columns);
        this.protector = protector;
        this.hasher = hasher;
        this.configHash = configHash;
        this.wordTokens = wordTokens;
        this.accountPair = List.copyOf(accountPair);
    }

    @Override
    public RowResult process(RowItem row) {
        Fingerprint fp = fingerprint(row);
        if (row.prior() != null && row.prior().unchangedSince(fp, configHash)) {
            return new RowResult.Unchanged(row.path(), fp);
        }
        List<ProtectedFinding> findings = new ArrayList<>();
        StringBuilder text = wordTokens ? new StringBuilder() : null;
        for (int i = 0; i < row.columns().size(); i++) {
            String value = row.values().get(i);
            if (value == null || value.isBlank()) {
                continue;
            }
            findings.addAll(detect(row.columns().get(i), value));
            if (text != null) {
                text.append(value).append('\n');
            }
        }
        if (accountPair.size() == 2) {
            String sortCode = row.values().get(row.columns().indexOf(accountPair.get(0)));
            String account = row.values().get(row.columns().indexOf(accountPair.get(1)));
            if (sortCode != null && account != null) {
                // the detector wants both in one text, as a letter or a form has them
                String pairText = "Sort code and account number: " + sortCode.strip() + " " + account.strip();
                FindingPosition position = new FindingPosition(accountPair.get(0) + "+" + accountPair.get(1), 0, 0,
                        0);
                for (Finding f : engine.detect(pairText, DetectionContext.DEFAULT)) {
                    if (f.type().name().equals("UK_SORT_CODE_ACCOUNT")) {
                        findings.add(protector.protect(f, position));
                    }
                }
            }
        }
        return new RowResult.Scanned(row.path(), fp, configHash, findings,
                text == null ? null : protector.wordTokenHashes(text));
    }

    /** The protected findings of one value of {@code column}. */
    private List<ProtectedFinding> detect(String column, String value) {
        ValueCache cache = value.length() <= CACHED_LENGTH ? caches.computeIfAbsent(column, c -> new ValueCache())
                : null;
        if (cache != null) {
            List<ProtectedFinding> known = cache.get(value);
            if (known != null) {
                return known;
            }
        }
        ColumnValueDetector detector = columns.computeIfAbsent(column,
                c -> ColumnValueDetector.fullText(engine, DetectionContext.forField(c)));
        FindingPosition position = new FindingPosition(column, 0, 0, 0);
        List<ProtectedFinding> found = new ArrayList<>();
        for (Finding f : detector.detect(value)) {
            found.add(protector.protect(f, position));
        }
        found = List.copyOf(found);
        if (cache != null) {
            cache.put(value, found);
        }
        return found;
    }

    /**
     * The protected findings of one column's recent values (least recently used out), in memory only. A column
     * whose values do not repeat (e-mail addresses, ids) stops being remembered after {@value #TRIAL} lookups
     * with under one in {@value #MIN_HIT_RATIO} found.
     */
    private static final class ValueCache {
        static final int TRIAL = 4096;
        static final int MIN_HIT_RATIO = 10;

        private final LinkedHashMap<String, List<ProtectedFinding>> values = new LinkedHashMap<>(CACHED_VALUES * 2,
                0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<ProtectedFinding>> eldest) {
                return size() > CACHED_VALUES;
            }
        };
        private int lookups;
        private int hits;
        private boolean off;

        synchronized List<ProtectedFinding> get(String value) {
            if (off) {
                return null;
            }
            List<ProtectedFinding> known = values.get(value);
            lookups++;
            if (known != null) {
                hits++;
            } else if (lookups == TRIAL && hits * MIN_HIT_RATIO < lookups) {
                off = true;
                values.clear();
            }
            return known;
        }

        synchronized void put(String value, List<ProtectedFinding> found) {
            if (!off) {
                values.put(value, found);
            }
        }
    }

    /**
     * The row's fingerprint: its size in characters with its version (watermark or {@code xmin}) when it has one,
     * else with a keyed hash of its values.
     */
    Fingerprint fingerprint(RowItem row) {
        long size = 0;
        StringBuilder joined = new StringBuilder();
        for (String v : row.values()) {
            size += v == null ? 0 : v.length();
            if (row.version() == null) {
                joined.append(v == null ? "\u0001" : v).append('\u0000');
            }
        }
        if (row.version() != null) {
            return Fingerprint.of(size, row.version());
        }
        return new Fingerprint(size, Fingerprint.UNKNOWN_TIME, hasher.hex("db-row", joined));
    }
}
