package dev.paydesk.triage.classifier;

import java.util.List;

/** Finds the temperature T minimising the negative log-likelihood of softmax(logits / T). */
final class TemperatureScaling {

    private TemperatureScaling() {
    }

    static double fit(List<double[]> logits, List<Integer> truth) {
        double lo = Math.log(0.05);
        double hi = Math.log(20);
        double golden = (Math.sqrt(5) - 1) / 2;
        for (int iteration = 0; iteration < 60; iteration++) {
            double a = hi - golden * (hi - lo);
            double b = lo + golden * (hi - lo);
            if (nll(logits, truth, Math.exp(a)) < nll(logits, truth, Math.exp(b))) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return Math.exp((lo + hi) / 2);
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
