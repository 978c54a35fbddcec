package dev.paydesk.disputes;

import java.time.YearMonth;
import java.util.List;

/**
 * Chargeback ratios per merchant account and month against the card networks' monitoring programmes:
 * Visa's VAMP ratio and Mastercard's Excessive Chargeback Program ratio, with an early warning below
 * each threshold. Thresholds are configuration; the defaults are the published values (see docs).
 */
public interface ChargebackMonitoring {

    YearMonth currentMonth();

    List<AccountRatios> ratios(YearMonth month);

    enum Level { OK, EARLY_WARNING, EXCESSIVE, HIGH_EXCESSIVE }

    /**
     * @param count the programme's numerator (VAMP: disputes plus fraud reports; ECP: chargebacks)
     * @param transactions the denominator (VAMP: this month's settled transactions; ECP: last month's)
     */
    record Ratio(String programme, long count, long transactions, double ratio, double threshold, long minimumCount,
                 Level level) {
    }

    record AccountRatios(String merchantAccount, YearMonth month, Ratio visaVamp, Ratio mastercardEcp) {

        public Level worst() {
            return visaVamp.level().compareTo(mastercardEcp.level()) >= 0 ? visaVamp.level() : mastercardEcp.level();
        }
    }
}
