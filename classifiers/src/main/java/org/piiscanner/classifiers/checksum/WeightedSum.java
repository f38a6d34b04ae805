package org.piiscanner.classifiers.checksum;

/**
 * Weighted digit sums, the core of most national check-digit schemes (modulus 11, 10, 37, 89...): the caller
 * applies its own modulus and mapping.
 *
 * <p>Stateless; never allocates.
 */
public final class WeightedSum {

    private WeightedSum() {
    }

    /**
     * The sum of {@code weights[i] * digit(d[from + i])} for {@code i < weights.length}.
     *
     * @param weights non-negative weights, one per digit read
     * @return the sum, or -1 if one of the characters read is not an ASCII digit or lies outside {@code d}
     */
    public static int of(char[] d, int from, int... weights) {
        if (from < 0 || from + weights.length > d.length) {
            return -1;
        }
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            int v = d[from + i] - '0';
            if (v < 0 || v > 9) {
                return -1;
            }
            sum += weights[i] * v;
        }
        return sum;
    }
}
