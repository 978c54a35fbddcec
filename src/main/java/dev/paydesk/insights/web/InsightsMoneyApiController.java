package dev.paydesk.insights.web;

import java.util.Map;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.insights.Insights;
import dev.paydesk.insights.KpiRequests;
import dev.paydesk.insights.MoneyInsights;
import dev.paydesk.platform.access.AnyRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Money KPIs per currency and in the reporting currency, and the records behind each figure. */
@RestController
@RequestMapping("/api/v1/insights/money")
@Tag(name = "Insights", description = "KPIs per market and day, drill-downs and the KPI catalogue")
@AnyRole
class InsightsMoneyApiController {

    private final MoneyInsights money;

    InsightsMoneyApiController(MoneyInsights money) {
        this.money = money;
    }

    @GetMapping
    @Operation(summary = "Money at risk, recovered, lost, captured and refunded per currency and in the reporting"
            + " currency for the local days [from, to), with the previous period and refund settlement times",
            description = "Filters: from, to (exclusive), market. Amounts are minor units; notes name every amount"
                    + " that had no reference rate and every day converted with an earlier day's rate.")
    MoneyInsights.MoneyReport money(HttpServletRequest request) {
        return money.money(KpiRequests.parse(request.getParameterMap(), Set.of()));
    }

    @GetMapping("/{key}/records")
    @Operation(summary = "The records behind one money figure (total = its count); currency= for one currency's figure")
    Insights.Records records(@PathVariable String key, HttpServletRequest request) {
        Map<String, String[]> params = request.getParameterMap();
        String[] currency = params.get("currency");
        return money.records(key, KpiRequests.parse(params, Set.of("currency", "limit", "offset")),
                currency == null || currency.length == 0 || currency[0].isBlank() ? null : currency[0],
                InsightsApiController.integer(params, "limit", 100), InsightsApiController.integer(params, "offset", 0));
    }
}
