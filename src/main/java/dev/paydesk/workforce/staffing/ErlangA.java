package dev.paydesk.workforce.staffing;

import java.util.Arrays;

/**
 * Erlang A (Palm's M/M/n+M: Poisson arrivals, exponential handle times, exponential patience), exact.
 *
 * <p>With {@code x = nμ/θ}, {@code y = λ/θ} the queue-length weights are
 * {@code t_j = ∏_{k=1..j} λ/(nμ + kθ)} and {@code S = Σ t_j} is the function {@code A(x, y)} of
 * Garnett, Mandelbaum &amp; Reiman (2002) / Mandelbaum &amp; Zeltyn; then
 * {@code P(W>0) = S·E / (1 - E + S·E)} with {@code E} the Erlang B value. A contact that finds
 * {@code j} others waiting has virtual wait {@code V = Σ_{k=0..j} Exp(θ(x+k))}, whose tail is the
 * negative-binomial CDF {@code P(V>t) = P(NB(x, e^{-θt}) <= j)}; it is answered with probability
 * {@code x/(x+j+1)}, and answered within {@code t} with {@code x/(x+j+1)·P(NB(x+1, e^{-θt}) > j)}
 * (exponential tilting of the sum by its own patience). All sums run in log space, so thousands of
 * agents neither overflow nor underflow.
 */
public final class ErlangA {

    private static final double LOG_CUTOFF = 45;

    private ErlangA() {
    }

    /**
     * @param arrivalsPerSecond λ
     * @param ahtSeconds        1/μ
     * @param patienceSeconds   1/θ, mean patience
     * @param agents            n
     * @param thresholdSeconds  the service-level threshold t
     */
    public static QueueMetrics metrics(double arrivalsPerSecond, double ahtSeconds, double patienceSeconds,
            int agents, double thresholdSeconds) {
        if (!(ahtSeconds > 0) || !(patienceSeconds > 0) || !(arrivalsPerSecond >= 0) || agents < 0
                || thresholdSeconds < 0) {
            throw new IllegalArgumentException("rates must be positive and agents non-negative");
        }
        if (arrivalsPerSecond == 0) {
            return new QueueMetrics(agents, 1, 1, 1, 0, 0, 0, 0);
        }
        if (agents == 0) {
            return new QueueMetrics(0, 0, 0, 1 - Math.exp(-thresholdSeconds / patienceSeconds),
                    Double.POSITIVE_INFINITY, 0, 1, 1);
        }
        double mu = 1 / ahtSeconds;
        double theta = 1 / patienceSeconds;
        double lambda = arrivalsPerSecond;
        double[] logT = queueWeights(lambda, agents * mu, theta);
        double logS = logSumExp(logT);
        double erlangB = ErlangC.erlangB(agents, lambda / mu);
        double pWait = erlangB == 0 ? 0 : 1 / (1 + Math.exp(Math.log1p(-erlangB) - logS - Math.log(erlangB)));
        return fromWeights(logT, logS, pWait, agents, agents * mu / theta, theta * thresholdSeconds,
                thresholdSeconds, theta, lambda / mu);
    }

    private static QueueMetrics fromWeights(double[] logT, double logS, double pWait, int agents, double x,
            double thetaT, double thresholdSeconds, double theta, double erlangs) {
        double logP = -thetaT;
        double logQ = thetaT == 0 ? Double.NEGATIVE_INFINITY : Math.log(-Math.expm1(-thetaT));
        double logPmfX = x * logP;
        double logPmfX1 = (x + 1) * logP;
        double logCdfX = logPmfX;
        double logCdfX1 = logPmfX1;
        double answered = 0;
        double answeredWithin = 0;
        double stillWaitingAtT = 0;
        double waitOfAnswered = 0;
        double harmonic = 0;
        for (int j = 0; j < logT.length; j++) {
            if (j > 0) {
                logPmfX += Math.log(x + j - 1) - Math.log(j) + logQ;
                logPmfX1 += Math.log(x + j) - Math.log(j) + logQ;
                logCdfX = logAddExp(logCdfX, logPmfX);
                logCdfX1 = logAddExp(logCdfX1, logPmfX1);
            }
            double w = pWait * Math.exp(logT[j] - logS);
            double served = x / (x + j + 1);
            harmonic += 1 / (theta * (x + 1 + j));
            answered += w * served;
            answeredWithin += w * served * -Math.expm1(Math.min(logCdfX1, 0));
            stillWaitingAtT += w * Math.exp(-thetaT + Math.min(logCdfX, 0));
            waitOfAnswered += w * served * harmonic;
        }
        double pAbandon = clamp(pWait - answered);
        double answeredShare = 1 - pAbandon;
        double sl = clamp((1 - pWait) + answeredWithin);
        return new QueueMetrics(agents, sl, answeredShare > 0 ? clamp(sl / answeredShare) : 0,
                clamp(1 - stillWaitingAtT),
                answeredShare > 0 ? waitOfAnswered / answeredShare : Double.POSITIVE_INFINITY,
                clamp(erlangs * answeredShare / agents), clamp(pWait), pAbandon);
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }

    /** log t_j for j = 0.. until the weights are negligible past their peak. */
    static double[] queueWeights(double lambda, double serviceRate, double theta) {
        double[] logT = new double[64];
        double current = 0;
        double max = 0;
        int j = 0;
        logT[0] = 0;
        while (true) {
            j++;
            double ratio = lambda / (serviceRate + j * theta);
            current += Math.log(ratio);
            max = Math.max(max, current);
            if (ratio < 1 && current < max - LOG_CUTOFF) {
                return Arrays.copyOf(logT, j);
            }
            if (j >= 50_000_000) {
                throw new IllegalArgumentException("patience too long for the Erlang A series");
            }
            if (j == logT.length) {
                logT = Arrays.copyOf(logT, j * 2);
            }
            logT[j] = current;
        }
    }

    static double logSumExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : values) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    static double logAddExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double max = Math.max(a, b);
        return max + Math.log1p(Math.exp(-Math.abs(a - b)));
    }
}
