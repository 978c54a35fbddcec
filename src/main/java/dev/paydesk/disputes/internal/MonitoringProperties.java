package dev.paydesk.disputes.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code paydesk.disputes.monitoring.*}: programme thresholds. Defaults are the values published at the
 * time of writing:
 * <ul>
 * <li>Visa Acquirer Monitoring Program (VAMP, from 1 April 2025): ratio = (TC40 fraud reports + TC15
 * disputes) / TC05 settled card-not-present transactions; merchant "excessive" at 1.5 % from 1 April 2026
 * (2.2 % before) with at least 1,500 fraud reports and disputes in the month (Visa VAMP fact sheet and
 * Visa Business News, as summarised e.g. at docs.solidgate.com/risks/monitoring-programs/visa);</li>
 * <li>Mastercard Excessive Chargeback Program (ECP): chargeback-to-transaction ratio = chargebacks this
 * month / transactions last month; Excessive Chargeback Merchant at 1.5 % and 100 chargebacks, High
 * Excessive at 3 % and 300 (Mastercard Security Rules and Procedures, section 8.3).</li>
 * </ul>
 * {@code earlyWarningShare} (Paydesk's own choice, not a network value): warn once a ratio reaches this
 * share of its threshold.
 */
@ConfigurationProperties("paydesk.disputes.monitoring")
record MonitoringProperties(@Nullable Double vampExcessiveRatio, @Nullable Long vampMinimumCount,
                            @Nullable Double ecpExcessiveRatio, @Nullable Long ecpExcessiveCount,
                            @Nullable Double ecpHighRatio, @Nullable Long ecpHighCount,
                            @Nullable Double earlyWarningShare) {

    double vampRatio() { return vampExcessiveRatio == null ? 0.015 : vampExcessiveRatio; }
    long vampMinimum() { return vampMinimumCount == null ? 1500 : vampMinimumCount; }
    double ecpRatio() { return ecpExcessiveRatio == null ? 0.015 : ecpExcessiveRatio; }
    long ecpCount() { return ecpExcessiveCount == null ? 100 : ecpExcessiveCount; }
    double ecpHigh() { return ecpHighRatio == null ? 0.03 : ecpHighRatio; }
    long ecpHighMinimum() { return ecpHighCount == null ? 300 : ecpHighCount; }
    double warningShare() { return earlyWarningShare == null ? 0.75 : earlyWarningShare; }
}
