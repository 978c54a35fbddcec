package dev.paydesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IncidentDetectorTests {

    private static final int WEEKS = 8;
    private static final int HISTORY = WEEKS * IncidentDetector.HOURS_PER_WEEK;
    private static final int CELLS = 200;

    private final Random random = new Random(4242);
    private final IncidentDetector detector = new IncidentDetector(0.01, 2, 5);

    @Test
    void poissonTailMatchesPublishedTables() {
        // Cumulative Poisson tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.6.19): P(X <= 9 | 3) = 0.9989, P(X <= 4 | 1) = 0.9963
        assertThat(Distributions.poissonUpperTail(10, 3)).isCloseTo(1 - 0.9989, offset(1e-4));
        assertThat(Distributions.poissonUpperTail(5, 1)).isCloseTo(1 - 0.9963, offset(1e-4));
        assertThat(Distributions.poissonUpperTail(0, 5)).isEqualTo(1);
    }

    @Test
    void negativeBinomialTailApproachesPoissonWhenTheBaselineIsCertain() {
        double shape = 3e6;
        double rate = 1e6;
        assertThat(Distributions.negativeBinomialUpperTail(10, shape, rate))
                .isCloseTo(Distributions.poissonUpperTail(10, 3), offset(1e-5));
        assertThat(Distributions.negativeBinomialUpperTail(10, 3, 1))
                .as("an uncertain baseline gives a larger tail").isGreaterThan(Distributions.poissonUpperTail(10, 3));
    }

    @Test
    void quietSeasonalPoissonTrafficRarelyAlarms() {
        double[] base = baseRates();
        int hoursTested = 150;
        int hoursWithAlarm = 0;
        int alarms = 0;
        for (int h = 0; h < hoursTested; h++) {
            List<IncidentDetector.CellTraffic> traffic = new ArrayList<>();
            for (int c = 0; c < CELLS; c++) {
                int[] history = new int[HISTORY];
                for (int i = 0; i < HISTORY; i++) {
                    history[i] = poisson(rate(base[c], h + i));
                }
                traffic.add(new IncidentDetector.CellTraffic(cell(c), poisson(rate(base[c], h + HISTORY)), history));
            }
            List<IncidentDetector.Alarm> found = detector.detect(traffic, CELLS);
            alarms += found.size();
            hoursWithAlarm += found.isEmpty() ? 0 : 1;
        }
        // FDR 1 % under the global null bounds P(any alarm in an hour) by about 1 %; allow sampling noise.
        assertThat(hoursWithAlarm).isLessThanOrEqualTo(5);
        assertThat((double) alarms / (hoursTested * CELLS)).isLessThan(0.001);
    }

    @Test
    void detectsAnInjectedSpikeAndOnlyThatCell() {
        double[] base = baseRates();
        int detected = 0;
        int otherAlarms = 0;
        for (int trial = 0; trial < 20; trial++) {
            int spiked = random.nextInt(CELLS);
            List<IncidentDetector.CellTraffic> traffic = new ArrayList<>();
            for (int c = 0; c < CELLS; c++) {
                int[] history = new int[HISTORY];
                for (int i = 0; i < HISTORY; i++) {
                    history[i] = poisson(rate(base[c], trial + i));
                }
                double now = rate(base[c], trial + HISTORY);
                int observed = poisson(c == spiked ? 3 * now + 10 : now);
                traffic.add(new IncidentDetector.CellTraffic(cell(c), observed, history));
            }
            for (IncidentDetector.Alarm alarm : detector.detect(traffic, CELLS)) {
                if (alarm.cell().equals(cell(spiked))) {
                    detected++;
                    assertThat(alarm.observed()).isGreaterThan((int) alarm.expected());
                } else {
                    otherAlarms++;
                }
            }
        }
        assertThat(detected).isGreaterThanOrEqualTo(18);
        assertThat(otherAlarms).isLessThanOrEqualTo(2);
    }

    @Test
    void baselineFollowsTheHourOfWeek() {
        int[] history = new int[HISTORY];
        for (int i = 0; i < HISTORY; i++) {
            history[i] = i % IncidentDetector.HOURS_PER_WEEK == 0 ? 40 : 2;
        }
        double[] busy = detector.posterior(history);
        int[] shifted = new int[HISTORY];
        System.arraycopy(history, 1, shifted, 0, HISTORY - 1);
        shifted[HISTORY - 1] = 2;
        double[] quiet = detector.posterior(shifted);
        // 8 weekly observations of 40 plus a prior of 2 hours at the overall mean (about 2.2)
        assertThat(busy[0] / busy[1]).isCloseTo((8 * 40 + 2 * (2 + 38.0 / 168)) / 10, offset(0.01));
        assertThat(quiet[0] / quiet[1]).isLessThan(3);
    }

    private double[] baseRates() {
        double[] base = new double[CELLS];
        for (int c = 0; c < CELLS; c++) {
            base[c] = 0.3 + 30 * Math.pow(random.nextDouble(), 2);
        }
        return base;
    }

    /** Daily cycle: busy afternoons, quiet nights; quieter weekends. */
    private static double rate(double base, int hour) {
        int hourOfDay = hour % 24;
        int day = (hour / 24) % 7;
        double daily = 1 + 0.8 * Math.sin(2 * Math.PI * (hourOfDay - 9) / 24);
        return base * daily * (day >= 5 ? 0.6 : 1.0);
    }

    private static Cell cell(int c) {
        return new Cell("cat" + c % 10, "psp" + c % 4, "DE", "m" + c / 40);
    }

    /** Knuth's multiplication method for small means, normal approximation above 60. */
    private int poisson(double lambda) {
        if (lambda > 60) {
            return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
