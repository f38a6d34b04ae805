package org.piiscanner.scanner.subject;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.Finding;
import org.piiscanner.scanner.protect.HashedTerm;
import org.piiscanner.scanner.protect.Protector;
import org.piiscanner.scanner.protect.TermKind;

/**
 * The index terms a location's current content would get if it were scanned now: the detectors' findings through
 * the {@link Protector} (value hashes and name terms) plus the word-token hashes of the text, exactly as the file
 * scan builds a location's index document. Verification scores these with the request's identifiers, so "still
 * present" means "a scan now would find the person here". Thread-safe.
 */
final class ContentTerms {

    private final Protector protector;

    ContentTerms(Protector protector) {
        this.protector = Objects.requireNonNull(protector, "protector");
    }

    /** The terms of a text, with the detectors of {@code engine} (the scans' configuration). */
    Set<HashedTerm> ofText(String text, DetectionEngine engine) {
        Set<HashedTerm> terms = new HashSet<>();
        for (Finding f : engine.detect(text)) {
            terms.addAll(protector.protect(f).indexTerms());
        }
        for (String h : protector.wordTokenHashes(text)) {
            terms.add(new HashedTerm(TermKind.WORD, h));
        }
        return terms;
    }

    /** The terms of a document: its text and, if it has one, its metadata part's text (as the file scan does). */
    Set<HashedTerm> ofFile(Reread.FileText file, DetectionEngine engine) {
        Set<HashedTerm> terms = ofText(file.text(), engine);
        if (file.metadata() != null) {
            terms.addAll(ofText(file.metadata(), engine));
        }
        return terms;
    }

    /**
     * The terms of a row: each column's value as a text, plus each value hashed whole as the types the scan found
     * in its column (a structured column needs no context for its value to count).
     *
     * @param typesByColumn the entity types the store's findings have per column
     */
    Set<HashedTerm> ofRow(Map<String, String> columns, Map<String, List<String>> typesByColumn,
            DetectionEngine engine) {
        Set<HashedTerm> terms = new HashSet<>();
        for (Map.Entry<String, String> c : columns.entrySet()) {
            String value = c.getValue();
            if (value == null || value.isBlank()) {
                continue;
            }
            terms.addAll(ofText(value, engine));
            for (String type : typesByColumn.getOrDefault(c.getKey(), List.of())) {
                if (IdentifierTypes.PERSON.equals(type)) {
                    terms.addAll(protector.nameTerms(value));
                } else {
                    terms.add(protector.valueTerm(type, value));
                }
            }
        }
        return terms;
    }
}
