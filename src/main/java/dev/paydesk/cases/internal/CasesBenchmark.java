package dev.paydesk.cases.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.BenchmarkCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/paydesk bench cases}: builds 1,000,000 cases with 10,000,000 history rows in a separate
 * schema ({@code paydesk_bench_cases}, same tables and indexes as the case desk) and times the queue
 * views, their counts and full-text search exactly as the case desk runs them. Baseline in the same
 * run: the same SQL with index scans switched off (what a helpdesk table without these indexes does).
 * Times are measured around the JDBC call on loopback, so they include (and bound) the server time.
 */
@Component
@Command(name = "cases", mixinStandardHelpOptions = true,
        description = "Queue views and search over 1M cases / 10M history rows (target p95 <= 50 ms).")
class CasesBenchmark implements BenchmarkCommand, Callable<Integer> {

    static final String SCHEMA = "paydesk_bench_cases";
    /** Changes whenever the generated data change; with the indexes' fingerprint it decides whether a kept schema is rebuilt. */
    static final String DATA_VERSION = "5";
    private static final String WORDS = "refund,chargeback,dispute,klarna,paypal,adyen,stripe,card,declined,twice,double,"
            + "missing,bank,transfer,payout,fee,invoice,order,parcel,return,cancel,subscription,renewal,voucher,credit,"
            + "statement,pending,reserved,authorisation,sepa,ideal,blik,swish,overdue,reminder,collection,address,"
            + "delivery,damaged,wrong,amount,currency,exchange,rate,receipt,account,closed,blocked,fraud,stolen,3ds,"
            + "otp,timeout,error,failed,settled,instalment,apple,google,wallet,gift,loyalty,points,promo,discount,tax,"
            + "vat,shipping,courier,tracking,customs,warehouse,coupon,price,match,guarantee,warranty,repair,exchange2,"
            + "upgrade,downgrade,plan,trial,cancelled,reactivate,duplicate,merchant,descriptor,unknown,recognise";

    private final DataSource dataSource;
    private final Clock clock;

    @Option(names = "--cases", description = "cases to generate (default ${DEFAULT-VALUE})")
    int cases = 1_000_000;

    @Option(names = "--history-per-case", description = "history rows per case (default ${DEFAULT-VALUE})")
    int historyPerCase = 10;

    @Option(names = "--runs", description = "timed runs per query (default ${DEFAULT-VALUE})")
    int runs = 100;

    @Option(names = "--baseline-runs", description = "timed runs per query for the baseline (default ${DEFAULT-VALUE})")
    int baselineRuns = 10;

    @Option(names = "--keep", description = "keep the generated schema for the next run")
    boolean keep;

    @Option(names = "--json", description = "print one JSON object of the figures")
    boolean json;

    @Option(names = "--explain", description = "print the query plan of each list query once")
    boolean explain;

    CasesBenchmark(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        long genStart = System.nanoTime();
        boolean generated;
        try (Connection admin = dataSource.getConnection()) {
            generated = ensureData(admin);
        }
        double genS = (System.nanoTime() - genStart) / 1e9;
        Map<String, double[]> paydesk = new LinkedHashMap<>();
        Map<String, double[]> baseline = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("set search_path = " + SCHEMA + ", public");
            }
            SingleConnectionDataSource single = new SingleConnectionDataSource(c, true);
            JdbcClient jdbc = JdbcClient.create(single);
            CaseSearch search = new CaseSearch(jdbc, clock);
            BenchUser agent = new BenchUser("agent-007", Set.of("DE", "FR", "NL"), false);
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(agent, null,
                    AuthorityUtils.createAuthorityList(Role.AGENT.authority())));
            Map<String, Supplier<Object>> queries = queries(search);
            if (explain) {
                for (CaseQuery.View view : CaseQuery.View.values()) {
                    System.out.println("-- " + view);
                    search.explain(CaseQuery.view(view)).forEach(System.out::println);
                }
                System.out.println("-- search 'refund'");
                search.explain(query("refund")).forEach(System.out::println);
                System.out.println("-- search 'ORD-1000123'");
                search.explain(query("ORD-1000123")).forEach(System.out::println);
            }
            for (var q : queries.entrySet()) {
                for (int i = 0; i < 3; i++) {
                    q.getValue().get();
                }
                paydesk.put(q.getKey(), time(q.getValue(), runs));
            }
            try (Statement s = c.createStatement()) {
                s.execute("set enable_indexscan = off; set enable_bitmapscan = off; set enable_indexonlyscan = off");
            }
            for (var q : queries.entrySet()) {
                baseline.put(q.getKey(), time(q.getValue(), baselineRuns));
            }
            try (Statement s = c.createStatement()) {
                s.execute("reset enable_indexscan; reset enable_bitmapscan; reset enable_indexonlyscan; reset search_path");
            }
        } finally {
            SecurityContextHolder.clearContext();
            if (!keep) {
                try (Connection admin = dataSource.getConnection(); Statement s = admin.createStatement()) {
                    s.execute("drop schema if exists " + SCHEMA + " cascade");
                }
            }
        }
        report(paydesk, baseline, genS, generated);
        return 0;
    }

    private Map<String, Supplier<Object>> queries(CaseSearch search) {
        Random random = new Random(7);
        String[] words = WORDS.split(",");
        Map<String, Supplier<Object>> q = new LinkedHashMap<>();
        for (CaseQuery.View view : List.of(CaseQuery.View.MINE, CaseQuery.View.TEAM, CaseQuery.View.UNASSIGNED,
                CaseQuery.View.BREACHING_SOON, CaseQuery.View.WAITING)) {
            String name = view.name().toLowerCase(Locale.ROOT);
            q.put("view_" + name, () -> search.list(CaseQuery.view(view)));
            q.put("count_" + name, () -> search.countUpTo(CaseQuery.view(view), 1000));
        }
        q.put("search_word", () -> search.list(query(words[random.nextInt(words.length)])));
        q.put("search_two_words", () -> search.list(query(words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)])));
        q.put("search_order_ref", () -> search.list(query("ORD-" + (1_000_000 + random.nextInt(cases)))));
        q.put("search_case_key", () -> search.list(query("PD-" + (1_000_001 + random.nextInt(cases)))));
        q.put("filter_queue_market", () -> search.list(new CaseQuery(CaseQuery.View.ALL, null, Set.of(), "FR", "refunds",
                null, null, null, null, 50, 0)));
        return q;
    }

    private static CaseQuery query(String text) {
        return new CaseQuery(CaseQuery.View.ALL, text, Set.of(), null, null, null, null, null, null, 50, 0);
    }

    private static double[] time(Supplier<Object> query, int n) {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private void report(Map<String, double[]> paydesk, Map<String, double[]> baseline, double genS, boolean generated) {
        double worstP95 = paydesk.values().stream().mapToDouble(a -> pct(a, 0.95)).max().orElse(0);
        if (json) {
            StringBuilder b = new StringBuilder("{");
            b.append(String.format(Locale.ROOT, "\"cases\":%d,\"history_rows\":%d,\"setup_s\":%.1f,\"worst_p95_ms\":%.2f",
                    cases, (long) cases * historyPerCase, genS, worstP95));
            for (String name : paydesk.keySet()) {
                b.append(String.format(Locale.ROOT, ",\"%s_p50_ms\":%.2f,\"%s_p95_ms\":%.2f,\"%s_baseline_p95_ms\":%.2f",
                        name, pct(paydesk.get(name), 0.5), name, pct(paydesk.get(name), 0.95), name, pct(baseline.get(name), 0.95)));
            }
            System.out.println(b.append('}'));
            return;
        }
        System.out.printf("%,d cases, %,d history rows (%s in %.0f s)%n", cases, (long) cases * historyPerCase,
                generated ? "generated" : "reused", genS);
        System.out.printf("%-22s %10s %10s %10s %18s%n", "query", "p50 ms", "p95 ms", "max ms", "no-index p95 ms");
        for (String name : paydesk.keySet()) {
            double[] a = paydesk.get(name);
            System.out.printf(Locale.ROOT, "%-22s %10.2f %10.2f %10.2f %18.1f%n", name, pct(a, 0.5), pct(a, 0.95),
                    a[a.length - 1], pct(baseline.get(name), 0.95));
        }
        System.out.printf(Locale.ROOT, "worst p95: %.2f ms (target <= 50 ms): %s%n", worstP95, worstP95 <= 50 ? "met" : "missed");
    }

    /** Creates the bench schema and data unless it exists with the requested size; returns whether it generated. */
    private boolean ensureData(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            var fp = s.executeQuery("""
                    select md5(string_agg(indexdef, ';' order by indexname)) from pg_indexes
                    where schemaname = 'public' and tablename in ('cases_case', 'cases_entry')""");
            fp.next();
            String version = DATA_VERSION + "/" + fp.getString(1);
            var rs = s.executeQuery("select count(*) from information_schema.tables where table_schema = '" + SCHEMA + "' and table_name = 'cases_case'");
            rs.next();
            if (rs.getInt(1) == 1) {
                var n = s.executeQuery("select count(*), obj_description('" + SCHEMA + "'::regnamespace, 'pg_namespace') from "
                        + SCHEMA + ".cases_case");
                n.next();
                if (n.getLong(1) == cases && version.equals(n.getString(2))) {
                    return false;
                }
            }
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
            for (String table : List.of("cases_queue", "cases_agent", "cases_queue_member", "cases_case", "cases_entry")) {
                s.execute("create table " + SCHEMA + "." + table + " (like public." + table
                        + " including defaults including constraints)");
            }
            s.execute("insert into " + SCHEMA + ".cases_queue select * from public.cases_queue");
            s.execute("insert into " + SCHEMA + ".cases_agent (username) select 'agent-' || lpad(g::text, 3, '0') from generate_series(1, 200) g");
            s.execute("insert into " + SCHEMA + ".cases_queue_member select q, 'agent-' || lpad(g::text, 3, '0') from generate_series(1, 200) g, "
                    + "unnest(array['payments','refunds','disputes']) q where g % 3 = 0 or q = 'payments'");
            String words = "array['" + WORDS.replace(",", "','") + "']";
            s.execute("set local synchronous_commit = off");
            // one body per history row, a function of (case number, row) so the case's search document can hold the same text
            s.execute("""
                    create function %1$s.body(n bigint, k int, w text[]) returns text language sql immutable as $$
                      select case when k %% 5 < 3 then w[1 + (n * 7 + k * 31) %% cardinality(w)] || ' ' || w[1 + (n + k * 5) %% cardinality(w)]
                        || ' ' || w[1 + (n * 3 + k) %% cardinality(w)] || ' ' || w[1 + (n * 11 + k * 7) %% cardinality(w)]
                        || ' ' || w[1 + (n * 13 + k * 3) %% cardinality(w)] || ' ' || w[1 + (n + k * 29) %% cardinality(w)] end $$""".formatted(SCHEMA));
            s.execute("""
                    insert into %1$s.cases_case (id, number, subject, description, category, market, language, priority, status,
                        waiting_reason, queue_code, assignee, tags, source, customer_ref, amount_minor, currency, next_due_at,
                        breached, created_at, updated_at, search)
                    select id, number, subject, description, category, market, 'en', priority, status, waiting_reason, queue_code,
                           assignee, tags, 'API', customer_ref, amount_minor, 'EUR', next_due_at, breached, created_at, updated_at,
                           setweight(to_tsvector('simple', subject || ' PD-' || number), 'A')
                           || setweight(to_tsvector('simple', customer_ref), 'A')
                           || setweight(to_tsvector('simple', description), 'B')
                           || setweight(to_tsvector('simple', (select string_agg(%1$s.body(number, k, w), ' ')
                                                               from generate_series(1, %4$d) k)), 'C')
                    from (select gen_random_uuid() as id, 1000000 + g as number,
                           initcap(w[1 + (g * 7) %% cardinality(w)]) || ' ' || w[1 + (g * 13) %% cardinality(w)] || ' ORD-' || (1000000 + g) as subject,
                           w[1 + (g * 3) %% cardinality(w)] || ' ' || w[1 + (g * 11) %% cardinality(w)] || ' ' || w[1 + (g * 17) %% cardinality(w)]
                               || ' ' || w[1 + (g * 19) %% cardinality(w)] || ' ' || w[1 + (g * 23) %% cardinality(w)] as description,
                           (array['refund.missing','charge.double','charge.declined','dispute','payout.delay'])[1 + g %% 5] as category,
                           (array['DE','FR','NL','IT','ES','PL','SE'])[1 + (g / 7 + g / 101) %% 7] as market,
                           (array['LOW','NORMAL','NORMAL','NORMAL','HIGH','URGENT'])[1 + g %% 6] as priority,
                           case when g %% 10 < 7 then (array['RESOLVED','CLOSED'])[1 + g %% 2]
                                when g %% 10 = 7 then 'WAITING' when g %% 10 = 8 then 'OPEN' else 'NEW' end as status,
                           case when g %% 10 = 7 then 'CUSTOMER' end as waiting_reason,
                           (array['payments','refunds','disputes','reconciliation','triage'])[1 + (g / 3 + g / 53) %% 5] as queue_code,
                           case when g %% 10 = 9 and g %% 4 = 0 then null else 'agent-' || lpad((1 + g %% 200)::text, 3, '0') end as assignee,
                           case when g %% 50 = 0 then array['vip'] else '{}'::text[] end as tags, 'cust-' || (g %% 250000) as customer_ref,
                           1000 + (g %% 50000) as amount_minor,
                           case when g %% 10 >= 8 then now() + (((g * 7919) %% 10080) - 2880) * interval '1 minute' end as next_due_at,
                           g %% 10 >= 7 and g %% 97 = 0 as breached,
                           now() - (g %% 525600) * interval '1 minute' as created_at,
                           now() - ((g * 7919) %% 525600) * interval '1 minute' as updated_at, w
                          from generate_series(1::bigint, %2$d) g, (select %3$s as w) words) src""".formatted(SCHEMA, cases, words, historyPerCase));
            s.execute("""
                    insert into %1$s.cases_entry (case_id, kind, at, author, body)
                    select c.id, (array[%4$s])[1 + k %% 5], c.created_at + k * interval '1 hour',
                           'agent-' || lpad((1 + k %% 200)::text, 3, '0'), %1$s.body(c.number, k, w)
                    from %1$s.cases_case c, generate_series(1, %2$d) k, (select %3$s as w) words""".formatted(SCHEMA, historyPerCase, words,
                    java.util.stream.Stream.of(EntryKind.MESSAGE_IN, EntryKind.MESSAGE_OUT, EntryKind.NOTE, EntryKind.STATUS,
                            EntryKind.ASSIGNED).map(k -> "'" + k.name() + "'").collect(java.util.stream.Collectors.joining(","))));
            // exactly the case desk's indexes, read from the live schema after the load (so they cannot drift)
            List<String> indexes = new java.util.ArrayList<>();
            var defs = s.executeQuery("""
                    select indexdef from pg_indexes where schemaname = 'public' and tablename in ('cases_case', 'cases_entry')""");
            while (defs.next()) {
                indexes.add(defs.getString(1).replace(" ON public.", " ON " + SCHEMA + "."));
            }
            for (String index : indexes) {
                s.execute(index);
            }
            s.execute("comment on schema " + SCHEMA + " is '" + version + "'");
            s.execute("analyze " + SCHEMA + ".cases_case");
            s.execute("analyze " + SCHEMA + ".cases_entry");
            s.execute("analyze " + SCHEMA + ".cases_queue_member");
        }
        return true;
    }

    /** The benchmark's signed-in agent: three markets, member of queues by the generated membership. */
    private record BenchUser(String username, Set<String> markets, boolean allMarkets) implements PaydeskPrincipal {
        @Override
        public UUID userId() {
            return new UUID(0, 7);
        }

        @Override
        public Set<Role> roles() {
            return Set.of(Role.AGENT);
        }
    }

}
