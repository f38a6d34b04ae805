package org.piiscanner.scanner.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.classifiers.EntityType;
import org.piiscanner.classifiers.Finding;

/**
 * What is being evaluated: something that predicts typed spans in a text, and the types it can predict at all
 * (a gold type it cannot predict is reported as not detected instead of scoring zero).
 *
 * <p>Implementations must be safe to call from the evaluating thread; {@link #of(DetectionEngine)} is thread-safe.
 */
public interface SpanPredictor {

    /** Predicted spans in {@code text}, typed with our entity type names. */
    List<Span> predict(String text);

    /** Every type name {@link #predict} can return. */
    Set<String> types();

    /** The detection engine's findings as spans (offsets into the original text). */
    static SpanPredictor of(DetectionEngine engine) {
        Objects.requireNonNull(engine, "engine");
        Set<String> types = new TreeSet<>();
        for (EntityType t : engine.entityTypes()) {
            types.add(t.name());
        }
        return of(Set.copyOf(types), text -> {
            List<Finding> findings = engine.detect(text);
            List<Span> spans = new ArrayList<>(findings.size());
            for (Finding f : findings) {
                spans.add(new Span(f.type().name(), f.start(), f.end()));
            }
            return spans;
        });
    }

    /** A predictor from a function (for tests and other detectors). */
    static SpanPredictor of(Set<String> types, Function<String, List<Span>> predict) {
        Set<String> copy = Set.copyOf(types);
        Objects.requireNonNull(predict, "predict");
        return new SpanPredictor() {
            @Override
            public List<Span> predict(String text) {
                return predict.apply(text);
            }

            @Override
            public Set<String> types() {
                return copy;
            }
        };
    }
}
