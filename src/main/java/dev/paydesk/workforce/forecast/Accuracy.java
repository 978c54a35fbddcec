package dev.paydesk.workforce.forecast;

/**
 * Forecast accuracy over a set of intervals.
 *
 * @param wape  Σ|F−A| / ΣA (weighted absolute percentage error, 0..)
 * @param mape  mean of |F−A|/A over intervals with A &gt; 0
 * @param bias  Σ(F−A) / ΣA (positive = over-forecast)
 * @param intervals number of intervals scored
 */
public record Accuracy(double wape, double mape, double bias, int intervals) {

    /** Accumulates intervals; not thread-safe. */
    public static final class Tally {
        private double absError;
        private double error;
        private double actualSum;
        private double apeSum;
        private int apeCount;
        private int count;

        public Tally add(double forecast, double actual) {
            absError += Math.abs(forecast - actual);
            error += forecast - actual;
            actualSum += actual;
            if (actual > 0) {
                apeSum += Math.abs(forecast - actual) / actual;
                apeCount++;
            }
            count++;
            return this;
        }

        public Accuracy result() {
            return new Accuracy(actualSum > 0 ? absError / actualSum : 0, apeCount > 0 ? apeSum / apeCount : 0,
                    actualSum > 0 ? error / actualSum : 0, count);
        }
    }
}
