package dev.paydesk.insights.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.insights.Insights;
import dev.paydesk.insights.Kpi;
import dev.paydesk.insights.KpiRequests;
import dev.paydesk.insights.KpiValue;
import dev.paydesk.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import dev.paydesk.platform.access.AnyRole;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;

/** KPIs from the rollups, the records behind each, and the catalogue. Every role reads, within its scope. */
@RestController
@RequestMapping("/api/v1/insights")
@Tag(name = "Insights", description = "KPIs per market and day, drill-downs and the KPI catalogue")
@AnyRole
class InsightsApiController {

    private final Insights insights;

    InsightsApiController(Insights insights) {
        this.insights = insights;
    }

    /** The response body of {@link #kpis}. */
    record KpiResponse(List<KpiValue> kpis) {
    }

    @GetMapping("/kpis")
    @Operation(summary = "KPIs for the local days [from, to) with the previous period, targets and drill-down links",
            description = "Filters: market, provider, method, queue, category, supplier, priority; by= groups by one of"
                    + " market, provider, method, queue, category, priority. Unknown filters are rejected.")
    KpiResponse kpis(HttpServletRequest request) {
        return new KpiResponse(insights.kpis(KpiRequests.parse(request.getParameterMap(), Set.of())));
    }

    @GetMapping("/kpis/{key}/records")
    @Operation(summary = "The records behind one KPI's value (total = the KPI's sample), a page at a time")
    Insights.Records records(@PathVariable String key, HttpServletRequest request) {
        Kpi kpi = Kpi.byKey(key).orElseThrow(() -> new NotFoundException("no KPI '" + key + "'"));
        Map<String, String[]> params = request.getParameterMap();
        return insights.records(kpi, KpiRequests.parse(params, Set.of("limit", "offset")),
                WholeNumbers.param(params, "limit", 100), WholeNumbers.param(params, "offset", 0));
    }

    /** One KPI definition. */
    record Definition(String key, String formula, String unit, String source, String timeZoneRule,
                      List<String> filters) {
    }

    @GetMapping("/catalogue")
    @Operation(summary = "Every KPI with its definition")
    List<Definition> catalogue() {
        return Arrays.stream(Kpi.values()).map(k -> new Definition(k.key(), k.formula(), k.unit(), k.source(),
                k.timeZoneRule(), k.dimensions().stream().sorted().toList())).toList();
    }

    @GetMapping("/targets")
    @Operation(summary = "Targets per KPI and market (the caller's markets)")
    List<Insights.KpiTarget> targets() {
        return insights.targets();
    }

    /** A target to set. */
    record TargetBody(@jakarta.validation.constraints.NotNull Double target, @org.jspecify.annotations.Nullable Double atRiskMargin) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/targets/{market}/{kpi}")
    @Operation(summary = "Set a KPI's target in a market; dashboards then show on target, at risk or off target")
    @ProcessManagerOrAdmin
    Insights.KpiTarget setTarget(@PathVariable String kpi, @PathVariable String market,
                                 @org.springframework.web.bind.annotation.RequestBody @jakarta.validation.Valid TargetBody body) {
        Kpi k = Kpi.byKey(kpi).orElseThrow(() -> new NotFoundException("no KPI '" + kpi + "'"));
        return insights.setTarget(k, market, body.target(), body.atRiskMargin() == null ? 0 : body.atRiskMargin());
    }

    @GetMapping("/alerts")
    @Operation(summary = "The latest target crossings (in-app alerts) in the caller's markets, newest first")
    List<Insights.TargetAlert> alerts(HttpServletRequest request) {
        return insights.alerts(WholeNumbers.param(request.getParameterMap(), "limit", 50));
    }
}
