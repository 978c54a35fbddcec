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

    /** Recomputes every fact and rollup from the other modules' APIs; idempotent. */
    RebuildSummary rebuild();

    record RebuildSummary(long cases, long payments, long disputes, double seconds, List<String> warnings) {
    }
}
