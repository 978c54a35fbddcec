package dev.paydesk.disputes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import dev.paydesk.disputes.ChargebackMonitoring.Level;
import dev.paydesk.disputes.ChargebackMonitoring.Ratio;

/**
 * Programme thresholds with the published defaults: Visa VAMP merchant excessive at 1.5 % with at least
 * 1,500 fraud reports + disputes (from 1 April 2026); Mastercard ECP excessive at 1.5 % and 100 chargebacks,
 * high excessive at 3 % and 300; Paydesk warns at 75 % of a ratio threshold.
 */
class RatioPolicyTests {

    private static final MonitoringProperties DEFAULTS = new MonitoringProperties(null, null, null, null, null, null, null);

    @Test
    void vampAddsFraudReportsToDisputesOverSettledTransactions() {
        // (600 + 1,000) / 100,000 = 1.6 % ≥ 1.5 % and 1,600 ≥ 1,500 → excessive
        Ratio r = RatioPolicy.vamp(600, 1_000, 100_000, DEFAULTS);
        assertThat(r.count()).isEqualTo(1_600);
        assertThat(r.ratio()).isCloseTo(0.016, within(1e-12));
        assertThat(r.level()).isEqualTo(Level.EXCESSIVE);
    }

    @Test
    void vampBelowTheCountMinimumOnlyWarns() {
        // 300 / 10,000 = 3 %, but 300 < 1,500: not enrolled, yet clearly worth a warning
        assertThat(RatioPolicy.vamp(100, 200, 10_000, DEFAULTS).level()).isEqualTo(Level.EARLY_WARNING);
        // 1,100 / 100,000 = 1.1 %: 75 % of 1.5 % is 1.125 % → still OK
        assertThat(RatioPolicy.vamp(100, 1_000, 100_000, DEFAULTS).level()).isEqualTo(Level.OK);
        // 1,200 / 100,000 = 1.2 % ≥ 1.125 % → early warning
        assertThat(RatioPolicy.vamp(200, 1_000, 100_000, DEFAULTS).level()).isEqualTo(Level.EARLY_WARNING);
    }

    @Test
    void ecpDividesByLastMonthsTransactions() {
        // 150 / 10,000 = 1.5 % and 150 ≥ 100 → excessive
        assertThat(RatioPolicy.ecp(150, 10_000, DEFAULTS).level()).isEqualTo(Level.EXCESSIVE);
        // 300 / 10,000 = 3 % and 300 ≥ 300 → high excessive
        assertThat(RatioPolicy.ecp(300, 10_000, DEFAULTS).level()).isEqualTo(Level.HIGH_EXCESSIVE);
        // 99 / 5,000 = 1.98 % but 99 < 100 → early warning only
        assertThat(RatioPolicy.ecp(99, 5_000, DEFAULTS).level()).isEqualTo(Level.EARLY_WARNING);
        assertThat(RatioPolicy.ecp(0, 0, DEFAULTS).ratio()).isZero();
    }

    @Test
    void thresholdsAreConfigurable() {
        MonitoringProperties strict = new MonitoringProperties(0.009, 1_000L, null, null, null, null, 0.5);
        // 1,000 / 100,000 = 1 % ≥ 0.9 % with 1,000 ≥ 1,000 → excessive under the stricter setting
        assertThat(RatioPolicy.vamp(0, 1_000, 100_000, strict).level()).isEqualTo(Level.EXCESSIVE);
    }
}
