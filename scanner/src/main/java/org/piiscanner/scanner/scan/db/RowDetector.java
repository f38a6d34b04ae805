package org.piiscanner.scanner.scan.db;

import java.util.ArrayList;
import java.util.List;
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
 * on unchanged without detection. Values leave it only as protected findings. Thread-safe.
 */
class RowDetector implements ItemProcessor<RowItem, RowResult> {

    private final DetectionEngine engine;
    private final Protector protector;
    private final KeyedHasher hasher;
    private final String configHash;
    private final boolean wordTokens;
    private final List<String> accountPair;

    RowDetector(DetectionEngine engine, Protector protector, KeyedHasher hasher, String configHash,
            boolean wordTokens) {
        this(engine, protector, hasher, configHash, wordTokens, List.of());
    }

    /**
     * A detector that also reads a sort code and an account number kept in two columns as one pair.
     *
     * @param accountPair the sort code column then the account number column (both read in full), or empty
     */
    RowDetector(DetectionEngine engine, Protector protector, KeyedHasher hasher, String configHash,
            boolean wordTokens, List<String> accountPair) {
        this.engine = engine;
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
            String column = row.columns().get(i);
            FindingPosition position = new FindingPosition(column, 0, 0, 0);
            for (Finding f : engine.detect(value, DetectionContext.forField(column))) {
                findings.add(protector.protect(f, position));
            }
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
