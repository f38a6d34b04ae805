package org.piiscanner.scanner.testing;

import java.util.List;
import org.piiscanner.classifiers.ContextEffect;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Explanation;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.classifiers.Validation;
import org.piiscanner.scanner.protect.FindingPosition;
import org.piiscanner.scanner.protect.KeyedHasher;
import org.piiscanner.scanner.protect.ProtectedFinding;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.protect.ValueNormalizer;

/** Findings and protectors for tests (synthetic and published test values only). */
public final class Fixtures {

    /** The person-name type (built in once the names detector is merged). */
    public static final EntityType PERSON = EntityType.builtIn("PERSON")
            .orElseGet(() -> EntityType.custom("PERSON", DataCategory.IDENTITY));

    private Fixtures() {
    }

    /** A protector under a fixed test key. */
    public static Protector protector() {
        return protector(1);
    }

    /** A protector under test key number {@code seed}. */
    public static Protector protector(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 17 + i);
        }
        return new Protector(new ValueNormalizer(), new KeyedHasher(key));
    }

    /** A detector-like finding of {@code raw} at {@code start}. */
    public static Finding finding(EntityType type, String raw, int start) {
        Explanation e = new Explanation(type.name().toLowerCase(java.util.Locale.ROOT), type.name() + " (test)",
                0.5, Validation.VALID, List.of(new ContextEffect("context word", 0.2)), 0.7, "");
        return new Finding(type, start, start + raw.length(), 0.7, false, e, raw);
    }

    /** {@link #finding} protected, on line {@code line}. */
    public static ProtectedFinding protectedFinding(Protector protector, EntityType type, String raw, int start,
            int line) {
        return protector.protect(finding(type, raw, start), new FindingPosition("page 1", 1, line, 3));
    }
}
