package dev.paydesk.insights.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.paydesk.insights.Insights;
import dev.paydesk.insights.Kpi;
import dev.paydesk.insights.KpiRequest;
import dev.paydesk.insights.KpiValue;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.LineChart;
import dev.paydesk.shared.Money;
import dev.paydesk.workforce.ContactData;
import dev.paydesk.workforce.Supplier;

/**
 * One row per supplier with its KPIs for a period and the one before (the KPI API grouped by supplier),
 * sortable by any column and paged; shared by the scorecard page, its exports and the API.
 */
@Component
class SupplierScorecard {

    /** The scorecard's columns (forecast accuracy is per queue, not per supplier: charted on the page). */
    static final List<Kpi> COLUMNS = List.of(Kpi.SUPPLIER_SERVICE_LEVEL, Kpi.SUPPLIER_ASA_SECONDS,
            Kpi.SUPPLIER_AHT_SECONDS, Kpi.SUPPLIER_ABANDON_RATE, Kpi.SUPPLIER_OCCUPANCY, Kpi.SUPPLIER_COST_PER_CONTACT);
    /** Parameters besides the KPI filters. */
    static final Set<String> PARAMS = Set.of("sort", "dir", "p", "limit", "offset");

    private final Insights insights;
    private final ContactData workforce;

    SupplierScorecard(Insights insights, ContactData workforce) {
        this.insights = insights;
        this.workforce = workforce;
    }

    /** One supplier's row: each column's value (with previous, drill-down, sample) by KPI key. */
    record Row(String supplier, String name, Map<String, KpiValue> values) {

        public @Nullable Double value(String key) {
            KpiValue v = values.get(key);
            return v == null ? null : v.value();
        }
    }

    /** A sorted page of rows and how many there are. */
    record Page(List<Row> rows, int total, String sort, String dir) {
    }

    Page page(KpiRequest request, @Nullable String sort, @Nullable String dir, int offset, int limit) {
        String column = sort == null || sort.isBlank() ? "supplier" : sort.strip().toLowerCase(Locale.ROOT);
        if (!column.equals("supplier") && COLUMNS.stream().noneMatch(k -> k.key().equals(column))) {
            throw new InvalidInputException("sort", "sort by supplier or one of " + COLUMNS.stream().map(Kpi::key).toList());
        }
        String direction = dir == null || dir.isBlank() ? "asc" : dir.strip().toLowerCase(Locale.ROOT);
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw new InvalidInputException("dir", "asc or desc");
        }
        List<Row> rows = rows(request);
        Comparator<Row> order = column.equals("supplier") ? Comparator.comparing(Row::supplier)
                : Comparator.comparing((Row r) -> r.value(column), Comparator.nullsLast(Comparator.naturalOrder()));
        if (direction.equals("desc")) {
            order = column.equals("supplier") ? order.reversed()
                    : Comparator.comparing((Row r) -> r.value(column), Comparator.nullsLast(Comparator.reverseOrder()));
        }
        rows.sort(order.thenComparing(Row::supplier));
        int from = Math.min(Math.max(0, offset), rows.size());
        int to = Math.min(rows.size(), from + Math.max(1, Math.min(limit, 500)));
        return new Page(List.copyOf(rows.subList(from, to)), rows.size(), column, direction);
    }

    /** Every supplier with interval statistics in the period or the one before (or the filtered one). */
    List<Row> rows(KpiRequest request) {
        KpiRequest bySupplier = new KpiRequest(request.from(), request.to(), request.market(), request.provider(),
                request.method(), request.queue(), request.category(), request.supplier(), request.priority(), "supplier");
        Map<String, String> names = new TreeMap<>();
        for (Supplier s : workforce.suppliers()) {
            names.put(s.code(), s.name());
        }
        Map<String, Map<String, KpiValue>> bySupplierValues = new TreeMap<>();
        for (KpiValue v : insights.kpis(bySupplier)) {
            String supplier = v.group() == null ? null : v.group().get("supplier");
            if (supplier != null && !supplier.isEmpty() && COLUMNS.stream().anyMatch(k -> k.key().equals(v.key()))) {
                bySupplierValues.computeIfAbsent(supplier, k -> new LinkedHashMap<>()).put(v.key(), v);
            }
        }
        List<Row> rows = new ArrayList<>();
        bySupplierValues.forEach((code, values) -> rows.add(new Row(code, names.getOrDefault(code, code), values)));
        return rows;
    }

    private static final int PAGE_SIZE = 20;

    /** One scorecard cell as shown: the value, the previous period's, and the drill-down to its interval rows. */
    record Cell(String key, String shown, String previousShown, String link, long sample, @Nullable String note) {
    }

    /** The scorecard, its charts and paging for the suppliers dashboard. */
    void addTo(org.springframework.ui.Model model, KpiRequest request, Map<String, String[]> params) {
        int pageNo = Math.max(0, WholeNumbers.param(params, "p", 0));
        Page page = page(request, first(params, "sort"), first(params, "dir"), pageNo * PAGE_SIZE, PAGE_SIZE);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row r : page.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("supplier", r.supplier());
            row.put("name", r.name());
            KpiRequest one = new KpiRequest(request.from(), request.to(), request.market(), request.provider(),
                    request.method(), request.queue(), request.category(), r.supplier(), request.priority(), null);
            List<Cell> cells = new ArrayList<>();
            for (Kpi k : COLUMNS) {
                KpiValue v = r.values().get(k.key());
                cells.add(v == null ? new Cell(k.key(), "–", "–", "#", 0, null)
                        : new Cell(k.key(), shown(v.value(), v.unit(), v.currency()), shown(v.previous(), v.unit(),
                        v.currency()), "/insights/records/" + k.key() + "?" + one.query(), v.sample(), v.note()));
            }
            row.put("cells", cells);
            rows.add(row);
        }
        List<Row> all = rows(request);
        LineChart slChart = LineChart.bars(all.stream().map(Row::supplier).toList(), new LineChart.Line(
                Kpi.SUPPLIER_SERVICE_LEVEL.key(), all.stream().map(r -> r.value(Kpi.SUPPLIER_SERVICE_LEVEL.key())).toList(), false));
        List<Insights.DayValue> wape = insights.series(Kpi.FORECAST_WAPE, request);
        model.addAttribute("scorecard", rows);
        model.addAttribute("scorecardColumns", COLUMNS.stream().map(Kpi::key).toList());
        model.addAttribute("scorecardAll", all);
        model.addAttribute("scorecardTotal", page.total());
        model.addAttribute("scorecardSort", page.sort());
        model.addAttribute("scorecardDir", page.dir());
        model.addAttribute("scorecardPage", pageNo);
        model.addAttribute("scorecardPages", Math.max(1, (page.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("slChartJson", slChart.json());
        model.addAttribute("wapeSeries", wape);
        model.addAttribute("wapeChartJson", InsightsUiController.dayChart(Kpi.FORECAST_WAPE, wape).json());
    }

    /** The whole scorecard as export rows (values as numbers, money in minor units with its currency). */
    List<List<Object>> exportRows(KpiRequest request) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : rows(request)) {
            for (Kpi k : COLUMNS) {
                KpiValue v = r.values().get(k.key());
                if (v != null) {
                    out.add(java.util.Arrays.asList(r.supplier(), r.name(), v.key(), v.value(), v.previous(), v.unit(),
                            v.currency(), v.sample()));
                }
            }
        }
        return out;
    }

    private static @Nullable String first(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 ? null : v[0];
    }

    /** A value as people read it; money in its currency's units. */
    static String shown(@Nullable Double value, String unit, @Nullable String currency) {
        if (value != null && unit.equals("minor_units") && currency != null) {
            return Money.of(Math.round(value), currency).toString();
        }
        return InsightsUiController.format(value, unit);
    }
}
