package dev.paydesk.workforce.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

class ErlangCTests {

    private static final MathContext MC = new MathContext(60);

    /** Erlang C from its textbook definition with exact factorials, as an independent check. */
    private static double directErlangC(int n, int a) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 0; k < n; k++) {
            sum = sum.add(term);
            term = term.multiply(BigDecimal.valueOf(a)).divide(BigDecimal.valueOf(k + 1L), MC);
        }
        BigDecimal top = term.multiply(BigDecimal.valueOf(n)).divide(BigDecimal.valueOf(n - a), MC);
        return top.divide(sum.add(top), MC).doubleValue();
    }

    @Test
    void erlangBMatchesTheWolframReferenceExample() {
        // Wolfram Language ErlangB documentation: 30 lines and 25 Erlang give a loss probability of about 0.05.
        assertThat(ErlangC.erlangB(30, 25)).isCloseTo(0.05, within(0.005));
    }

    @Test
    void probabilityOfWaitingMatchesTheTextbookExample() {
        // Textbook exercise (120 customers/hour, 3 min service, 10 servers, A = 6 Erlang) quoted on
        // math.stackexchange "probability of a customer joining a queue via Erlang C curve": "about 0.10".
        assertThat(ErlangC.probWait(10, 6)).isCloseTo(0.10, within(0.005));
    }

    @Test
    void callCentreHelperWorkedExample() {
        // Call Centre Helper, "Erlang C Formula - Made Simple With an Easy Worked Example": 100 calls per
        // 30 minutes, AHT 180 s (A = 10 Erlang), 80 % in 20 s. Published per-agent table:
        // 11 agents Pw 68.21 % SL 38.96 %; 12: 44.94 % / 64.02 %; 13: 28.53 % / 79.56 %; 14: 17.41 % / 88.84 %,
        // ASA 7.8 s at 14 agents; 14 agents needed, 20 with 30 % shrinkage.
        double[][] published = {{11, 0.6821, 0.3896}, {12, 0.4494, 0.6402}, {13, 0.2853, 0.7956}, {14, 0.1741, 0.8884}};
        for (double[] row : published) {
            QueueMetrics m = ErlangC.metrics((int) row[0], 10, 180, 20);
            assertThat(m.probWait()).as("Pw with %s agents", row[0]).isCloseTo(row[1], within(0.00006));
            assertThat(m.serviceLevel()).as("SL with %s agents", row[0]).isCloseTo(row[2], within(0.00006));
            assertThat(m.probWait()).isCloseTo(directErlangC((int) row[0], 10), within(1e-12));
        }
        assertThat(ErlangC.metrics(14, 10, 180, 20).asaSeconds()).isCloseTo(7.8, within(0.05));
        IntervalLoad load = new IntervalLoad(100, 1800, 180, 60);
        var plan = Staffing.required(QueueModel.ERLANG_C, load, new ServiceTarget(0.8, 20, 0.85, 1, 0.30));
        assertThat(plan.onPhone()).isEqualTo(14);
        assertThat(plan.scheduled()).isEqualTo(20);
    }

    @Test
    void westbayWorkedExample() {
        // Westbay Engineers, "The Erlang-C formula": 360 calls per half hour, 4 minute calls, 55 agents,
        // 15 s target: traffic 48 Erlang, occupancy 0.873, Pw 0.2387, ASA 8.18 s, service level 84.6 %.
        QueueMetrics m = Staffing.evaluate(QueueModel.ERLANG_C, new IntervalLoad(360, 1800, 240, 60), 55, 15);
        assertThat(m.occupancy()).isCloseTo(0.873, within(0.0005));
        assertThat(m.probWait()).isCloseTo(0.2387, within(0.00005));
        assertThat(m.asaSeconds()).isCloseTo(8.18, within(0.005));
        assertThat(m.serviceLevel()).isCloseTo(0.846, within(0.0005));
    }

    @Test
    void serviceLevelDefinitionsCoincideWithoutAbandonment() {
        QueueMetrics m = ErlangC.metrics(13, 10, 180, 20);
        assertThat(m.serviceLevelOfAnswered()).isEqualTo(m.serviceLevel());
        assertThat(m.waitWithin()).isEqualTo(m.serviceLevel());
        assertThat(ErlangC.metrics(13, 10, 180, 0).serviceLevel()).isCloseTo(1 - m.probWait(), within(1e-15));
    }

    @Test
    void staysFiniteForThousandsOfAgents() {
        QueueMetrics m = ErlangC.metrics(2000, 1900, 300, 20);
        assertThat(m.probWait()).isBetween(0.0, 1.0).isEqualTo(directErlangC(2000, 1900), within(1e-9));
        assertThat(m.serviceLevel()).isBetween(0.0, 1.0);
        assertThat(m.asaSeconds()).isFinite().isPositive();
        assertThat(ErlangC.erlangB(10_000, 9_500)).isBetween(0.0, 1.0);
        var plan = Staffing.required(QueueModel.ERLANG_C, new IntervalLoad(11_400, 1800, 300, 60), ServiceTarget.of(0.8, 20));
        assertThat(plan.onPhone()).isGreaterThan(1900).isLessThan(2000);
    }

    @Test
    void moreAgentsNeverHurt() {
        double previousSl = -1;
        double previousPw = 2;
        for (int n = 11; n < 40; n++) {
            QueueMetrics m = ErlangC.metrics(n, 10.5, 240, 20);
            assertThat(m.serviceLevel()).isGreaterThan(previousSl);
            assertThat(m.probWait()).isLessThan(previousPw);
            previousSl = m.serviceLevel();
            previousPw = m.probWait();
        }
    }

    @Test
    void anOverloadedQueueIsReportedAsSuch() {
        QueueMetrics m = ErlangC.metrics(10, 10, 180, 20);
        assertThat(m.serviceLevel()).isZero();
        assertThat(m.asaSeconds()).isInfinite();
        assertThat(m.probWait()).isEqualTo(1);
    }
}
