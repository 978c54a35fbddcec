package dev.paydesk.insights.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.cases.CaseSettings;
import dev.paydesk.insights.Kpi;
import dev.paydesk.insights.KpiRequest;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.shared.BenchmarkCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/paydesk bench insights}: generates facts for N cases, M captures and refunds and D disputes
 * over a year in 30 markets in a separate schema ({@code paydesk_bench_insights}, same tables), builds
 * the rollups (timed: {@code rebuild_s}), then times the overview's KPIs for 90 days x all markets as the
 * API computes them from the rollups, against a baseline in the same run: the same KPIs by SQL over the
 * raw per-record rows. {@code lag_s}: a burst of 10,000 changed cases upserted and their rollup slices
 * rollups moved by the delta, in batches of 100 as the listeners do. Times around the JDBC calls on loopback.
 */
@Component
@Command(name = "insights", mixinStandardHelpOptions = true,
        description = "Overview KPIs (90 days x all markets) from rollups vs raw SQL; rollup lag and rebuild time.")
class InsightsBenchmark implements BenchmarkCommand, Callable<Integer> {

    static final String SCHEMA = "paydesk_bench_insights";
    private static final List<String> TABLES = List.of("insights_case_fact", "insights_payment_fact",
            "insights_dispute_fact", "insights_daily", "insights_daily_value", "insights_market_day", "insights_all_day",
            "insights_target", "insights_interval_fact", "insights_supplier_day", "insights_queue_accuracy");

    @Option(names = "--cases", description = "cases (default ${DEFAULT-VALUE})")
    int cases = 1_000_000;

    @Option(names = "--payments", description = "payment movements (default ${DEFAULT-VALUE})")
    int payments = 10_000_000;

    @Option(names = "--disputes", description = "disputes (default ${DEFAULT-VALUE})")
    int disputes = 100_000;

    @Option(names = "--runs", description = "timed runs (default ${DEFAULT-VALUE})")
    int runs = 50;

    @Option(names = "--burst", description = "changed cases in the lag burst (default ${DEFAULT-VALUE})")
    int burst = 10_000;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--keep", description = "keep the schema " + SCHEMA + " afterwards (to inspect plans); the next run drops it")
    boolean keep;

    private final DataSource dataSource;
    private final MarketCatalog markets;
    private final CaseSettings caseSettings;
    private final AuditLog audit;
    private final Clock clock;

    private final dev.paydesk.workforce.ContactData workforce;

    InsightsBenchmark(DataSource dataSource, MarketCatalog markets, CaseSettings caseSettings, AuditLog audit, Clock clock,
                      dev.paydesk.workforce.ContactData workforce) {
        this.workforce = workforce;
        this.dataSource = dataSource;
        this.markets = markets;
        this.caseSettings = caseSettings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        try (Connection raw = dataSource.getConnection()) {
            SingleConnectionDataSource single = new SingleConnectionDataSource(raw, true);
            JdbcClient jdbc = JdbcClient.create(single);
            schema(raw);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(single));
            Rollups rollups = new Rollups(jdbc);
            Facts facts = new Facts(jdbc, rollups, markets, clock);
            KpiService service = new KpiService(jdbc, markets, caseSettings, null, new Targets(jdbc, audit, clock),
                    new SupplierReader(jdbc, workforce));
            LocalDate end = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            generate(jdbc, end);
            long t0 = System.nanoTime();
            for (Kpi.Family family : Kpi.Family.values()) {
                tx.executeWithoutResult(s -> rollups.rebuild(family));
            }
            double rebuild = (System.nanoTime() - t0) / 1e9;
            KpiRequest overview = KpiRequest.period(end.minusDays(90), end);
            double[] rollup = time(() -> service.kpis(overview));
            double[] baseline = time(() -> baseline(jdbc, overview));
            double lag = lag(jdbc, facts, tx);
            print(rebuild, rollup, baseline, lag);
            try (Statement st = raw.createStatement()) {
                if (!keep) {
                    st.execute("drop schema " + SCHEMA + " cascade");
                }
                st.execute("set search_path to default");
            }
        }
        return 0;
    }

    private void schema(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + SCHEMA + " cascade");
            st.execute("create schema " + SCHEMA);
            for (String t : TABLES) {
                st.execute("create table " + SCHEMA + "." + t + " (like public." + t + " including all)");
            }
            st.execute("set search_path to " + SCHEMA + ", public");
        }
    }

    /** A year of facts, spread over 30 two-letter market codes (UTC days: no catalogue market, so no zone). */
    private void generate(JdbcClient jdbc, LocalDate end) {
        String market = "chr(65 + ((g % 30) / 26)::int) || chr(65 + ((g % 30) % 26)::int)";
        String at = "(cast(? as date) - 365 + ((g * 7919) % 365)::int) + ((g * 104729) % 86400) * interval '1 second'";
        jdbc.sql("insert into insights_case_fact (case_id, case_key, market, provider, queue, category, priority, created_at,"
                + " opened_day, resolved_at, resolved_day, first_reply_at, first_reply_day, first_response_minutes, fr_state,"
                + " fr_day, res_state, res_day, csat_rating, csat_day, refreshed_at)"
                + " select gen_random_uuid(), 'PD-' || g, m, 'STRIPE', 'q' || (g % 12), 'c' || (g % 20), 'NORMAL', t, t::date,"
                + " case when g % 5 <> 0 then t + interval '20 hours' end, case when g % 5 <> 0 then (t + interval '20 hours')::date end,"
                + " t + interval '2 hours', (t + interval '2 hours')::date, g % 600,"
                + " case when g % 7 = 0 then 'BREACHED' else 'MET' end, (t + interval '2 hours')::date,"
                + " case when g % 5 = 0 then 'RUNNING' when g % 9 = 0 then 'BREACHED' else 'MET' end,"
                + " case when g % 5 <> 0 then (t + interval '20 hours')::date end,"
                + " case when g % 4 = 0 then 1 + g % 5 end, case when g % 4 = 0 then (t + interval '1 day')::date end, now()"
                + " from (select g, " + market + " m, " + at + " t from generate_series(1, cast(? as bigint)) g) x")
                .params(end, cases).update();
        jdbc.sql("insert into insights_payment_fact (transaction_id, kind, provider_reference, market, provider, method,"
                + " occurred_at, day, failed, amount_minor, currency, requested_at, turnaround_minutes)"
                + " select gen_random_uuid(), case when g % 10 = 0 then 'REFUND' else 'CAPTURE' end, 'p' || g, m, 'ADYEN', 'card',"
                + " t, t::date, g % 10 = 0 and g % 70 = 0, 1000 + g % 9000, 'EUR',"
                + " case when g % 10 = 0 then t - (g % 5000) * interval '1 minute' end, case when g % 10 = 0 then g % 5000 end"
                + " from (select g, " + market + " m, " + at + " t from generate_series(1, cast(? as bigint)) g) x")
                .params(end, payments).update();
        jdbc.sql("insert into insights_dispute_fact (dispute_id, market, provider, network, reason_category, status, opened_at,"
                + " opened_day, closed_at, closed_day, amount_minor, currency)"
                + " select gen_random_uuid(), m, 'ADYEN', 'VISA', 'FRAUD', (array['WON','LOST','NEEDS_RESPONSE','ACCEPTED','EXPIRED'])[1 + g % 5],"
                + " t, t::date, case when g % 5 <> 2 then t + interval '9 days' end, case when g % 5 <> 2 then (t + interval '9 days')::date end,"
                + " 2500, 'EUR' from (select g, " + market + " m, " + at + " t from generate_series(1, cast(? as bigint)) g) x")
                .params(end, disputes).update();
        jdbc.sql("analyze").update();
    }

    /** The overview KPIs straight from the per-record rows (what a report without rollups runs). */
    private static Object baseline(JdbcClient jdbc, KpiRequest r) {
        List<Object> out = new ArrayList<>();
        out.add(jdbc.sql("""
                select count(*) filter (where opened_day >= ? and opened_day < ?),
                       count(*) filter (where resolved_day >= ? and resolved_day < ?),
                       count(*) filter (where opened_day < ? and (resolved_day is null or resolved_day >= ?)),
                       count(*) filter (where fr_state = 'MET' and fr_day >= ? and fr_day < ?)::float
                         / nullif(count(*) filter (where fr_state in ('MET', 'BREACHED') and fr_day >= ? and fr_day < ?), 0),
                       count(*) filter (where res_state = 'MET' and res_day >= ? and res_day < ?)::float
                         / nullif(count(*) filter (where res_state in ('MET', 'BREACHED') and res_day >= ? and res_day < ?), 0),
                       percentile_disc(0.5) within group (order by first_response_minutes)
                         filter (where first_reply_day >= ? and first_reply_day < ?),
                       avg(csat_rating) filter (where csat_day >= ? and csat_day < ?)
                from insights_case_fact""")
                .params(r.from(), r.to(), r.from(), r.to(), r.to(), r.to(), r.from(), r.to(), r.from(), r.to(),
                        r.from(), r.to(), r.from(), r.to(), r.from(), r.to(), r.from(), r.to())
                .query().listOfRows());
        out.add(jdbc.sql("""
                select percentile_disc(0.5) within group (order by turnaround_minutes)
                         filter (where kind = 'REFUND' and not failed and turnaround_minutes is not null),
                       count(*) filter (where kind = 'REFUND' and failed)::float / nullif(count(*) filter (where kind = 'REFUND'), 0),
                       count(*) filter (where kind = 'CAPTURE')
                from insights_payment_fact where day >= ? and day < ?""").params(r.from(), r.to()).query().listOfRows());
        out.add(jdbc.sql("""
                select count(*) filter (where opened_day >= ? and opened_day < ?),
                       count(*) filter (where status = 'WON' and closed_day >= ? and closed_day < ?)::float
                         / nullif(count(*) filter (where status in ('WON', 'LOST', 'EXPIRED') and closed_day >= ? and closed_day < ?), 0)
                from insights_dispute_fact""").params(r.from(), r.to(), r.from(), r.to(), r.from(), r.to()).query().listOfRows());
        return out;
    }

    private double[] time(Callable<Object> work) throws Exception {
        work.call();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.call();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    /** A burst of changed cases (resolved now) through the upsert and rollup delta, 100 per transaction. */
    private double lag(JdbcClient jdbc, Facts facts, TransactionTemplate tx) {
        List<CaseFact> changed = jdbc.sql("select case_id, case_key, market, created_at from insights_case_fact limit ?")
                .param(burst)
                .query((rs, i) -> new CaseFact(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), "STRIPE", "q1",
                        "c1", "HIGH", null, rs.getTimestamp(4).toInstant(), clock.instant(), null, null, "RUNNING", null,
                        "MET", clock.instant(), 5, clock.instant(), false))
                .list();
        long t = System.nanoTime();
        for (int i = 0; i < changed.size(); i += 100) {
            List<CaseFact> batch = changed.subList(i, Math.min(changed.size(), i + 100));
            tx.executeWithoutResult(s -> facts.saveCases(batch));
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private void print(double rebuild, double[] rollup, double[] baseline, double lag) {
        double p95 = p(rollup, 0.95);
        double b95 = p(baseline, 0.95);
        if (json) {
            System.out.printf(Locale.ROOT, "{\"cases\":%d,\"payment_movements\":%d,\"disputes\":%d,\"runs\":%d,"
                    + "\"overview_p50_ms\":%.1f,\"overview_p95_ms\":%.1f,\"baseline_p50_ms\":%.1f,\"baseline_p95_ms\":%.1f,"
                    + "\"ratio_vs_raw_sql\":%.2f,\"lag_s\":%.2f,\"burst\":%d,\"rebuild_s\":%.2f}%n", cases, payments,
                    disputes, runs, p(rollup, 0.5), p95, p(baseline, 0.5), b95, b95 / p95, lag, burst, rebuild);
            return;
        }
        System.out.printf(Locale.ROOT, "insights bench: %,d cases, %,d payment movements, %,d disputes; overview = 90 days x all markets%n",
                cases, payments, disputes);
        System.out.printf(Locale.ROOT, "%-34s %10s %10s%n", "", "p50 ms", "p95 ms");
        System.out.printf(Locale.ROOT, "%-34s %10.1f %10.1f   (target p95 <= 150 ms)%n", "overview from rollups", p(rollup, 0.5), p95);
        System.out.printf(Locale.ROOT, "%-34s %10.1f %10.1f%n", "baseline: same KPIs over raw rows", p(baseline, 0.5), b95);
        System.out.printf(Locale.ROOT, "ratio raw / rollups at p95: %.1f x%n", b95 / p95);
        System.out.printf(Locale.ROOT, "lag: %,d changed cases applied in %.2f s (target <= 60 s)%n", burst, lag);
        System.out.printf(Locale.ROOT, "rebuild of all rollups from the facts: %.2f s%n", rebuild);
    }

    private static double p(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
