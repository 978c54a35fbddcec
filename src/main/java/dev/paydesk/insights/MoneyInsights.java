package dev.paydesk.insights;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Money KPIs per currency and, converted with the imported daily reference rates, in the configured reporting
 * currency ({@code paydesk.insights.reporting-currency}). Amounts are long minor units of their currency.
 */
public interface MoneyInsights {

    /** The money keys, in the order the dashboard shows them. */
    List<String> KEYS = List.of("money_at_risk", "money_recovered", "money_lost", "captured_amount",
            "refunded_amount", "failed_refund_amount");

    /** The duration keys (not money). */
    List<String> TIMINGS = List.of("refund_settle_hours_p50", "refund_settle_hours_p90");

    /** Every money figure for the request's period and market (money filters by market only). */
    MoneyReport money(KpiRequest request);

    /** The records behind one figure: {@code currency} null for the reporting-currency figure (all currencies). */
    Insights.Records records(String key, KpiRequest request, @Nullable String currency, int limit, int offset);

    /**
     * @param notes what could not be converted, and which days used an earlier day's rate
     */
    record MoneyReport(LocalDate from, LocalDate to, @Nullable String market, String reportingCurrency,
                       List<MoneyFigure> figures, List<Timing> timings, List<String> notes) {
    }

    /**
     * One money figure in one currency: {@code reporting} marks the figure converted into the reporting currency
     * (all currencies together; {@code amountMinor} null when some amount had no rate, see {@code note}).
     * {@code count} records lie behind it (the drill-down's length); {@code byKind} splits the amount by finding
     * type, money action type or dispute status (per-currency figures only).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MoneyFigure(String key, String currency, boolean reporting, @Nullable Long amountMinor, long count,
                       @Nullable Long previousAmountMinor, long previousCount, @Nullable Map<String, Long> byKind,
                       String drilldown, @Nullable String note) {
    }

    /**
     * Visa VAMP and Mastercard ECP ratios per merchant account and month, the {@code months} months up to {@code to},
     * against the thresholds the disputes module applies ({@code dev.paydesk.disputes.ChargebackMonitoring}).
     */
    List<RatioPoint> chargebackTrend(java.time.YearMonth to, int months);

    /** One programme's ratio for one account and month; {@code level} OK, EARLY_WARNING, EXCESSIVE or HIGH_EXCESSIVE. */
    record RatioPoint(java.time.YearMonth month, String merchantAccount, String programme, long count, long transactions,
                      double ratio, double threshold, long minimumCount, String level) {
    }

    /** A duration KPI (hours, nearest rank over whole minutes) with its sample and the previous period's value. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Timing(String key, @Nullable Double value, long sample, @Nullable Double previous, String drilldown) {
    }
}
