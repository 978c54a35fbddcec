package dev.paydesk.insights.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.paydesk.insights.Insights;
import dev.paydesk.insights.Kpi;
import dev.paydesk.insights.KpiRequest;
import dev.paydesk.insights.KpiRequests;
import dev.paydesk.insights.KpiValue;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.shared.LineChart;
import dev.paydesk.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import dev.paydesk.platform.access.AnyRole;

/**
 * Dashboards (overview, case desk, money, disputes) with a period picker and the previous period, a
 * daily chart per page that is also a table, and drill-down lists; every table exports as CSV or XLSX.
 */
@Controller
@AnyRole
class InsightsUiController {

    /** The dashboards and the KPIs each shows; the first is charted per day. */
    enum Page {
        OVERVIEW(Kpi.BACKLOG_OPEN, Kpi.CASES_OPENED, Kpi.CASES_RESOLVED, Kpi.FIRST_RESPONSE_ATTAINMENT,
                Kpi.CSAT_MEAN, Kpi.FAILED_REFUND_RATE, Kpi.DISPUTE_WIN_RATE, Kpi.SUPPLIER_SERVICE_LEVEL),
        CASES(Kpi.CASES_OPENED, Kpi.CASES_RESOLVED, Kpi.BACKLOG_OPEN, Kpi.FIRST_RESPONSE_ATTAINMENT,
                Kpi.RESOLUTION_ATTAINMENT, Kpi.FIRST_RESPONSE_MINUTES_P50, Kpi.FIRST_RESPONSE_MINUTES_P90,
                Kpi.CSAT_MEAN, Kpi.CSAT_SATISFIED, Kpi.CSAT_RESPONSE_RATE, Kpi.REOPEN_RATE,
                Kpi.FIRST_CONTACT_RESOLUTION_RATE, Kpi.REPEAT_CONTACT_RATE, Kpi.PSD2_REPLY_ATTAINMENT, Kpi.OLA_ATTAINMENT,
                Kpi.CONTACT_RATE_PER_1000_ORDERS, Kpi.FOUR_EYES_WAIT_MINUTES_P50),
        MONEY(Kpi.CAPTURES, Kpi.REFUND_TURNAROUND_HOURS_P50, Kpi.FAILED_REFUND_RATE),
        DISPUTES(Kpi.DISPUTES_OPENED, Kpi.DISPUTE_WIN_RATE, Kpi.DISPUTE_RATE),
        SUPPLIERS(Kpi.SUPPLIER_SERVICE_LEVEL, Kpi.SUPPLIER_ASA_SECONDS, Kpi.SUPPLIER_AHT_SECONDS,
                Kpi.SUPPLIER_ABANDON_RATE, Kpi.SUPPLIER_OCCUPANCY, Kpi.SUPPLIER_COST_PER_CONTACT, Kpi.FORECAST_WAPE);

        final List<Kpi> kpis;

        Page(Kpi... kpis) {
            this.kpis = List.of(kpis);
        }

        String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final int PAGE_SIZE = 50;

    private final Insights insights;
    private final MarketCatalog markets;
    private final Clock clock;
    private final SupplierScorecard scorecard;

    InsightsUiController(Insights insights, MarketCatalog markets, Clock clock, SupplierScorecard scorecard) {
        this.scorecard = scorecard;
        this.insights = insights;
        this.markets = markets;
        this.clock = clock;
    }

    /** One tile: the KPI, its value now and before, and the change. */
    record Tile(String key, @Nullable Double value, @Nullable Double previous, String unit, @Nullable String status,
                @Nullable Double target, long sample, String link, @Nullable String note) {

        public String shown() {
            return format(value, unit);
        }

        public String previousShown() {
            return format(previous, unit);
        }

        public String targetShown() {
            return format(target, unit);
        }
    }

    /** A value as people read it: fractions as percent, counts whole, others with one decimal. */
    static String format(@Nullable Double value, String unit) {
        if (value == null) {
            return "–";
        }
        return switch (unit) {
            case "fraction" -> String.format(java.util.Locale.ROOT, "%.1f %%", value * 100);
            case "count", "minor_units" -> String.format(java.util.Locale.ROOT, "%,d", value.longValue());
            default -> String.format(java.util.Locale.ROOT, "%.1f", value);
        };
    }

    @GetMapping({"/insights", "/insights/{page}"})
    String dashboard(@PathVariable(required = false) @Nullable String page, HttpServletRequest http, Model model) {
        Page p = page(page);
        KpiRequest request = request(http, p == Page.SUPPLIERS ? SupplierScorecard.PARAMS : Set.of());
        if (p == Page.SUPPLIERS) {
            scorecard.addTo(model, request, http.getParameterMap());
        }
        List<KpiValue> values = insights.kpis(request);
        List<Tile> tiles = new ArrayList<>();
        for (Kpi kpi : p.kpis) {
            values.stream().filter(v -> v.key().equals(kpi.key())).findFirst().ifPresent(v -> tiles.add(new Tile(v.key(),
                    v.value(), v.previous(), v.unit(), v.status(), v.target(), v.sample(),
                    "/insights/records/" + v.key() + "?" + request.query(), v.note())));
        }
        Kpi charted = p.kpis.stream().filter(k -> k != Kpi.BACKLOG_OPEN).findFirst().orElseThrow();
        List<Insights.DayValue> series = insights.series(charted, request);
        model.addAttribute("page", p.slug());
        model.addAttribute("pages", Arrays.stream(Page.values()).map(Page::slug).toList());
        model.addAttribute("tiles", tiles);
        model.addAttribute("charted", charted.key());
        model.addAttribute("series", series);
        model.addAttribute("chartJson", dayChart(charted, series).json());
        model.addAttribute("request", request);
        model.addAttribute("markets", visibleMarkets());
        model.addAttribute("query", request.query());
        model.addAttribute("alerts", insights.alerts(10));
        return "insights/dashboard";
    }

    @GetMapping("/insights/{page}/export.{format}")
    ResponseEntity<byte[]> exportDashboard(@PathVariable String page, @PathVariable String format, HttpServletRequest http) {
        Page p = page(page);
        KpiRequest request = request(http, Set.of());
        List<KpiValue> values = insights.kpis(request);
        List<List<Object>> rows = new ArrayList<>();
        for (Kpi kpi : p.kpis) {
            values.stream().filter(v -> v.key().equals(kpi.key())).findFirst().ifPresent(v -> rows.add(
                    java.util.Arrays.asList(v.key(), v.value(), v.previous(), v.unit(), v.target(), v.status(), v.sample())));
        }
        return Exports.as(format, "insights-" + p.slug() + "-" + request.from() + "-" + request.to(),
                List.of("kpi", "value", "previous", "unit", "target", "status", "records"), rows);
    }

    @GetMapping("/insights/suppliers/scorecard.{format}")
    ResponseEntity<byte[]> exportScorecard(@PathVariable String format, HttpServletRequest http) {
        KpiRequest request = request(http, SupplierScorecard.PARAMS);
        return Exports.as(format, "insights-supplier-scorecard-" + request.from() + "-" + request.to(),
                List.of("supplier", "name", "kpi", "value", "previous", "unit", "currency", "records"),
                scorecard.exportRows(request));
    }

    @GetMapping("/insights/records/{key}")
    String records(@PathVariable String key, HttpServletRequest http, Model model) {
        Kpi kpi = kpi(key);
        KpiRequest request = request(http, Set.of("page"));
        int pageNo = Math.max(0, WholeNumbers.param(http.getParameterMap(), "page", 0));
        Insights.Records records = insights.records(kpi, request, PAGE_SIZE, pageNo * PAGE_SIZE);
        model.addAttribute("kpi", kpi);
        model.addAttribute("records", records);
        model.addAttribute("columns", records.records().isEmpty() ? List.of() : List.copyOf(records.records().getFirst().keySet()));
        model.addAttribute("pageNo", pageNo);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("query", request.query());
        return "insights/records";
    }

    @GetMapping("/insights/records/{key}/export.{format}")
    ResponseEntity<byte[]> exportRecords(@PathVariable String key, @PathVariable String format, HttpServletRequest http) {
        Kpi kpi = kpi(key);
        KpiRequest request = request(http, Set.of());
        return Exports.records(format, kpi.key() + "-" + request.from() + "-" + request.to(),
                offset -> insights.records(kpi, request, Exports.RECORDS_PAGE, offset));
    }

    private KpiRequest request(HttpServletRequest http, Set<String> extra) {
        return KpiRequests.parse(DefaultPeriod.params(http.getParameterMap(), clock, markets), extra);
    }

    private static Page page(@Nullable String slug) {
        if (slug == null) {
            return Page.OVERVIEW;
        }
        return Arrays.stream(Page.values()).filter(p -> p.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new NotFoundException("no dashboard '" + slug + "'"));
    }

    private static Kpi kpi(String key) {
        return Kpi.byKey(key).orElseThrow(() -> new NotFoundException("no KPI '" + key + "'"));
    }

    private List<Market> visibleMarkets() {
        return markets.markets().stream().filter(m -> CurrentUser.canAccessMarket(m.code())).toList();
    }

    /** One KPI per day as a line chart (the KPI key names the series; a day without a value leaves a gap). */
    static LineChart dayChart(Kpi kpi, List<Insights.DayValue> series) {
        return LineChart.of(series.stream().map(d -> d.day().toString()).toList(),
                new LineChart.Line(kpi.key(), series.stream().map(Insights.DayValue::value).toList(), false));
    }
}
