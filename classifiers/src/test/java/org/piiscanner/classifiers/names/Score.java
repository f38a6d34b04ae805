package org.piiscanner.classifiers.names;

import java.util.Locale;

/** Exact-span precision / recall / F1 counts. Not thread-safe. */
final class Score {
    int truePositives;
    int falsePositives;
    int falseNegatives;

    double precision() {
        return truePositives + falsePositives == 0 ? 0 : truePositives / (double) (truePositives + falsePositives);
    }

    double recall() {
        return truePositives + falseNegatives == 0 ? 0 : truePositives / (double) (truePositives + falseNegatives);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", precision(), recall(), f1(),
                truePositives, falsePositives, falseNegatives);
    }
}
