package dev.paydesk.insights;

import java.util.List;
import java.util.Map;

/** KPIs from the rollups, the records behind them, and the rebuild. Reads are scoped to the caller's markets. */
public interface Insights {

    /** Every KPI of the catalogue for the request (one value per KPI and group). */
    List<KpiValue> kpis(KpiRequest request);

    /** The records behind one KPI's value ({@code total} of them; a page from {@code offset}). */
    Records records(Kpi kpi, KpiRequest request, int limit, int offset);

    /** A page of drill-down records. */
    record Records(String key, long total, List<Map<String, Object>> records) {
    }

    /** One KPI per local day of the request (not for backlog_open, a stock rather than a flow). */
    List<DayValue> series(Kpi kpi, KpiRequest request);

    record DayValue(java.time.LocalDate day, @org.jspecify.annotations.Nullable Double value, long sample) {
    }

    /** Targets of the caller's markets. */
    List<KpiTarget> targets();

    /** Sets the target of a KPI in a market (process managers and admins; audited). */
    KpiTarget setTarget(Kpi kpi, String market, double target, double atRiskMargin);

    /**
     * @param atRiskMargin how far on the wrong side of the target still counts as at risk rather than off target
     */
    record KpiTarget(String kpi, String market, double target, double atRiskMargin) {
    }

    /** The latest target crossings in the caller's markets, newest first. */
    List<TargetAlert> alerts(int limit);

    /** A KPI crossed its target: {@code status} now, {@code previous} before (null the first time). */
    record TargetAlert(long id, String kpi, String market, String status, @org.jspecify.annotations.Nullable String previous,
                       double value, double target, java.time.Instant at) {
    }

    /** Recomputes every fact and rollup from the other modules' APIs; idempotent. */
    RebuildSummary rebuild();

    record RebuildSummary(long cases, long payments, long disputes, double seconds, List<String> warnings) {
    }
}
