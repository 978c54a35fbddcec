package dev.paydesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.insights.Insights;
import dev.paydesk.insights.Kpi;
import dev.paydesk.insights.KpiRequest;
import dev.paydesk.insights.KpiValue;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.Money;
import dev.paydesk.workforce.Channel;
import dev.paydesk.workforce.ContactData;
import dev.paydesk.workforce.ContactQueue;
import dev.paydesk.workforce.DayAccuracy;
import dev.paydesk.workforce.IntervalStat;
import dev.paydesk.workforce.forecast.Accuracy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supplier and workforce KPIs computed by a plain loop over generated interval statistics (two markets, one
 * across Chile's DST end on 5 April 2026, three suppliers in two currencies) and compared with the KPI service,
 * the drill-down lengths and the API: after the rows went through workforce's API and its
 * {@code IntervalStatsRecorded} event, after a replay and late corrections, and after a rebuild.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupplierKpiFixtureTests extends PlatformTestSupport {

    private static final Map<String, String> ZONES = Map.of("CL", "America/Santiago", "FJ", "Pacific/Fiji");
    private static final Map<String, List<String>> SUPPLIERS = Map.of("CL", List.of("sfx-eur-a", "sfx-usd-b"),
            "FJ", List.of("sfx-eur-a", "sfx-eur-c"));
    private static final Map<String, Money> RATES = Map.of("sfx-eur-a", Money.of(2850, "EUR"),
            "sfx-usd-b", Money.of(3100, "USD"), "sfx-eur-c", Money.of(2400, "EUR"));
    private static final LocalDate START = LocalDate.of(2026, 3, 30);
    private static final LocalDate END = LocalDate.of(2026, 4, 9);
    private static final List<Kpi> KPIS = List.of(Kpi.SUPPLIER_SERVICE_LEVEL, Kpi.SUPPLIER_ASA_SECONDS,
            Kpi.SUPPLIER_AHT_SECONDS, Kpi.SUPPLIER_ABANDON_RATE, Kpi.SUPPLIER_OCCUPANCY, Kpi.SUPPLIER_COST_PER_CONTACT,
            Kpi.FORECAST_WAPE);

    @Autowired
    ContactData workforce;
    @Autowired
    Insights insights;
    @Autowired
    SupplierFeed feed;
    @Autowired
    SupplierFacts facts;
    @Autowired
    Rollups rollups;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private final Random random = new Random(20261211);
    private final List<IntervalStat> stats = new ArrayList<>();
    /** Per queue and local day: forecast and actual per interval. */
    private final List<Object[]> accuracy = new ArrayList<>();

    private static String queue(String market) {
        return "sfx-" + market.toLowerCase() + "-phone";
    }

    @BeforeAll
    void fixture() {
        asSystem(() -> {
            ZONES.forEach((code, zone) -> {
                if (markets.market(code).isEmpty()) {
                    markets.create(new dev.paydesk.platform.internal.MarketService.MarketSpec(code, code + " market", "EUR",
                            zone, List.of("en"), null, false));
                }
                // a skill of this fixture only: a USD supplier with the common "payments" skill would join other tests'
                // supplier splits, which need one currency
                workforce.createQueue(new ContactQueue(queue(code), code + " phone", Channel.PHONE, "sfx-payments", code, "en",
                        30, 300, 120, 0.8, 20));
            });
            RATES.forEach((code, rate) -> workforce.createSupplier(new dev.paydesk.workforce.Supplier(code, code,
                    List.of("sfx-payments"), rate, 80, 0.7, 0, 50)));
        });
        for (String market : ZONES.keySet()) {
            ZoneId zone = ZoneId.of(ZONES.get(market));
            for (LocalDate d = START; d.isBefore(END); d = d.plusDays(1)) {
                double[] forecast = new double[48];
                double[] actual = new double[48];
                for (Instant t = d.atStartOfDay(zone).toInstant(); t.isBefore(d.plusDays(1).atStartOfDay(zone).toInstant());
                     t = t.plusSeconds(1800)) {
                    for (String supplier : SUPPLIERS.get(market)) {
                        if (random.nextInt(5) > 0) {
                            stats.add(randomStat(queue(market), supplier, t));
                        }
                    }
                }
                for (int i = 0; i < 48; i++) {
                    actual[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(40);
                    forecast[i] = Math.round(actual[i] * (0.7 + random.nextDouble() * 0.6) * 10) / 10.0;
                }
                accuracy.add(new Object[]{market, d, forecast, actual});
            }
        }
        // first delivery in chunks through workforce's API (each publishes IntervalStatsRecorded), then a replay
        asSystem(() -> {
            for (int i = 0; i < stats.size(); i += 400) {
                workforce.record(stats.subList(i, Math.min(stats.size(), i + 400)));
            }
            workforce.record(stats);
        });
        // late corrections of every 7th row; the last one carries a marker the listener must have seen
        asSystem(() -> {
            List<IntervalStat> late = new ArrayList<>();
            for (int i = 0; i < stats.size(); i += 7) {
                IntervalStat s = stats.get(i);
                IntervalStat changed = new IntervalStat(s.queue(), s.supplier(), s.intervalStart(), s.offered() + 3,
                        s.answered() + 2, s.abandoned() + 1, s.answeredWithinTarget() + 1, s.handleTimeSeconds() + 600,
                        s.waitTimeSeconds() + 99, s.agentsStaffed());
                stats.set(i, changed);
                late.add(changed);
            }
            workforce.record(late);
        });
        IntervalStat marker = stats.get((stats.size() - 1) / 7 * 7);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from insights_interval_fact"
                        + " where queue like 'sfx-%'").query(Long.class).single() == stats.size()
                && jdbc.sql("select wait_s from insights_interval_fact where queue = ? and supplier = ? and interval_start = ?")
                .params(marker.queue(), marker.supplier(), java.sql.Timestamp.from(marker.intervalStart()))
                .query(Long.class).optional().orElse(-1L) == marker.waitTimeSeconds());
        for (Object[] a : accuracy) {
            String market = (String) a[0];
            Accuracy.Tally tally = new Accuracy.Tally();
            double f = 0;
            double act = 0;
            for (int i = 0; i < 48; i++) {
                tally.add(((double[]) a[2])[i], ((double[]) a[3])[i]);
                f += ((double[]) a[2])[i];
                act += ((double[]) a[3])[i];
            }
            Accuracy result = tally.result();
            ContactQueue q = asSystemGet(() -> workforce.queue(queue(market)));
            DayAccuracy day = new DayAccuracy((LocalDate) a[1], act, f, result.wape(), result.mape(), result.bias());
            tx.executeWithoutResult(s -> facts.saveAccuracy(q, List.of(day)));
        }
    }

    private IntervalStat randomStat(String queue, String supplier, Instant t) {
        int offered = random.nextInt(4) == 0 ? 0 : random.nextInt(30);
        int answered = offered == 0 ? 0 : random.nextInt(offered + 1);
        int abandoned = random.nextInt(offered - answered + 1);
        int within = answered == 0 ? 0 : random.nextInt(answered + 1);
        Double agents = random.nextInt(5) == 0 ? null : (1 + random.nextInt(24)) / 4.0;
        return new IntervalStat(queue, supplier, t, offered, answered, abandoned, within,
                answered * (120L + random.nextInt(400)), answered * (long) random.nextInt(90), agents);
    }

    @Test
    void everySupplierKpiEqualsAPlainLoopPerMarketSupplierAndDayAndAfterARebuild() throws Exception {
        check();
        tx.executeWithoutResult(s -> {
            jdbc.sql("delete from insights_interval_fact where queue like 'sfx-%'").update();
            jdbc.sql("delete from insights_supplier_day where queue like 'sfx-%'").update();
        });
        feed.rebuild();
        tx.executeWithoutResult(s -> rollups.rebuild(Kpi.Family.SUPPLIER));
        check();
    }

    @Test
    void theApiAnswersTheSupplierFilterAndTheScorecard() throws Exception {
        String token = tokenFor(newUser(Role.PROCESS_MANAGER, List.of("CL")));
        JsonMapper json = JsonMapper.builder().build();
        String body = mvc.perform(get("/api/v1/insights/kpis?from=" + START + "&to=" + END + "&market=CL&supplier=sfx-usd-b")
                .header("Authorization", "Bearer " + token)).andReturn().getResponse().getContentAsString();
        for (JsonNode k : json.readTree(body).get("kpis")) {
            Kpi kpi = Kpi.byKey(k.get("key").asString()).orElseThrow();
            if (kpi.family() != Kpi.Family.SUPPLIER || kpi == Kpi.FORECAST_WAPE) {
                assertThat(k.has("value")).as(kpi.key()).isFalse();
                assertThat(k.get("note").asString()).as(kpi.key()).contains("supplier");
            } else {
                Expected e = expected(kpi, "CL", "sfx-usd-b", START, END);
                assertThat(k.get("value").asDouble()).as(kpi.key()).isCloseTo(e.value(), offset(1e-9));
                assertThat(k.get("sample").asLong()).as(kpi.key()).isEqualTo(e.sample());
            }
        }
        String scorecard = mvc.perform(get("/api/v1/insights/suppliers?from=" + START + "&to=" + END
                        + "&market=CL&sort=supplier_service_level&dir=desc").header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getContentAsString();
        JsonNode rows = json.readTree(scorecard).get("suppliers");
        assertThat(rows.size()).isEqualTo(2);
        double first = Double.NaN;
        for (JsonNode row : rows) {
            for (JsonNode k : row.get("kpis")) {
                if (k.get("key").asString().equals("supplier_service_level")) {
                    double expected = expected(Kpi.SUPPLIER_SERVICE_LEVEL, "CL", row.get("supplier").asString(), START, END).value();
                    assertThat(k.get("value").asDouble()).isCloseTo(expected, offset(1e-9));
                    assertThat(Double.isNaN(first) || first >= expected).as("sorted descending").isTrue();
                    first = expected;
                }
            }
        }
        var bad = mvc.perform(get("/api/v1/insights/suppliers?from=" + START + "&to=" + END + "&sort=colour")
                .header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentType()).contains("problem+json");
    }

    private void check() {
        LocalDate mid = START.plusDays(5);
        for (String market : ZONES.keySet()) {
            List<String> filters = new ArrayList<>(SUPPLIERS.get(market));
            filters.add(null);
            for (String supplier : filters) {
                List<LocalDate[]> periods = new ArrayList<>();
                periods.add(new LocalDate[]{START, END});
                periods.add(new LocalDate[]{mid, END});
                for (LocalDate d = START; d.isBefore(END); d = d.plusDays(1)) {
                    periods.add(new LocalDate[]{d, d.plusDays(1)});
                }
                for (LocalDate[] p : periods) {
                    KpiRequest request = new KpiRequest(p[0], p[1], market, null, null, null, null, supplier, null, null);
                    List<KpiValue> values = asSystemGet(() -> insights.kpis(request));
                    for (Kpi kpi : KPIS) {
                        String what = kpi.key() + " " + market + " " + supplier + " " + p[0] + ".." + p[1];
                        KpiValue actual = values.stream().filter(v -> v.key().equals(kpi.key())).findFirst().orElseThrow();
                        Expected e = expected(kpi, market, supplier, p[0], p[1]);
                        assertValue(what, actual.value(), e.value());
                        assertThat(actual.sample()).as(what + " sample").isEqualTo(e.sample());
                        assertThat(actual.currency()).as(what + " currency").isEqualTo(e.currency());
                        if (p[0].equals(mid) && p[1].equals(END)) {
                            assertValue(what + " previous", actual.previous(), expected(kpi, market, supplier, START, mid).value());
                        }
                        if (p[1].equals(END) || p[0].getDayOfMonth() % 3 == 0) {
                            long listed = asSystemGet(() -> insights.records(kpi, request, 1, 0)).total();
                            assertThat(listed).as(what + " drill-down length").isEqualTo(e.sample());
                        }
                    }
                }
            }
            KpiRequest bySupplier = new KpiRequest(START, END, market, null, null, null, null, null, null, "supplier");
            List<KpiValue> grouped = asSystemGet(() -> insights.kpis(bySupplier));
            for (String supplier : SUPPLIERS.get(market)) {
                KpiValue v = grouped.stream().filter(g -> g.key().equals(Kpi.SUPPLIER_AHT_SECONDS.key()) && g.group() != null
                        && supplier.equals(g.group().get("supplier"))).findFirst().orElseThrow();
                assertValue("by=supplier " + supplier, v.value(), expected(Kpi.SUPPLIER_AHT_SECONDS, market, supplier, START, END).value());
            }
        }
    }

    private static void assertValue(String what, @Nullable Double actual, @Nullable Double expected) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull();
            assertThat(actual).as(what).isCloseTo(expected, offset(1e-9));
        }
    }

    // ---- the independent computation: plain loops over the generated rows ----

    record Expected(@Nullable Double value, long sample, @Nullable String currency) {
    }

    private Expected expected(Kpi kpi, String market, @Nullable String supplier, LocalDate from, LocalDate to) {
        ZoneId zone = ZoneId.of(ZONES.get(market));
        if (kpi == Kpi.FORECAST_WAPE) {
            if (supplier != null) {
                return new Expected(null, 0, null);
            }
            double abs = 0;
            double actual = 0;
            long days = 0;
            for (Object[] a : accuracy) {
                LocalDate d = (LocalDate) a[1];
                if (a[0].equals(market) && !d.isBefore(from) && d.isBefore(to)) {
                    days++;
                    for (int i = 0; i < 48; i++) {
                        abs += Math.abs(((double[]) a[2])[i] - ((double[]) a[3])[i]);
                        actual += ((double[]) a[3])[i];
                    }
                }
            }
            return new Expected(actual > 0 ? abs / actual : null, days, null);
        }
        long offered = 0, answered = 0, abandoned = 0, within = 0, handle = 0, wait = 0, staffedHandle = 0;
        long offeredRows = 0, answeredRows = 0, staffedRows = 0;
        double agentSeconds = 0;
        TreeSet<String> currencies = new TreeSet<>();
        java.util.Map<String, BigDecimal> cost = new java.util.TreeMap<>();
        java.util.Map<String, Long> costAnswered = new java.util.TreeMap<>();
        for (IntervalStat s : stats) {
            LocalDate day = s.intervalStart().atZone(zone).toLocalDate();
            if (!s.queue().equals(queue(market)) || (supplier != null && !s.supplier().equals(supplier))
                    || day.isBefore(from) || !day.isBefore(to)) {
                continue;
            }
            offered += s.offered();
            answered += s.answered();
            abandoned += s.abandoned();
            within += s.answeredWithinTarget();
            handle += s.handleTimeSeconds();
            wait += s.waitTimeSeconds();
            offeredRows += s.offered() > 0 ? 1 : 0;
            answeredRows += s.answered() > 0 ? 1 : 0;
            if (s.agentsStaffed() != null && s.agentsStaffed() > 0) {
                staffedRows++;
                double seconds = s.agentsStaffed() * 1800;
                agentSeconds += seconds;
                staffedHandle += s.handleTimeSeconds();
                Money rate = RATES.get(s.supplier());
                String c = rate.currency().getCurrencyCode();
                currencies.add(c);
                cost.merge(c, BigDecimal.valueOf(seconds).multiply(BigDecimal.valueOf(rate.minor())), BigDecimal::add);
                costAnswered.merge(c, (long) s.answered(), Long::sum);
            }
        }
        return switch (kpi) {
            case SUPPLIER_SERVICE_LEVEL -> new Expected(offered == 0 ? null : within / (double) offered, offeredRows, null);
            case SUPPLIER_ABANDON_RATE -> new Expected(offered == 0 ? null : abandoned / (double) offered, offeredRows, null);
            case SUPPLIER_ASA_SECONDS -> new Expected(answered == 0 ? null : wait / (double) answered, answeredRows, null);
            case SUPPLIER_AHT_SECONDS -> new Expected(answered == 0 ? null : handle / (double) answered, answeredRows, null);
            case SUPPLIER_OCCUPANCY -> new Expected(agentSeconds == 0 ? null : staffedHandle / agentSeconds, staffedRows, null);
            case SUPPLIER_COST_PER_CONTACT -> {
                if (currencies.size() != 1) {
                    yield new Expected(null, staffedRows, null);
                }
                String c = currencies.first();
                long n = costAnswered.get(c);
                Double v = n == 0 ? null : cost.get(c).divide(BigDecimal.valueOf(3600L * n), 0, RoundingMode.HALF_EVEN).doubleValue();
                yield new Expected(v, staffedRows, c);
            }
            default -> throw new IllegalStateException();
        };
    }

    private static <T> T asSystemGet(Supplier<T> action) {
        List<T> out = new ArrayList<>(1);
        asSystem(() -> out.add(action.get()));
        return out.getFirst();
    }
}
