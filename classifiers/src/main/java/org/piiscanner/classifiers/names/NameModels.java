package org.piiscanner.classifiers.names;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.ext.ExtensionLoader;

/**
 * The three OpenNLP models of the name pipeline: our name finder (PERSON, LOCATION, ORGANIZATION, trained by
 * {@link NameModelTrainer}) and the UD English-EWT sentence and token models from Maven Central.
 *
 * <p>OpenNLP models are immutable and thread-safe; the {@code *ME} tools made from them are not, which is why each
 * thread gets its own {@link NameTagger}. The bundled set is loaded once, on first use (about 0.5 s, ~200 MB of heap).
 */
public final class NameModels {

    /** Resource path of the bundled name-finder model. */
    public static final String NER_MODEL = "/org/piiscanner/classifiers/names/en-ner-pii.bin";
    static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    /** Beam size of the name finder (system property {@code piiscanner.ner.beam}, default 3). */
    static final int BEAM_SIZE = Integer.getInteger("piiscanner.ner.beam", 3);

    static {
        // The model's feature XML names our name-list feature generator; OpenNLP loads only allowed packages.
        ExtensionLoader.registerAllowedPackage(NameModels.class.getPackageName());
    }

    private static final class Holder {
        static final NameModels BUNDLED = loadBundled();
    }

    private final TokenNameFinderModel names;
    private final SentenceModel sentences;
    private final TokenizerModel tokens;

    private NameModels(TokenNameFinderModel names, SentenceModel sentences, TokenizerModel tokens) {
        this.names = names;
        this.sentences = sentences;
        this.tokens = tokens;
    }

    /** The bundled models (loaded once). */
    public static NameModels bundled() {
        return Holder.BUNDLED;
    }

    /** The bundled sentence and token models with another name-finder model file (for evaluation). */
    public static NameModels withNameModel(Path nameModel) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(nameModel))) {
            return new NameModels(new BeamSizedNameFinderModel(in, BEAM_SIZE), bundled().sentences,
                    bundled().tokens);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read name model " + nameModel, e);
        }
    }

    private static NameModels loadBundled() {
        try (InputStream n = open(NER_MODEL); InputStream s = open(SENTENCE_MODEL); InputStream t = open(TOKEN_MODEL)) {
            return new NameModels(new BeamSizedNameFinderModel(n, BEAM_SIZE), new SentenceModel(s),
                    new TokenizerModel(t));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the bundled OpenNLP models", e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = NameModels.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing model resource " + resource);
        }
        return new BufferedInputStream(in);
    }

    /** The name-finder model. */
    public TokenNameFinderModel names() {
        return names;
    }

    /** The UD English-EWT sentence model. */
    public SentenceModel sentences() {
        return sentences;
    }

    /** The UD English-EWT tokenizer model. */
    public TokenizerModel tokens() {
        return tokens;
    }
}
