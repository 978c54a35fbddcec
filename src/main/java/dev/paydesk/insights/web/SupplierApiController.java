package dev.paydesk.insights.web;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.insights.KpiRequests;
import dev.paydesk.insights.KpiValue;
import dev.paydesk.platform.access.AnyRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** The supplier scorecard as JSON: per supplier its SL, ASA, AHT, abandonment, occupancy and cost per contact. */
@RestController
@RequestMapping("/api/v1/insights/suppliers")
@Tag(name = "Insights", description = "KPIs per market and day, drill-downs and the KPI catalogue")
@AnyRole
class SupplierApiController {

    private final SupplierScorecard scorecard;

    SupplierApiController(SupplierScorecard scorecard) {
        this.scorecard = scorecard;
    }

    /** One supplier's KPIs (each with previous period, drill-down link and sample). */
    record SupplierRow(String supplier, String name, List<KpiValue> kpis) {
    }

    record ScorecardResponse(long total, String sort, String dir, List<SupplierRow> suppliers) {
    }

    @GetMapping
    @Operation(summary = "Supplier scorecard for the local days [from, to) with the previous period",
            description = "Filters as /kpis (market, queue, supplier; others leave the values null with a note);"
                    + " sort=supplier or a KPI key, dir=asc|desc, limit (default 50), offset. Agents get no figures.")
    ScorecardResponse suppliers(HttpServletRequest request) {
        Map<String, String[]> params = request.getParameterMap();
        SupplierScorecard.Page page = scorecard.page(KpiRequests.parse(params, SupplierScorecard.PARAMS),
                one(params, "sort"), one(params, "dir"), WholeNumbers.param(params, "offset", 0),
                WholeNumbers.param(params, "limit", 50));
        return new ScorecardResponse(page.total(), page.sort(), page.dir(), page.rows().stream()
                .map(r -> new SupplierRow(r.supplier(), r.name(), List.copyOf(r.values().values()))).toList());
    }

    private static @org.jspecify.annotations.Nullable String one(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 ? null : v[0];
    }
}
