package dev.paydesk.triage;

/** Tail probabilities for the incident test. */
final class Distributions {

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};

    private Distributions() {
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos approximation, g = 7). */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double a = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (z + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** P(X ≥ k) for X ~ Poisson(λ). */
    static double poissonUpperTail(int k, double lambda) {
        if (k <= 0) {
            return 1;
        }
        double sum = 0;
        for (int x = k; ; x++) {
            double term = Math.exp(-lambda + x * Math.log(lambda) - logGamma(x + 1.0));
            sum += term;
            if (x > lambda && term < sum * 1e-15) {
                return Math.min(1, sum);
            }
        }
    }

    /**
     * P(X ≥ k) for the Gamma(shape, rate)–Poisson mixture: negative binomial with r = shape,
     * success probability p = rate / (rate + 1).
     */
    static double negativeBinomialUpperTail(int k, double shape, double rate) {
        if (k <= 0) {
            return 1;
        }
        double logP = Math.log(rate / (rate + 1));
        double logQ = Math.log(1 / (rate + 1));
        double mean = shape / rate;
        double sum = 0;
        for (int x = k; ; x++) {
            double term = Math.exp(logGamma(shape + x) - logGamma(shape) - logGamma(x + 1.0) + shape * logP + x * logQ);
            sum += term;
            if ((x > mean && term < sum * 1e-15) || x - k > 1_000_000) {
                return Math.min(1, sum);
            }
        }
    }
}
