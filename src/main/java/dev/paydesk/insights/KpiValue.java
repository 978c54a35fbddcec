package dev.paydesk.insights;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One KPI's value for a period (null when nothing was measured or the KPI does not apply to a filter,
 * see {@code note}), the same-length previous period's value, the target and status if one is set,
 * and the API URL listing the records behind it ({@code sample} of them).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KpiValue(String key, @Nullable Double value, String unit, @Nullable String currency,
                       @Nullable Double previous, @Nullable Double target, @Nullable String status, String drilldown,
                       long sample, @Nullable Map<String, String> group, @Nullable String note) {

    public KpiValue withTarget(@Nullable Double newTarget, @Nullable String newStatus) {
        return new KpiValue(key, value, unit, currency, previous, newTarget, newStatus, drilldown, sample, group, note);
    }
}
