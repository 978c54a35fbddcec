package dev.paydesk.insights.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.paydesk.insights.Insights;
import dev.paydesk.insights.KpiRequest;
import dev.paydesk.insights.KpiRequests;
import dev.paydesk.insights.MoneyInsights;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.access.AnyRole;
import dev.paydesk.platform.access.DisputeSpecialistProcessManagerAdminOrAuditor;
import dev.paydesk.shared.LineChart;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The money figures on the money dashboard (loaded into /insights/money): per currency and in the reporting
 * currency, as a chart and a table, each count linking to its drill-down list; CSV / XLSX of both.
 */
@Controller
@AnyRole
class InsightsMoneyUiController {

    private static final int PAGE_SIZE = 50;

    private final MoneyInsights money;
    private final MessageSource messages;
    private final Clock clock;
    private final MarketCatalog markets;

    InsightsMoneyUiController(MoneyInsights money, MessageSource messages, Clock clock, MarketCatalog markets) {
        this.money = money;
        this.messages = messages;
        this.clock = clock;
        this.markets = markets;
    }

    /** What the drill-down page shows of a money KPI (the page is shared with the other KPIs). */
    public record Definition(String key, String formula) {
    }

    /** A table row: one figure as people read it. */
    record Row(String key, String currency, boolean reporting, String amount, String previous, long count,
               String link, @Nullable String note, String kinds) {
    }

    @GetMapping("/insights/money/figures")
    String figures(HttpServletRequest http, Model model) {
        KpiRequest request = request(http, Set.of());
        MoneyInsights.MoneyReport report = money.money(request);
        List<Row> rows = new ArrayList<>();
        for (MoneyInsights.MoneyFigure f : report.figures()) {
            rows.add(new Row(f.key(), f.currency(), f.reporting(), major(f.amountMinor(), f.currency()),
                    major(f.previousAmountMinor(), f.currency()), f.count(),
                    "/insights/money/records/" + f.key() + "?" + request.query()
                            + (f.reporting() ? "" : "&currency=" + f.currency()), f.note(), kinds(f.byKind(), f.currency())));
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<MoneyInsights.MoneyFigure> reported = report.figures().stream().filter(MoneyInsights.MoneyFigure::reporting).toList();
        LineChart chart = LineChart.bars(
                reported.stream().map(f -> messages.getMessage("insights.kpi." + f.key(), null, f.key(), locale)).toList(),
                new LineChart.Line(messages.getMessage("insights.money.now", null, "now", locale),
                        reported.stream().map(f -> plotted(f.amountMinor(), f.currency())).toList(), false),
                new LineChart.Line(messages.getMessage("insights.previous", null, "previous", locale),
                        reported.stream().map(f -> plotted(f.previousAmountMinor(), f.currency())).toList(), false));
        model.addAttribute("report", report);
        model.addAttribute("rows", rows);
        model.addAttribute("chartJson", chart.json());
        model.addAttribute("query", request.query());
        return "insights/money :: figures";
    }

    /** VAMP and ECP ratios (percent) per account and programme over the last months, with each programme's threshold. */
    @GetMapping("/insights/disputes/ratios")
    @DisputeSpecialistProcessManagerAdminOrAuditor
    String ratios(Model model) {
        java.time.YearMonth to = java.time.YearMonth.now(clock.withZone(ZoneOffset.UTC));
        List<MoneyInsights.RatioPoint> points = money.chargebackTrend(to, 6);
        List<String> months = new ArrayList<>();
        for (int i = 5; i >= 0; i--) {
            months.add(to.minusMonths(i).toString());
        }
        Map<String, Double[]> lines = new java.util.TreeMap<>();
        Map<String, Double[]> thresholds = new java.util.TreeMap<>();
        for (MoneyInsights.RatioPoint p : points) {
            int i = months.indexOf(p.month().toString());
            lines.computeIfAbsent(p.merchantAccount() + " " + p.programme(), k -> new Double[months.size()])[i] = p.ratio() * 100;
            thresholds.computeIfAbsent(p.programme(), k -> new Double[months.size()])[i] = p.threshold() * 100;
        }
        List<LineChart.Line> series = new ArrayList<>();
        lines.forEach((name, v) -> series.add(new LineChart.Line(name, java.util.Arrays.asList(v), false)));
        String limit = messages.getMessage("insights.ratios.threshold", null, "threshold", LocaleContextHolder.getLocale());
        thresholds.forEach((name, v) -> series.add(new LineChart.Line(name + " " + limit, java.util.Arrays.asList(v), true)));
        model.addAttribute("points", points);
        model.addAttribute("chartJson", LineChart.of(months, series).json());
        return "insights/money :: ratios";
    }

    @GetMapping("/insights/money/figures/export.{format}")
    ResponseEntity<byte[]> exportFigures(@PathVariable String format, HttpServletRequest http) {
        KpiRequest request = request(http, Set.of());
        MoneyInsights.MoneyReport report = money.money(request);
        List<List<Object>> rows = new ArrayList<>();
        for (MoneyInsights.MoneyFigure f : report.figures()) {
            rows.add(java.util.Arrays.asList(f.key(), f.currency(), f.reporting(), f.amountMinor(), f.count(),
                    f.previousAmountMinor(), f.previousCount(), f.note()));
        }
        return Exports.as(format, "insights-money-" + request.from() + "-" + request.to(), List.of("kpi", "currency",
                "reporting_currency", "amount_minor", "records", "previous_amount_minor", "previous_records", "note"), rows);
    }

    @GetMapping("/insights/money/records/{key}")
    String records(@PathVariable String key, HttpServletRequest http, Model model) {
        KpiRequest request = request(http, Set.of("page", "currency"));
        String currency = http.getParameter("currency");
        int pageNo = Math.max(0, WholeNumbers.param(http.getParameterMap(), "page", 0));
        Insights.Records records = money.records(key, request, blankToNull(currency), PAGE_SIZE, pageNo * PAGE_SIZE);
        String query = request.query() + (blankToNull(currency) == null ? "" : "&currency=" + currency.strip());
        model.addAttribute("kpi", new Definition(key, messages.getMessage("insights.money.recordsHelp", null,
                LocaleContextHolder.getLocale())));
        model.addAttribute("base", "/insights/money/records/");
        model.addAttribute("records", records);
        model.addAttribute("columns", records.records().isEmpty() ? List.of() : List.copyOf(records.records().getFirst().keySet()));
        model.addAttribute("pageNo", pageNo);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("query", query);
        return "insights/records";
    }

    @GetMapping("/insights/money/records/{key}/export.{format}")
    ResponseEntity<byte[]> exportRecords(@PathVariable String key, @PathVariable String format, HttpServletRequest http) {
        KpiRequest request = request(http, Set.of("currency"));
        String currency = blankToNull(http.getParameter("currency"));
        return Exports.records(format, key + "-" + request.from() + "-" + request.to(),
                offset -> money.records(key, request, currency, Exports.RECORDS_PAGE, offset));
    }

    private KpiRequest request(HttpServletRequest http, Set<String> extra) {
        return KpiRequests.parse(DefaultPeriod.params(http.getParameterMap(), clock, markets), extra);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Minor units as a decimal amount with the currency's digits and its code, e.g. "1,234.56 USD". */
    static String major(@Nullable Long minor, String currency) {
        BigDecimal amount = toMajor(minor, currency);
        return amount == null ? "–" : String.format(Locale.ROOT, "%,." + amount.scale() + "f %s", amount, currency);
    }

    static @Nullable BigDecimal toMajor(@Nullable Long minor, String currency) {
        if (minor == null) {
            return null;
        }
        return BigDecimal.valueOf(minor).movePointLeft(Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()));
    }

    /** An amount in major units as a point on a chart; the table beside the chart shows the exact amount. */
    private static @Nullable Double plotted(@Nullable Long minor, String currency) {
        BigDecimal amount = toMajor(minor, currency);
        return amount == null ? null : amount.doubleValue();
    }

    private static String kinds(@Nullable Map<String, Long> byKind, String currency) {
        if (byKind == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        byKind.forEach((k, v) -> parts.add(k + " " + major(v, currency)));
        return String.join(", ", parts);
    }
}
