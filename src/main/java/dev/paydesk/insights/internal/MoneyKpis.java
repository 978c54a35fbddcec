package dev.paydesk.insights.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.disputes.ChargebackMonitoring;
import dev.paydesk.insights.Insights;
import dev.paydesk.insights.KpiRequest;
import dev.paydesk.insights.MoneyInsights;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/**
 * Money KPIs from the per-currency rollup {@code insights_money_day}: flows (recovered, lost, captured, refunded,
 * failed refunds) summed over the period's local days, the stock at risk as risk_in − risk_out before the end of the
 * period, and refund settlement times as nearest-rank percentiles of the minute histogram. The reporting-currency
 * figure converts each (day, currency) sum with that day's rate (at risk: the rate of the period's last day), each
 * conversion rounded half-even to the reporting currency's minor units and then added up.
 */
@Service
class MoneyKpis implements MoneyInsights {

    private static final String AGENTS = "agents see case desk figures of their queues only";

    private final JdbcClient jdbc;
    private final KpiService kpis;
    private final FxRates fx;
    private final ChargebackMonitoring monitoring;
    private final String reporting;

    MoneyKpis(JdbcClient jdbc, KpiService kpis, FxRates fx, ChargebackMonitoring monitoring,
              @Value("${paydesk.insights.reporting-currency:EUR}") String reportingCurrency) {
        this.jdbc = jdbc;
        this.monitoring = monitoring;
        this.kpis = kpis;
        this.fx = fx;
        this.reporting = Currency.getInstance(reportingCurrency.strip()).getCurrencyCode();
    }

    @Override
    @Transactional(readOnly = true)
    public MoneyReport money(KpiRequest request) {
        Scope scope = scope(request);
        KpiRequest previous = request.previous();
        if (scope.queues() != null) {
            return new MoneyReport(request.from(), request.to(), request.market(), reporting, List.of(), List.of(),
                    List.of(AGENTS));
        }
        MoneyPeriod now = new MoneyPeriod(request.from(), request.to());
        MoneyPeriod before = new MoneyPeriod(previous.from(), request.from());
        Scope.Sql where = scope.where(request, Set.of());
        List<Object> params = new ArrayList<>(List.of(previous.from(), request.to(), request.to()));
        params.addAll(where.params());
        jdbc.sql("select metric, currency, kind, minutes, day, sum(n), sum(total_minor) from insights_money_day"
                        + " where (day >= ? and day < ? or metric in ('risk_in', 'risk_out') and day < ?)" + where.text()
                        + " group by metric, currency, kind, minutes, day")
                .params(params).query(rs -> {
                    MoneyPeriod.Row row = new MoneyPeriod.Row(rs.getString(1), rs.getString(2).strip(), rs.getString(3),
                            rs.getInt(4), rs.getObject(5, LocalDate.class), rs.getLong(6), rs.getLong(7));
                    now.add(row);
                    before.add(row);
                });
        FxTable rates = fx.load(previous.from().minusDays(1));
        List<String> notes = new ArrayList<>();
        List<MoneyFigure> figures = new ArrayList<>();
        for (String key : KEYS) {
            Set<String> currencies = new TreeSet<>(now.currencies(key));
            currencies.addAll(before.currencies(key));
            for (String c : currencies) {
                MoneyPeriod.Sum n = now.sum(key, c);
                MoneyPeriod.Sum b = before.sum(key, c);
                figures.add(new MoneyFigure(key, c, false, n.amountMinor(), n.count(), b.amountMinor(), b.count(),
                        now.byKind(key, c), link(key, request, c), null));
            }
            MoneyPeriod.Converted n = now.convert(key, reporting, rates, request.to().minusDays(1));
            MoneyPeriod.Converted b = before.convert(key, reporting, rates, request.from().minusDays(1));
            notes.addAll(n.notes());
            String note = n.amountMinor() == null ? String.join("; ", n.notes()) : null;
            figures.add(new MoneyFigure(key, reporting, true, n.amountMinor(), now.count(key), b.amountMinor(),
                    before.count(key), null, link(key, request, null), note));
        }
        List<Timing> timings = new ArrayList<>();
        for (String key : TIMINGS) {
            double p = key.endsWith("p50") ? 0.5 : 0.9;
            MoneyPeriod.Percentile n = now.settleHours(p);
            timings.add(new Timing(key, n.hours(), n.sample(), before.settleHours(p).hours(), link(key, request, null)));
        }
        return new MoneyReport(request.from(), request.to(), request.market(), reporting, figures, timings,
                List.copyOf(new TreeSet<>(notes)));
    }

    private static String link(String key, KpiRequest request, @Nullable String currency) {
        return "/api/v1/insights/money/" + key + "/records?" + request.query()
                + (currency == null ? "" : "&currency=" + currency);
    }

    @Override
    @Transactional(readOnly = true)
    public Insights.Records records(String key, KpiRequest request, @Nullable String currency, int limit, int offset) {
        if (!KEYS.contains(key) && !TIMINGS.contains(key)) {
            throw new NotFoundException("no money KPI '" + key + "'");
        }
        Scope scope = scope(request);
        if (scope.queues() != null) {
            return new Insights.Records(key, 0, List.of());
        }
        Scope.Sql where = scope.where(request, Set.of());
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select source_id as id, metric, source, kind, market, provider, reference,"
                + " currency, amount_minor, at, day, minutes as settle_minutes from insights_money_fact f where ");
        if (key.equals("money_at_risk")) {
            sql.append("metric = 'risk_in' and day < ? and not exists (select 1 from insights_money_fact o where"
                    + " o.source_id = f.source_id and o.metric = 'risk_out' and o.day < ?)");
            params.add(request.to());
            params.add(request.to());
        } else {
            sql.append("metric = any(?) and day >= ? and day < ?");
            params.add(MoneyPeriod.metrics(key).toArray(String[]::new));
            params.add(request.from());
            params.add(request.to());
        }
        if (currency != null) {
            sql.append(" and currency = ?");
            params.add(currency.strip().toUpperCase(java.util.Locale.ROOT));
        }
        sql.append(where.text());
        params.addAll(where.params());
        long total = jdbc.sql("select count(*) from (" + sql + ") x").params(params).query(Long.class).single();
        List<Object> page = new ArrayList<>(params);
        page.add(Math.max(1, Math.min(limit, 10_000)));
        page.add(Math.max(0, offset));
        List<Map<String, Object>> rows = jdbc.sql(sql + " order by day, id limit ? offset ?").params(page).query()
                .listOfRows();
        return new Insights.Records(key, total, rows);
    }

    /**
     * The disputes module's monthly ratios, month by month. Thresholds are its configuration, defaulting to the
     * published values: Visa VAMP merchant "excessive" at 2.2 % from 1 June 2025 and 1.5 % from 1 April 2026 with more
     * than 1,500 fraud reports plus disputes (Visa Acquirer Monitoring Program; table in
     * https://support.checkout.com/hc/en-us/articles/23330844282514); Mastercard Excessive Chargeback Program
     * 1.5 % and 100 chargebacks (excessive), 3 % and 300 (high excessive), chargebacks of the month over the previous
     * month's transactions (Mastercard Security Rules and Procedures, Excessive Chargeback Program). See docs/disputes.md.
     */
    @Override
    public List<RatioPoint> chargebackTrend(YearMonth to, int months) {
        if (months < 1 || months > 24) {
            throw new InvalidInputException("months", "months must be 1 to 24");
        }
        List<RatioPoint> out = new ArrayList<>();
        for (YearMonth m = to.minusMonths(months - 1L); !m.isAfter(to); m = m.plusMonths(1)) {
            for (ChargebackMonitoring.AccountRatios a : monitoring.ratios(m)) {
                for (ChargebackMonitoring.Ratio r : List.of(a.visaVamp(), a.mastercardEcp())) {
                    out.add(new RatioPoint(m, a.merchantAccount(), r.programme(), r.count(), r.transactions(), r.ratio(),
                            r.threshold(), r.minimumCount(), r.level().name()));
                }
            }
        }
        return out;
    }

    /** The caller's markets; money figures filter by market only, and agents see none. */
    private Scope scope(KpiRequest request) {
        if (!request.dimensionFilters().isEmpty() || request.by() != null) {
            throw new InvalidInputException(request.by() != null ? "by" : request.dimensionFilters().keySet().iterator().next(),
                    "money figures filter by market only (the sources record no queue, category or priority)");
        }
        return kpis.scope(request);
    }

}
