package dev.paydesk.insights.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.insights.Insights;
import dev.paydesk.insights.KpiRequests;
import dev.paydesk.insights.MoneyInsights;
import dev.paydesk.platform.access.AnyRole;
import dev.paydesk.platform.access.DisputeSpecialistProcessManagerAdminOrAuditor;
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
    private final Clock clock;

    InsightsMoneyApiController(MoneyInsights money, Clock clock) {
        this.money = money;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Money at risk, recovered, lost, captured and refunded per currency and in the reporting"
            + " currency for the local days [from, to), with the previous period and refund settlement times",
            description = "Filters: from, to (exclusive), market. Amounts are minor units; notes name every amount"
                    + " that had no reference rate and every day converted with an earlier day's rate.")
    MoneyInsights.MoneyReport money(HttpServletRequest request) {
        return money.money(KpiRequests.parse(request.getParameterMap(), Set.of()));
    }

    @GetMapping("/chargeback-ratios")
    @DisputeSpecialistProcessManagerAdminOrAuditor
    @Operation(summary = "Visa VAMP and Mastercard ECP ratios per merchant account and month against the thresholds",
            description = "to= a month (YYYY-MM, default the current one), months= how many up to it (1-24, default 6)")
    List<MoneyInsights.RatioPoint> chargebackRatios(@RequestParam(required = false) @Nullable YearMonth to,
                                                    @RequestParam(defaultValue = "6") int months) {
        return money.chargebackTrend(to == null ? YearMonth.now(clock.withZone(ZoneOffset.UTC)) : to, months);
    }

    @GetMapping("/{key}/records")
    @Operation(summary = "The records behind one money figure (total = its count); currency= for one currency's figure")
    Insights.Records records(@PathVariable String key, HttpServletRequest request) {
        Map<String, String[]> params = request.getParameterMap();
        String[] currency = params.get("currency");
        return money.records(key, KpiRequests.parse(params, Set.of("currency", "limit", "offset")),
                currency == null || currency.length == 0 || currency[0].isBlank() ? null : currency[0],
                WholeNumbers.param(params, "limit", 100), WholeNumbers.param(params, "offset", 0));
    }
}
