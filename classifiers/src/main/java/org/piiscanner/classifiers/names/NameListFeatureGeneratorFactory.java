package org.piiscanner.classifiers.names;

import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * OpenNLP feature generator factory for the bundled name lists: for a capitalised or all-capitals token it emits
 * {@code nl=} plus {@code G} (given name), {@code S} (surname) and {@code c} (among the most frequent), and the same
 * for the previous and next token ({@code nl-1=}, {@code nl+1=}).
 *
 * <p>Referenced by class name from the model's feature XML, so the class name is part of the trained model's
 * format: do not rename it without retraining. Thread-safe (stateless apart from the shared lists).
 */
public final class NameListFeatureGeneratorFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

    /** Creates the factory (called reflectively by OpenNLP's feature XML loader). */
    public NameListFeatureGeneratorFactory() {
    }

    @Override
    public AdaptiveFeatureGenerator create() {
        return new Generator(NameLists.get());
    }

    /** The generator: stateless, no adaptive data. */
    static final class Generator implements AdaptiveFeatureGenerator {
        private final NameLists lists;

        Generator(NameLists lists) {
            this.lists = lists;
        }

        @Override
        public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
            String here = code(tokens[index]);
            if (here != null) {
                features.add("nl=" + here);
            }
            if (index > 0) {
                String prev = code(tokens[index - 1]);
                if (prev != null) {
                    features.add("nl-1=" + prev);
                }
            }
            if (index + 1 < tokens.length) {
                String next = code(tokens[index + 1]);
                if (next != null) {
                    features.add("nl+1=" + next);
                }
            }
        }

        private String code(String token) {
            if (token.length() < 2 || !Character.isUpperCase(token.charAt(0))) {
                return null;
            }
            int f = lists.flags(token);
            if (f == 0) {
                return null;
            }
            StringBuilder sb = new StringBuilder(4);
            if ((f & NameLists.GIVEN) != 0) {
                sb.append((f & NameLists.COMMON_GIVEN) != 0 ? "Gc" : "G");
            }
            if ((f & NameLists.SURNAME) != 0) {
                sb.append((f & NameLists.COMMON_SURNAME) != 0 ? "Sc" : "S");
            }
            return sb.toString();
        }
    }
}
