package dev.paydesk.triage.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.LineChart;
import dev.paydesk.triage.Category;
import dev.paydesk.triage.RootCause;
import dev.paydesk.triage.Taxonomy;
import dev.paydesk.platform.access.ManagerAdminOrAuditor;

/**
 * Insight → Root causes: which categories of inquiry make up the contact volume (a Pareto, with the
 * share each would remove if its cause were fixed), how the largest ones trend, filtered by
 * provider, market and payment method, and the Pareto as CSV. Market-scoped like every read.
 */
@Controller
@ManagerAdminOrAuditor
class RootCauseController {

    /** Categories that together make up this share of the volume are "the vital few". */
    static final double VITAL_SHARE = 0.8;
    private static final int TRENDS = 5;

    private final RootCause rootCause;
    private final Taxonomy taxonomy;
    private final Clock clock;

    RootCauseController(RootCause rootCause, Taxonomy taxonomy, Clock clock) {
        this.rootCause = rootCause;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    /** One row of the Pareto as shown. */
    record Bar(int rank, String code, String name, long contacts, double sharePercent, double cumulativePercent,
               boolean vital) {
    }

    /**
     * Daily contacts of one of the largest categories (a sparkline's chart data and the counts themselves, for the
     * table beside it), with the last week against the one before.
     */
    record Trend(String code, String name, String chart, List<Long> daily, long total, long lastWeek, long weekBefore,
                 @Nullable String change) {
    }

    @GetMapping("/triage/root-cause")
    String page(@RequestParam(defaultValue = "28") int days, @RequestParam(required = false) @Nullable String provider,
                @RequestParam(required = false) @Nullable String market,
                @RequestParam(required = false) @Nullable String method, Model model) {
        RootCause.Filter filter = filter(days, provider, market, method);
        List<RootCause.ParetoRow> rows = rootCause.pareto(filter);
        Map<String, String> names = new LinkedHashMap<>();
        for (Category c : taxonomy.categories()) {
            names.put(c.code(), c.name("en"));
        }
        List<Bar> bars = new ArrayList<>();
        double before = 0;
        for (RootCause.ParetoRow r : rows) {
            bars.add(new Bar(bars.size() + 1, r.category(), names.getOrDefault(r.category(), r.category()), r.contacts(),
                    100 * r.share(), 100 * r.cumulativeShare(), before < VITAL_SHARE));
            before = r.cumulativeShare();
        }
        model.addAttribute("bars", bars);
        model.addAttribute("total", rows.stream().mapToLong(RootCause.ParetoRow::contacts).sum());
        model.addAttribute("vital", bars.stream().filter(Bar::vital).count());
        model.addAttribute("trends", trends(filter, rows, names));
        model.addAttribute("trendDays", days(filter));
        model.addAttribute("days", clampDays(days));
        model.addAttribute("from", filter.from());
        model.addAttribute("to", filter.to());
        RootCause.Filter everything = new RootCause.Filter(filter.from(), filter.to(), null, null, null, filter.markets());
        model.addAttribute("providers", rootCause.values("provider", everything));
        model.addAttribute("markets", rootCause.values("market", everything));
        model.addAttribute("methods", rootCause.values("method", everything));
        model.addAttribute("provider", provider);
        model.addAttribute("market", market);
        model.addAttribute("method", method);
        return "triage/root-cause";
    }

    @GetMapping(path = "/triage/root-cause.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(defaultValue = "28") int days,
                               @RequestParam(required = false) @Nullable String provider,
                               @RequestParam(required = false) @Nullable String market,
                               @RequestParam(required = false) @Nullable String method) {
        RootCause.Filter filter = filter(days, provider, market, method);
        String name = "root-cause-" + LocalDate.ofInstant(filter.to(), ZoneOffset.UTC) + "-" + clampDays(days) + "d.csv";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(RootCause.toCsv(rootCause.pareto(filter)));
    }

    private RootCause.Filter filter(int days, @Nullable String provider, @Nullable String market, @Nullable String method) {
        String m = blankToNull(market);
        Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant from = to.minus(Duration.ofDays(clampDays(days)));
        List<String> scope = CurrentUser.marketScope();
        return new RootCause.Filter(from, to, blankToNull(provider), m, blankToNull(method), scope);
    }

    static int clampDays(int days) {
        return Math.clamp(days, 1, 366);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The UTC days of the filter's period, one per value of a trend. */
    private static List<LocalDate> days(RootCause.Filter filter) {
        LocalDate first = LocalDate.ofInstant(filter.from(), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(filter.to().minusNanos(1), ZoneOffset.UTC);
        return first.datesUntil(last.plusDays(1)).toList();
    }

    private List<Trend> trends(RootCause.Filter filter, List<RootCause.ParetoRow> rows, Map<String, String> names) {
        List<String> top = rows.stream().limit(TRENDS).map(RootCause.ParetoRow::category).toList();
        if (top.isEmpty()) {
            return List.of();
        }
        List<LocalDate> days = days(filter);
        LocalDate first = days.getFirst();
        int n = days.size();
        Map<String, long[]> daily = new LinkedHashMap<>();
        top.forEach(c -> daily.put(c, new long[n]));
        for (RootCause.DailyCount d : rootCause.trend(filter)) {
            long[] series = daily.get(d.category());
            int i = (int) ChronoUnit.DAYS.between(first, d.day());
            if (series != null && i >= 0 && i < n) {
                series[i] += d.contacts();
            }
        }
        List<Trend> trends = new ArrayList<>();
        for (Map.Entry<String, long[]> e : daily.entrySet()) {
            long[] s = e.getValue();
            long lastWeek = sum(s, n - 7, n);
            long weekBefore = sum(s, n - 14, n - 7);
            String change = n < 14 || weekBefore == 0 ? null
                    : String.format(Locale.ROOT, "%+.0f %%", 100.0 * (lastWeek - weekBefore) / weekBefore);
            String name = names.getOrDefault(e.getKey(), e.getKey());
            trends.add(new Trend(e.getKey(), name, LineChart.sparkline(LineChart.Line.of(name, s)).json(),
                    java.util.Arrays.stream(s).boxed().toList(), sum(s, 0, n), lastWeek, weekBefore, change));
        }
        return trends;
    }

    private static long sum(long[] s, int from, int to) {
        long total = 0;
        for (int i = Math.max(0, from); i < Math.min(s.length, to); i++) {
            total += s[i];
        }
        return total;
    }
}
