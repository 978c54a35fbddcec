package dev.paydesk.workforce.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangATests {

    private static final double LAMBDA = 100.0 / 1800; // 100 calls per half hour
    private static final double AHT = 180;
    private static final double PATIENCE = 120;

    /** Stationary distribution of the M/M/n+M birth-death chain, truncated far out: an independent check. */
    private static double[] stationary(double lambda, double mu, double theta, int n, int states) {
        double[] p = new double[states];
        p[0] = 1;
        double total = 1;
        for (int k = 1; k < states; k++) {
            double death = Math.min(k, n) * mu + Math.max(0, k - n) * theta;
            p[k] = p[k - 1] * lambda / death;
            total += p[k];
        }
        for (int k = 0; k < states; k++) {
            p[k] /= total;
        }
        return p;
    }

    @Test
    void waitingAndAbandonmentMatchTheBirthDeathChain() {
        for (int n = 6; n <= 14; n++) {
            double[] p = stationary(LAMBDA, 1 / AHT, 1 / PATIENCE, n, 400);
            double pWait = 0;
            double queue = 0;
            for (int k = n; k < p.length; k++) {
                pWait += p[k];
                queue += (k - n) * p[k];
            }
            QueueMetrics m = ErlangA.metrics(LAMBDA, AHT, PATIENCE, n, 20);
            assertThat(m.probWait()).as("P(W>0), n=%d", n).isCloseTo(pWait, within(1e-10));
            // Little's law for the abandoners: lambda * P(Ab) = theta * E[Q]
            assertThat(m.probAbandon()).as("P(Ab), n=%d", n).isCloseTo(queue / PATIENCE / LAMBDA, within(1e-10));
        }
    }

    @Test
    void abandonmentMatchesTheGarnettMandelbaumReimanIdentity() {
        // Garnett, Mandelbaum & Reiman (2002), Erlang-A: P(Ab | W>0) = 1/(rho*A(x,y)) + 1 - 1/rho with
        // rho = lambda/(n mu) and A(x,y) = sum_j prod_{k<=j} lambda/(n mu + k theta).
        int n = 9;
        double mu = 1 / AHT;
        double theta = 1 / PATIENCE;
        double a = 0;
        double term = 1;
        for (int j = 0; j < 2000; j++) {
            a += term;
            term *= LAMBDA / (n * mu + (j + 1) * theta);
        }
        double rho = LAMBDA / (n * mu);
        QueueMetrics m = ErlangA.metrics(LAMBDA, AHT, PATIENCE, n, 20);
        assertThat(m.probAbandon() / m.probWait()).isCloseTo(1 / (rho * a) + 1 - 1 / rho, within(1e-12));
    }

    @Test
    void answeredWithinThresholdMatchesANumericalIntegrationOfTheQueue() {
        int n = 10;
        double t = 20;
        QueueMetrics m = ErlangA.metrics(LAMBDA, AHT, PATIENCE, n, t);
        double[] p = stationary(LAMBDA, 1 / AHT, 1 / PATIENCE, n, 300);
        // state j = number ahead of a tagged waiting contact; RK4 on the forward equations, absorbing
        // "served" (rate n*mu from j = 0) and "abandoned" (own rate theta from every state).
        double[] state = new double[300 - n];
        for (int j = 0; j < state.length; j++) {
            state[j] = p[n + j];
        }
        double served = 0;
        double dt = 0.01;
        for (double time = 0; time < t - 1e-9; time += dt) {
            double[] k1 = drift(state, n);
            double[] k2 = drift(add(state, k1, dt / 2), n);
            double[] k3 = drift(add(state, k2, dt / 2), n);
            double[] k4 = drift(add(state, k3, dt), n);
            double s1 = state[0];
            double s2 = s1 + k1[0] * dt / 2;
            double s3 = s1 + k2[0] * dt / 2;
            double s4 = s1 + k3[0] * dt;
            served += dt / 6 * (n / AHT) * (s1 + 2 * s2 + 2 * s3 + s4);
            for (int j = 0; j < state.length; j++) {
                state[j] += dt / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
            }
        }
        double immediate = 1 - m.probWait();
        assertThat(m.serviceLevel()).isCloseTo(immediate + served, within(1e-7));
        assertThat(m.serviceLevelOfAnswered()).isCloseTo((immediate + served) / (1 - m.probAbandon()), within(1e-7));
    }

    private static double[] drift(double[] s, int n) {
        double mu = 1 / AHT;
        double theta = 1 / PATIENCE;
        double[] d = new double[s.length];
        for (int j = 0; j < s.length; j++) {
            double out = (j == 0 ? n * mu : n * mu + j * theta) + theta;
            d[j] -= out * s[j];
            if (j > 0) {
                d[j - 1] += (n * mu + j * theta) * s[j];
            }
        }
        return d;
    }

    private static double[] add(double[] s, double[] k, double h) {
        double[] r = new double[s.length];
        for (int j = 0; j < s.length; j++) {
            r[j] = s[j] + h * k[j];
        }
        return r;
    }

    @Test
    void serviceLevelDefinitionsArePinned() {
        QueueMetrics m = ErlangA.metrics(LAMBDA, AHT, PATIENCE, 11, 20);
        // answered within t over offered < over answered; P(wait <= t) also counts early abandoners
        assertThat(m.serviceLevel()).isLessThan(m.serviceLevelOfAnswered());
        assertThat(m.waitWithin()).isGreaterThan(m.serviceLevel());
        QueueMetrics zero = ErlangA.metrics(LAMBDA, AHT, PATIENCE, 11, 0);
        assertThat(zero.serviceLevel()).isCloseTo(1 - zero.probWait(), within(1e-12));
        QueueMetrics forever = ErlangA.metrics(LAMBDA, AHT, PATIENCE, 11, 1e6);
        assertThat(forever.serviceLevel()).isCloseTo(1 - forever.probAbandon(), within(1e-9));
        assertThat(forever.serviceLevelOfAnswered()).isCloseTo(1, within(1e-9));
    }

    @Test
    void veryPatientCallersGiveErlangC() {
        QueueMetrics a = ErlangA.metrics(LAMBDA, AHT, 1e9, 12, 20);
        QueueMetrics c = ErlangC.metrics(12, LAMBDA * AHT, AHT, 20);
        assertThat(a.probWait()).isCloseTo(c.probWait(), within(1e-5));
        assertThat(a.serviceLevel()).isCloseTo(c.serviceLevel(), within(1e-5));
        assertThat(a.asaSeconds()).isCloseTo(c.asaSeconds(), within(1e-2));
        assertThat(a.probAbandon()).isCloseTo(0, within(1e-5));
    }

    @Test
    void staysFiniteForThousandsOfAgentsAndOverload() {
        double lambda = 1900.0 / 300;
        QueueMetrics m = ErlangA.metrics(lambda, 300, 180, 2000, 20);
        assertThat(m.serviceLevel()).isBetween(0.0, 1.0);
        assertThat(m.probWait()).isBetween(0.0, 1.0);
        assertThat(m.asaSeconds()).isFinite();
        assertThat(m.probWait()).isLessThan(ErlangC.probWait(2000, 1900));
        QueueMetrics overloaded = ErlangA.metrics(lambda, 300, 180, 1500, 20);
        assertThat(overloaded.probAbandon()).isBetween(0.2, 1.0);
        assertThat(overloaded.occupancy()).isBetween(0.99, 1.0);
        assertThat(overloaded.asaSeconds()).isFinite();
    }

    @Test
    void moreAgentsMeanLessAbandonmentAndBetterService() {
        double previousSl = -1;
        double previousAb = 2;
        for (int n = 1; n < 30; n++) {
            QueueMetrics m = ErlangA.metrics(LAMBDA, AHT, PATIENCE, n, 20);
            assertThat(m.serviceLevel()).isGreaterThan(previousSl);
            assertThat(m.probAbandon()).isLessThan(previousAb);
            previousSl = m.serviceLevel();
            previousAb = m.probAbandon();
        }
    }

    @Test
    void staffingForAnAbandonmentTarget() {
        IntervalLoad load = new IntervalLoad(100, 1800, AHT, PATIENCE);
        var plan = Staffing.required(QueueModel.ERLANG_A, load, new ServiceTarget(0, 20, 1, 0.02, 0));
        assertThat(plan.metrics().probAbandon()).isLessThanOrEqualTo(0.02);
        assertThat(Staffing.evaluate(QueueModel.ERLANG_A, load, plan.onPhone() - 1, 20).probAbandon()).isGreaterThan(0.02);
        var bySl = Staffing.required(QueueModel.ERLANG_A, load, ServiceTarget.of(0.8, 20));
        var byC = Staffing.required(QueueModel.ERLANG_C, load, ServiceTarget.of(0.8, 20));
        assertThat(bySl.onPhone()).isLessThanOrEqualTo(byC.onPhone());
        assertThat(Staffing.evaluate(QueueModel.ERLANG_A, load, bySl.onPhone() - 1, 20).serviceLevel()).isLessThan(0.8);
    }
}
