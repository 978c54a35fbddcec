package dev.paydesk.triage.classifier;

import java.util.List;

/**
 * Finds the temperature T maximising the posterior of softmax(logits / T): the negative
 * log-likelihood plus a Gaussian prior on ln T (mean 0, standard deviation 0.5). The prior matters only
 * for small or perfectly separated calibration sets, where the likelihood alone drives T to zero and
 * makes every answer look certain.
 */
final class TemperatureScaling {

    private static final double PRIOR_SD = 0.5;

    private TemperatureScaling() {
    }

    static double fit(List<double[]> logits, List<Integer> truth) {
        double lo = Math.log(0.2);
        double hi = Math.log(20);
        double golden = (Math.sqrt(5) - 1) / 2;
        for (int iteration = 0; iteration < 60; iteration++) {
            double a = hi - golden * (hi - lo);
            double b = lo + golden * (hi - lo);
            if (objective(logits, truth, a) < objective(logits, truth, b)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    private static double objective(List<double[]> logits, List<Integer> truth, double logT) {
        return nll(logits, truth, Math.exp(logT)) * logits.size() + logT * logT / (2 * PRIOR_SD * PRIOR_SD);
    }

    static double nll(List<double[]> logits, List<Integer> truth, double t) {
        double total = 0;
        for (int i = 0; i < logits.size(); i++) {
            double[] z = logits.get(i);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v / t);
            }
            double sum = 0;
            for (double v : z) {
                sum += Math.exp(v / t - max);
            }
            total += Math.log(sum) + max - z[truth.get(i)] / t;
        }
        return total / logits.size();
    }
}
