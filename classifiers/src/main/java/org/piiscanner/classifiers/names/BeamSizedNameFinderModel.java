package org.piiscanner.classifiers.names;

import java.io.IOException;
import java.io.InputStream;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.SequenceClassificationModel;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * A name-finder model read from a stream whose beam size is chosen at load time instead of taken from the model's
 * manifest (OpenNLP's default 3), so the tagging speed / accuracy trade-off can be set without retraining.
 * Immutable and thread-safe like its superclass.
 */
final class BeamSizedNameFinderModel extends TokenNameFinderModel {

    private final int beamSize;

    BeamSizedNameFinderModel(InputStream in, int beamSize) throws IOException {
        super(in);
        if (beamSize < 1) {
            throw new IllegalArgumentException("beam size must be >= 1: " + beamSize);
        }
        this.beamSize = beamSize;
    }

    /** The beam size used by name finders made from this model. */
    int beamSize() {
        return beamSize;
    }

    @Override
    public SequenceClassificationModel getNameFinderSequenceModel() {
        Object model = artifactMap.get("nameFinder.model");
        if (model instanceof MaxentModel maxent) {
            return new BeamSearch(beamSize, maxent);
        }
        return super.getNameFinderSequenceModel();
    }
}
