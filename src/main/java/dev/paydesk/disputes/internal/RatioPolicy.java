package dev.paydesk.disputes.internal;

import dev.paydesk.disputes.ChargebackMonitoring.Level;
import dev.paydesk.disputes.ChargebackMonitoring.Ratio;

/** The programmes' formulas and levels (see {@link MonitoringProperties} for the sources). */
final class RatioPolicy {

    private RatioPolicy() {
    }

    /** VAMP: (fraud reports + disputes) / settled transactions of the same month; excessive needs both limits. */
    static Ratio vamp(long fraudReports, long disputes, long settled, MonitoringProperties p) {
        long count = fraudReports + disputes;
        double ratio = settled == 0 ? 0 : count / (double) settled;
        Level level = ratio >= p.vampRatio() && count >= p.vampMinimum() ? Level.EXCESSIVE
                : ratio >= p.vampRatio() * p.warningShare() ? Level.EARLY_WARNING : Level.OK;
        return new Ratio("Visa VAMP", count, settled, ratio, p.vampRatio(), p.vampMinimum(), level);
    }

    /** ECP: chargebacks this month / transactions of the previous month. */
    static Ratio ecp(long chargebacks, long previousMonthTransactions, MonitoringProperties p) {
        double ratio = previousMonthTransactions == 0 ? 0 : chargebacks / (double) previousMonthTransactions;
        Level level = ratio >= p.ecpHigh() && chargebacks >= p.ecpHighMinimum() ? Level.HIGH_EXCESSIVE
                : ratio >= p.ecpRatio() && chargebacks >= p.ecpCount() ? Level.EXCESSIVE
                : ratio >= p.ecpRatio() * p.warningShare() ? Level.EARLY_WARNING : Level.OK;
        return new Ratio("Mastercard ECP", chargebacks, previousMonthTransactions, ratio, p.ecpRatio(), p.ecpCount(),
                level);
    }
}
