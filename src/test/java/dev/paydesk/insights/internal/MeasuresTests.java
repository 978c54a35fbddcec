package dev.paydesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.paydesk.insights.Kpi;

class MeasuresTests {

    /** The nearest-rank worked example of Wikipedia's "Percentile" article: 15, 20, 35, 40, 50. */
    @Test
    void nearestRankMatchesTheTextbookExample() {
        TreeMap<Integer, Long> h = new TreeMap<>();
        for (int v : new int[]{15, 20, 35, 40, 50}) {
            h.merge(v, 1L, Long::sum);
        }
        assertThat(Measures.nearestRank(h, 5, 0.05)).isEqualTo(15);
        assertThat(Measures.nearestRank(h, 5, 0.30)).isEqualTo(20);
        assertThat(Measures.nearestRank(h, 5, 0.40)).isEqualTo(20);
        assertThat(Measures.nearestRank(h, 5, 0.50)).isEqualTo(35);
        assertThat(Measures.nearestRank(h, 5, 1.00)).isEqualTo(50);
    }

    @Test
    void ratesWithoutADenominatorHaveNoValueAndBacklogCountsOpenedMinusResolved() {
        Measures m = new Measures();
        assertThat(m.result(Kpi.FIRST_RESPONSE_ATTAINMENT).value()).isNull();
        m.add("fr_met", 3, 0);
        m.add("fr_breached", 1, 0);
        m.addBacklog(7);
        assertThat(m.result(Kpi.FIRST_RESPONSE_ATTAINMENT)).isEqualTo(new Measures.Result(0.75, 4));
        assertThat(m.result(Kpi.BACKLOG_OPEN)).isEqualTo(new Measures.Result(7.0, 7));
    }

    @Test
    void targetStatusRespectsTheDirectionOfTheKpi() {
        Targets.Target attainment = new Targets.Target("first_response_attainment", "DE", 0.9, 0.05);
        assertThat(Targets.status(Kpi.FIRST_RESPONSE_ATTAINMENT, attainment, 0.92)).isEqualTo("on_target");
        assertThat(Targets.status(Kpi.FIRST_RESPONSE_ATTAINMENT, attainment, 0.87)).isEqualTo("at_risk");
        assertThat(Targets.status(Kpi.FIRST_RESPONSE_ATTAINMENT, attainment, 0.80)).isEqualTo("off_target");
        Targets.Target failed = new Targets.Target("failed_refund_rate", "DE", 0.02, 0.01);
        assertThat(Targets.status(Kpi.FAILED_REFUND_RATE, failed, 0.01)).isEqualTo("on_target");
        assertThat(Targets.status(Kpi.FAILED_REFUND_RATE, failed, 0.025)).isEqualTo("at_risk");
        assertThat(Targets.status(Kpi.FAILED_REFUND_RATE, failed, 0.05)).isEqualTo("off_target");
    }
}
