package org.piiscanner.classifiers.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads the bundled name-finder model and checks person scores on a committed sample of the UNER English-EWT e-mail
 * test set (174 sentences, 51 person mentions; see the NOTICE beside it). The floors are the measured values minus
 * a small margin: retraining or a rule change that loses names fails here.
 */
class NameModelScoreFloorTest {

    /** Measured on the sample with the committed model: model alone on gold tokens, F1 0.828 (P .854 R .804). */
    static final double MODEL_F1 = 0.828;
    /** Measured on the sample with the committed model: whole text pipeline with rules, F1 0.884 (P .955 R .824). */
    static final double PIPELINE_F1 = 0.884;
    /** About one name of the sample's 51: a retrained model must not lose more. */
    static final double MARGIN = 0.02;

    private static List<NerCorpus.Document> docs;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = NameModelScoreFloorTest.class.getResourceAsStream("ewt-test-email-sample.txt")) {
            docs = NerCorpus.read(in);
        }
    }

    @Test
    void sampleIsTheCommittedOne() {
        int persons = 0;
        int sentences = 0;
        for (NerCorpus.Document d : docs) {
            sentences += d.sentences().size();
            persons += (int) d.gold().stream().filter(g -> g.type().equals("person")).count();
        }
        assertThat(docs).hasSize(9);
        assertThat(sentences).isEqualTo(174);
        assertThat(persons).isEqualTo(51);
    }

    @Test
    void modelAloneOnGoldTokensKeepsItsScore() {
        Score s = NameEvaluation.modelOnTokens(new NameTagger(NameModels.bundled(), false), docs);
        assertThat(s.f1()).as("model F1 on the sample: %s", s).isGreaterThanOrEqualTo(MODEL_F1 - MARGIN);
    }

    @Test
    void wholePipelineWithRulesKeepsItsScore() {
        Score s = NameEvaluation.pipeline(new NameTagger(NameModels.bundled()), docs, 0, "");
        assertThat(s.f1()).as("pipeline F1 on the sample: %s", s).isGreaterThanOrEqualTo(PIPELINE_F1 - MARGIN);
    }
}
