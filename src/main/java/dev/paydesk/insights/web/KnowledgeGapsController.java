package dev.paydesk.insights.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.paydesk.insights.Insights;
import dev.paydesk.insights.Kpi;
import dev.paydesk.insights.KpiRequest;
import dev.paydesk.insights.KpiValue;
import dev.paydesk.knowledge.ArticleCoverage;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.access.ManagerAdminOrAuditor;
import dev.paydesk.shared.ListQuery;

import io.swagger.v3.oas.annotations.Operation;

/**
 * The articles the team should write next: case categories with many cases in the period (per market, counted
 * as the {@code cases_opened} KPI counts them, so each number drills down to exactly that many cases) and no
 * published article tagged with the category for that market. Insights reads both the case figures and
 * knowledge's {@link ArticleCoverage}, so knowledge does not depend on the case desk's figures.
 */
@Controller
@ManagerAdminOrAuditor
class KnowledgeGapsController {

    /** One category of one market without an article, and where its cases are listed. */
    record Gap(String market, String category, long cases, String records) {
    }

    private static final Map<String, Comparator<Gap>> SORTS = Map.of(
            "cases", Comparator.comparingLong(Gap::cases),
            "market", ListQuery.byText(Gap::market),
            "category", ListQuery.byText(Gap::category));

    private final Insights insights;
    private final ArticleCoverage coverage;
    private final MarketCatalog markets;
    private final Clock clock;

    KnowledgeGapsController(Insights insights, ArticleCoverage coverage, MarketCatalog markets, Clock clock) {
        this.insights = insights;
        this.coverage = coverage;
        this.markets = markets;
        this.clock = clock;
    }

    @GetMapping("/insights/knowledge-gaps")
    String page(@RequestParam(defaultValue = "28") String days, @RequestParam(defaultValue = "5") String minCases,
                ListQuery list, Model model) {
        int d = WholeNumbers.within("days", days, 1, (int) KpiRequest.MAX_DAYS);
        int min = WholeNumbers.within("minCases", minCases, 1, 1_000_000);
        List<Gap> gaps = gaps(d, min);
        // most cases first unless the reader sorts otherwise
        ListQuery sorted = list.sort() == null ? new ListQuery(list.page(), list.size(), "cases", true, list.q(), list.filters()) : list;
        model.addAttribute("page", sorted.page(gaps.stream().filter(g -> list.matches(g.market(), g.category())).toList(), SORTS));
        model.addAttribute("days", d);
        model.addAttribute("minCases", min);
        return "insights/knowledge-gaps";
    }

    /** The whole list (sorted by cases) as CSV or XLSX, with the same filters as the page. */
    @GetMapping("/insights/knowledge-gaps/export.{format}")
    org.springframework.http.ResponseEntity<byte[]> export(@org.springframework.web.bind.annotation.PathVariable String format,
            @RequestParam(defaultValue = "28") String days, @RequestParam(defaultValue = "5") String minCases) {
        List<List<Object>> rows = api(days, minCases).stream()
                .map(g -> List.<Object>of(g.market(), g.category(), g.cases())).toList();
        return Exports.as(format, "knowledge-gaps", List.of("market", "category", "cases_opened"), rows);
    }

    @GetMapping(value = "/api/v1/insights/knowledge-gaps", produces = "application/json")
    @ResponseBody
    @Operation(summary = "Case categories with at least minCases cases opened in the last days (per market) and no published article tagged for them")
    List<Gap> api(@RequestParam(defaultValue = "28") String days, @RequestParam(defaultValue = "5") String minCases) {
        return gaps(WholeNumbers.within("days", days, 1, (int) KpiRequest.MAX_DAYS), WholeNumbers.within("minCases", minCases, 1, 1_000_000)).stream()
                .sorted(Comparator.comparingLong(Gap::cases).reversed().thenComparing(Gap::market).thenComparing(Gap::category))
                .toList();
    }

    /** Every category of the reader's markets with at least {@code min} cases opened in the last {@code days} days. */
    List<Gap> gaps(int days, int min) {
        java.time.Instant now = clock.instant();
        List<ArticleCoverage.Covered> covered = coverage.published();
        List<Gap> gaps = new ArrayList<>();
        for (Market market : markets.markets()) {
            if (!CurrentUser.canAccessMarket(market.code())) {
                continue;
            }
            LocalDate to = DefaultPeriod.end(now, List.of(market.zone()));
            LocalDate from = to.minusDays(days);
            KpiRequest byCategory = new KpiRequest(from, to, market.code(), null, null, null, null, null, null, "category");
            for (KpiValue v : insights.kpis(byCategory)) {
                String category = v.group() == null ? null : v.group().get("category");
                if (!v.key().equals(Kpi.CASES_OPENED.key()) || category == null || category.isBlank() || v.value() == null
                        || v.value() < min || covered.stream().anyMatch(c -> c.covers(category, market.code()))) {
                    continue;
                }
                KpiRequest records = new KpiRequest(from, to, market.code(), null, null, null, category, null, null, null);
                gaps.add(new Gap(market.code(), category, v.value().longValue(),
                        "/insights/records/" + Kpi.CASES_OPENED.key() + "?" + records.query()));
            }
        }
        return gaps;
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {
        @org.springframework.context.annotation.Bean
        dev.paydesk.platform.NavItem knowledgeGapsNav() {
            return new dev.paydesk.platform.NavItem("Insight", "Knowledge gaps", "/insights/knowledge-gaps", "book",
                    java.util.Set.of(dev.paydesk.platform.Role.REALTIME_MANAGER, dev.paydesk.platform.Role.PROCESS_MANAGER,
                            dev.paydesk.platform.Role.AUDITOR, dev.paydesk.platform.Role.ADMIN), 12);
        }
    }
}
