package dev.paydesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.cases.MoneyActionApproved;
import dev.paydesk.cases.MoneyActionType;
import dev.paydesk.insights.MoneyInsights;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The money API against a plain loop over generated facts in two markets and two currencies (EUR, USD) with a
 * weekend without reference rates; every figure's drill-down has exactly its count of records; the same after a
 * rollup rebuild and after replayed facts; an approved goodwill credit reaches the figures through its event.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MoneyKpisTests extends PlatformTestSupport {

    /** 8 December 2023 is the ECB's published rate (see MoneyPeriodTests); 11, 12 and 14 December are test values. */
    private static final String RATES = """
            Date,USD,JPY,GBP,
            2023-12-14,1.0919,N/A,N/A,
            2023-12-12,1.0781,N/A,N/A,
            2023-12-11,1.0765,N/A,N/A,
            2023-12-08,1.0777,155.53,0.8569,
            """;
    private static final Map<String, String> ZONES = Map.of("FJ", "Pacific/Fiji", "BO", "America/La_Paz");
    private static final LocalDate FROM = LocalDate.of(2023, 12, 9);
    private static final LocalDate TO = LocalDate.of(2023, 12, 13);

    @Autowired
    MoneyFacts money;
    @Autowired
    FxRates fx;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void figuresEqualAPlainLoopAndEveryDrilldownHasItsCount() throws Exception {
        createMarkets();
        asSystem(() -> {
            try {
                fx.importCsv(new StringReader(RATES), "test");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        List<MoneyFact> facts = generate();
        List<MoneyFact> shuffled = new ArrayList<>(facts);
        Collections.shuffle(shuffled, new Random(7));
        for (int i = 0; i < shuffled.size(); i += 37) {
            List<MoneyFact> chunk = shuffled.subList(i, Math.min(i + 37, shuffled.size()));
            saveBySource(facts, chunk);
        }
        saveBySource(facts, shuffled.subList(0, 100)); // replayed: nothing counts twice
        String token = tokenFor(newUser(Role.PROCESS_MANAGER, List.of("FJ")));
        check(facts, token);
        money.rebuildRollup();
        check(facts, token);

        var bad = mvc.perform(get("/api/v1/insights/money?from=" + FROM + "&to=" + TO + "&provider=ADYEN")
                .header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentType()).contains("application/problem+json");

        long lostBefore = figure(report(token), "money_lost", "USD").path("count").asLong();
        UUID action = UUID.randomUUID();
        tx.executeWithoutResult(s -> events.publishEvent(new MoneyActionApproved(action, UUID.randomUUID(), "PD-1",
                MoneyActionType.GOODWILL, Money.of(1234, "USD"), null, null, "FJ", "agent", "lead",
                LocalDate.of(2023, 12, 10).atTime(12, 0).atZone(ZoneId.of("Pacific/Fiji")).toInstant())));
        await().atMost(Duration.ofSeconds(60)).until(() -> figure(report(token), "money_lost", "USD").path("count").asLong()
                == lostBefore + 1);
    }

    @Test
    void theMoneyDashboardShowsTheFiguresAndTheRatioTrendAnswers() throws Exception {
        createMarkets();
        dev.paydesk.platform.internal.UserAccount pm = newUser(Role.PROCESS_MANAGER, List.of("BO"));
        String q = "from=" + FROM + "&to=" + TO + "&market=BO";
        UUID id = UUID.randomUUID();
        money.save(List.of(id), List.of(new MoneyFact(id, MoneyFact.LOST, "test", "WRITE_OFF", "BO", "", "PD-9", "USD",
                1999, LocalDate.of(2023, 12, 11).atTime(12, 0).atZone(ZoneId.of("America/La_Paz")).toInstant(),
                LocalDate.of(2023, 12, 11), null)));
        JsonNode report = json.readTree(mvc.perform(get("/api/v1/insights/money?" + q)
                .header("Authorization", "Bearer " + tokenFor(pm))).andReturn().getResponse().getContentAsString());
        long count = figure(report, "money_lost", "USD").path("count").asLong();
        assertThat(count).isPositive();
        String page = mvc.perform(get("/insights/money/figures?" + q).with(user(pm))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"money-figures\"").contains("/insights/money/records/money_lost?" + q.replace("&", "&amp;") + "&amp;currency=USD");
        String records = mvc.perform(get("/insights/money/records/money_lost?" + q + "&currency=USD").with(user(pm)))
                .andReturn().getResponse().getContentAsString();
        assertThat(records).contains("data-total=\"" + count + "\"");
        assertThat(mvc.perform(get("/insights/money?" + q).with(user(pm))).andReturn().getResponse().getContentAsString())
                .contains("/insights/money/figures?");

        String specialist = tokenFor(newUser(Role.DISPUTE_SPECIALIST, List.of("BO")));
        var tooMany = mvc.perform(get("/api/v1/insights/money/chargeback-ratios?months=25")
                .header("Authorization", "Bearer " + specialist)).andReturn().getResponse();
        assertThat(tooMany.getStatus()).isEqualTo(400);
        JsonNode points = json.readTree(mvc.perform(get("/api/v1/insights/money/chargeback-ratios?to=2026-11&months=3")
                .header("Authorization", "Bearer " + specialist)).andReturn().getResponse().getContentAsString());
        for (JsonNode p : points) {
            assertThat(p.get("month").asString()).isBetween("2026-09", "2026-11");
            assertThat(p.get("programme").asString()).isNotBlank();
        }
        assertThat(mvc.perform(get("/insights/disputes/ratios").with(user(pm))).andReturn().getResponse().getContentAsString())
                .contains("id=\"chargeback-ratios\"");
    }

    private void createMarkets() {
        ZONES.forEach((code, zone) -> asSystem(() -> {
            if (markets.market(code).isEmpty()) {
                markets.create(new dev.paydesk.platform.internal.MarketService.MarketSpec(code, code + " market", "EUR",
                        zone, List.of("en"), null, false));
            }
        }));
    }

    /** Each source record's rows are written together, as the listeners do. */
    private void saveBySource(List<MoneyFact> all, List<MoneyFact> chunk) {
        List<UUID> ids = chunk.stream().map(MoneyFact::sourceId).distinct().toList();
        money.save(ids, all.stream().filter(f -> ids.contains(f.sourceId())).toList());
    }

    private List<MoneyFact> generate() {
        Random random = new Random(20231209);
        String[] metrics = {MoneyFact.RISK_IN, MoneyFact.WON, MoneyFact.LOST, MoneyFact.CAPTURED, MoneyFact.REFUNDED,
                MoneyFact.REFUND_FAILED};
        List<MoneyFact> out = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String market = i % 2 == 0 ? "FJ" : "BO";
            LocalDate day = LocalDate.of(2023, 12, 4).plusDays(random.nextInt(11));
            String currency = random.nextBoolean() ? "EUR" : "USD";
            String metric = metrics[random.nextInt(metrics.length)];
            UUID id = UUID.randomUUID();
            long amount = 1 + random.nextInt(90_000);
            out.add(row(id, metric, "K" + random.nextInt(3), market, currency, amount, day, null));
            if (metric.equals(MoneyFact.RISK_IN) && random.nextInt(3) == 0) {
                out.add(row(id, MoneyFact.RISK_OUT, "K0", market, currency, amount, day.plusDays(random.nextInt(5)), null));
            }
            if (metric.equals(MoneyFact.REFUNDED) && random.nextBoolean()) {
                out.add(row(id, MoneyFact.REFUND_SETTLED, "REFUND", market, currency, amount, day.plusDays(1),
                        random.nextInt(4000)));
            }
        }
        return out;
    }

    private static MoneyFact row(UUID id, String metric, String kind, String market, String currency, long amount,
                                 LocalDate day, Integer minutes) {
        return new MoneyFact(id, metric, "test", kind, market, "", "ref-" + id, currency, amount,
                day.atTime(12, 0).atZone(ZoneId.of(ZONES.get(market))).toInstant(), day, minutes);
    }

    private void check(List<MoneyFact> all, String token) throws Exception {
        List<MoneyFact> fj = all.stream().filter(f -> f.market().equals("FJ")).toList();
        JsonNode report = report(token);
        assertThat(report.get("reportingCurrency").asString()).isEqualTo("EUR");
        for (String key : MoneyInsights.KEYS) {
            long allCount = 0;
            for (String currency : List.of("EUR", "USD")) {
                MoneyPeriod.Sum expected = MoneyPeriodTests.loopSum(key, currency, fj, FROM, TO);
                long amount = expected.amountMinor();
                long count = expected.count();
                JsonNode figure = figure(report, key, currency);
                assertThat(figure.path("amountMinor").asLong()).as(key + " " + currency).isEqualTo(amount);
                assertThat(figure.path("count").asLong()).as(key + " " + currency).isEqualTo(count);
                assertThat(drilldownTotal(figure, token)).as(key + " " + currency + " drill-down").isEqualTo(count);
                allCount += count;
            }
            JsonNode eur = figure(report, key, "EUR", true);
            assertThat(eur.path("amountMinor").asLong()).as(key + " in EUR")
                    .isEqualTo(MoneyPeriodTests.loopInEur(key, fj, FROM, TO));
            assertThat(eur.path("count").asLong()).isEqualTo(allCount);
            assertThat(drilldownTotal(eur, token)).as(key + " reporting drill-down").isEqualTo(allCount);
        }
        boolean usdOnSaturday = fj.stream().anyMatch(f -> f.currency().equals("USD") && f.day().equals(FROM)
                && !f.metric().equals(MoneyFact.RISK_IN) && !f.metric().equals(MoneyFact.REFUND_SETTLED));
        assertThat(usdOnSaturday).as("fixture has a USD flow on the weekend").isTrue();
        assertThat(report.get("notes").toString())
                .contains("USD on 2023-12-09: no reference rate that day, the rate of 2023-12-08 was used");
        JsonNode timing = report.get("timings").get(0);
        List<Integer> minutes = fj.stream().filter(f -> f.metric().equals(MoneyFact.REFUND_SETTLED)
                && !f.day().isBefore(FROM) && f.day().isBefore(TO)).map(MoneyFact::minutes).sorted().toList();
        assertThat(timing.get("sample").asLong()).isEqualTo(minutes.size());
        assertThat(timing.get("value").asDouble()).isEqualTo(minutes.get((int) Math.ceil(0.5 * minutes.size()) - 1) / 60.0);
    }

    private JsonNode report(String token) throws Exception {
        String body = mvc.perform(get("/api/v1/insights/money?from=" + FROM + "&to=" + TO + "&market=FJ")
                .header("Authorization", "Bearer " + token)).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static JsonNode figure(JsonNode report, String key, String currency) {
        return figure(report, key, currency, false);
    }

    private static JsonNode figure(JsonNode report, String key, String currency, boolean reporting) {
        for (JsonNode f : report.get("figures")) {
            if (f.get("key").asString().equals(key) && f.get("currency").asString().equals(currency)
                    && f.get("reporting").asBoolean() == reporting) {
                return f;
            }
        }
        return json().createObjectNode();
    }

    private static JsonMapper json() {
        return JsonMapper.builder().build();
    }

    private long drilldownTotal(JsonNode figure, String token) throws Exception {
        if (!figure.has("drilldown")) {
            return 0;
        }
        String body = mvc.perform(get(figure.get("drilldown").asString() + "&limit=10000")
                .header("Authorization", "Bearer " + token)).andReturn().getResponse().getContentAsString();
        JsonNode records = json.readTree(body);
        assertThat(records.get("records").size()).isEqualTo(records.get("total").asInt());
        return records.get("total").asLong();
    }
}
