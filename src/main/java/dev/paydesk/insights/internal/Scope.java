package dev.paydesk.insights.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.paydesk.insights.Kpi;
import dev.paydesk.insights.KpiRequest;

/**
 * Who asks and what they may see: their markets (null: all) and, for agents, the queues they belong to
 * (null: no queue restriction; agents see case figures of their own queues only).
 */
record Scope(@Nullable List<String> markets, @Nullable Set<String> queues) {

    static final Scope ALL = new Scope(null, null);

    /** Why a KPI has no value under this request and scope, or null when it applies. */
    @Nullable String notApplicable(Kpi kpi, KpiRequest request) {
        if (queues != null && kpi.family() != Kpi.Family.CASE) {
            return "agents see case desk figures of their queues only";
        }
        for (String dim : request.dimensionFilters().keySet()) {
            if (!kpi.dimensions().contains(dim)) {
                return "not recorded by " + dim;
            }
        }
        return null;
    }

    /** A SQL condition with its parameters, built from the request's filters and this scope. */
    Sql where(KpiRequest request, Set<String> columns) {
        Sql sql = new Sql(new StringBuilder(), new ArrayList<>());
        if (markets != null) {
            sql.and("market = any(?)", (Object) markets.toArray(String[]::new));
        }
        if (request.market() != null) {
            sql.and("market = ?", request.market());
        }
        for (Map.Entry<String, String> f : request.dimensionFilters().entrySet()) {
            if (columns.contains(f.getKey())) {
                sql.and(f.getKey() + " = ?", f.getValue());
            }
        }
        if (queues != null && columns.contains("queue")) {
            sql.and("queue = any(?)", (Object) queues.toArray(String[]::new));
        }
        return sql;
    }

    /** A growing {@code and ...} clause. */
    record Sql(StringBuilder text, List<Object> params) {
        Sql and(String condition, Object... values) {
            text.append(" and ").append(condition);
            params.addAll(List.of(values));
            return this;
        }
    }
}
