package dev.paydesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.insights.Insights;
import dev.paydesk.insights.Kpi;
import dev.paydesk.insights.KpiRequest;
import dev.paydesk.insights.KpiValue;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every KPI computed independently by a plain loop over a generated fixture (cases, captures, refunds and
 * disputes in three markets around their 2026 DST changes, with instants near local midnight) and
 * compared with the rollups, the API and the drill-down lengths; after replayed and late (changed)
 * facts, and after a rebuild of the rollups from the facts.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KpiFixtureTests extends PlatformTestSupport {

    /** Markets nobody else's tests use, each with a DST change in the window (NZ ends 5 April, CU starts 8 March). */
    private static final Map<String, String> ZONES = Map.of("NZ", "Pacific/Auckland", "CU", "America/Havana",
            "MN", "Asia/Ulaanbaatar");
    private static final LocalDate START = LocalDate.of(2026, 3, 3);
    private static final LocalDate END = LocalDate.of(2026, 4, 10);

    @Autowired
    Facts facts;
    @Autowired
    Rollups rollups;
    @Autowired
    Insights insights;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MockMvc mvc;

    private final Random random = new Random(20261208);
    private final List<CaseFact> cases = new ArrayList<>();
    private final List<PaymentFact> payments = new ArrayList<>();
    private final List<DisputeFact> disputes = new ArrayList<>();

    @BeforeEach
    void fixture() {
        ZONES.forEach((code, zone) -> asSystem(() -> {
            if (markets.market(code).isEmpty()) {
                markets.create(new dev.paydesk.platform.internal.MarketService.MarketSpec(code, code + " market", "EUR",
                        zone, List.of("en"), null, false));
            }
        }));
        for (String market : ZONES.keySet()) {
            for (int i = 0; i < 150; i++) {
                cases.add(randomCase(market));
                payments.add(randomPayment(market, i % 3 == 0));
                if (i % 3 == 0) {
                    disputes.add(randomDispute(market));
                }
            }
        }
        // first delivery in shuffled chunks, then every event again (a replay), then late changes
        List<CaseFact> shuffled = new ArrayList<>(cases);
        Collections.shuffle(shuffled, random);
        for (int i = 0; i < shuffled.size(); i += 37) {
            facts.saveCases(shuffled.subList(i, Math.min(shuffled.size(), i + 37)));
        }
        facts.saveCases(cases);
        facts.savePayments(payments);
        facts.savePayments(payments);
        facts.saveDisputes(disputes);
        facts.saveDisputes(disputes);
        for (int i = 0; i < cases.size(); i += 9) {
            CaseFact c = cases.get(i);
            CaseFact reopened = new CaseFact(c.caseId(), c.key(), c.market(), c.provider(), c.queue(), c.category(),
                    c.priority(), c.assignee(), c.createdAt(), null, c.firstReplyAt(), c.firstResponseMinutes(),
                    c.frState(), c.frDecidedAt(), "RUNNING", null, c.csatRating(), c.csatAt(), false,
                    new CaseFact.Conduct(c.conduct().reopens() + 1, c.conduct().repliesOut(), c.conduct().repeatContact(),
                            c.conduct().psd2State(), c.conduct().psd2DecidedAt(), "RUNNING", null, c.conduct().csatSentAt(),
                            c.conduct().approvals()));
            cases.set(i, reopened);
            facts.saveCases(List.of(reopened));
        }
    }

    @Test
    void everyKpiEqualsAPlainLoopPerMarketAndDayAcrossDstAndAfterARebuild() throws Exception {
        check();
        for (dev.paydesk.insights.Kpi.Family family : dev.paydesk.insights.Kpi.Family.values()) {
            tx.executeWithoutResult(s -> rollups.rebuild(family));
        }
        check();
        String token = tokenFor(newUser(Role.PROCESS_MANAGER, List.of("NZ")));
        String body = mvc.perform(get("/api/v1/insights/kpis?from=" + START + "&to=" + END + "&market=NZ")
                .header("Authorization", "Bearer " + token)).andReturn().getResponse().getContentAsString();
        JsonNode kpis = JsonMapper.builder().build().readTree(body).get("kpis");
        for (JsonNode k : kpis) {
            Kpi kpi = Kpi.byKey(k.get("key").asString()).orElseThrow();
            Double expected = expected(kpi, "NZ", START, END).value();
            if (expected == null) {
                assertThat(k.has("value")).as(kpi.key()).isFalse();
            } else {
                assertThat(k.get("value").asDouble()).as(kpi.key()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
            }
            Double previous = expected(kpi, "NZ", START.minusDays(Duration.between(START.atStartOfDay(), END.atStartOfDay()).toDays()), START).value();
            if (previous != null) {
                assertThat(k.get("previous").asDouble()).as(kpi.key() + " previous").isCloseTo(previous, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        KpiRequest byMarket = new KpiRequest(START, END, null, null, null, null, null, null, null, "market");
        List<KpiValue> grouped = asSystemGet(() -> insights.kpis(byMarket));
        for (String market : ZONES.keySet()) {
            for (Kpi kpi : List.of(Kpi.CASES_OPENED, Kpi.FIRST_RESPONSE_ATTAINMENT, Kpi.DISPUTE_RATE)) {
                KpiValue v = grouped.stream().filter(g -> g.key().equals(kpi.key()) && g.group() != null
                        && market.equals(g.group().get("market"))).findFirst().orElseThrow();
                assertThat(v.value()).as("by=market " + market + " " + kpi.key())
                        .isCloseTo(expected(kpi, market, START, END).value(), org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        String other = mvc.perform(get("/api/v1/insights/kpis?from=" + START + "&to=" + END + "&market=CU")
                .header("Authorization", "Bearer " + token)).andReturn().getResponse().getContentType();
        assertThat(other).contains("problem+json");
    }

    @Test
    void badInputIsAProblemNotAFigure() throws Exception {
        String token = tokenFor(newUser(Role.PROCESS_MANAGER, List.of("NZ")));
        for (String query : List.of("from=2026-03-01&to=2026-04-01&queu=payments", "from=2026-04-01&to=2026-03-01",
                "from=2026-03-01", "from=2024-01-01&to=2026-03-01", "from=2026-03-01&to=2026-04-01&by=colour",
                "from=yesterday&to=2026-04-01", "from=2026-03-01&to=2026-04-01&priority=SOON")) {
            var response = mvc.perform(get("/api/v1/insights/kpis?" + query).header("Authorization", "Bearer " + token))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(query).isEqualTo(400);
            assertThat(response.getContentType()).as(query).contains("problem+json");
        }
    }

    private void check() {
        for (String market : ZONES.keySet()) {
            List<LocalDate[]> periods = new ArrayList<>();
            periods.add(new LocalDate[]{START, END});
            for (LocalDate d = START; d.isBefore(END); d = d.plusDays(1)) {
                periods.add(new LocalDate[]{d, d.plusDays(1)});
            }
            for (LocalDate[] p : periods) {
                KpiRequest request = KpiRequest.period(p[0], p[1]).withMarket(market);
                List<KpiValue> values = asSystemGet(() -> insights.kpis(request));
                for (Kpi kpi : Kpi.values()) {
                    Measures.Result expected = expected(kpi, market, p[0], p[1]);
                    KpiValue actual = values.stream().filter(v -> v.key().equals(kpi.key())).findFirst().orElseThrow();
                    String what = kpi.key() + " " + market + " " + p[0] + ".." + p[1];
                    if (expected.value() == null) {
                        assertThat(actual.value()).as(what).isNull();
                    } else {
                        assertThat(actual.value()).as(what).isCloseTo(expected.value(), org.assertj.core.data.Offset.offset(1e-9));
                    }
                    assertThat(actual.sample()).as(what + " sample").isEqualTo(expected.sample());
                    if (p[1].equals(END) || p[0].getDayOfMonth() % 5 == 0) {
                        long listed = asSystemGet(() -> insights.records(kpi, request, 1, 0)).total();
                        assertThat(listed).as(what + " drill-down length").isEqualTo(expected.sample());
                    }
                }
            }
        }
    }

    // ---- the independent computation: plain loops over the fixture rows ----

    private Measures.Result expected(Kpi kpi, String market, LocalDate from, LocalDate to) {
        ZoneId zone = ZoneId.of(ZONES.get(market));
        Predicate<Instant> in = at -> at != null && !day(at, zone).isBefore(from) && day(at, zone).isBefore(to);
        List<CaseFact> mc = cases.stream().filter(c -> c.market().equals(market)).toList();
        List<PaymentFact> mp = payments.stream().filter(c -> c.market().equals(market)).toList();
        List<DisputeFact> md = disputes.stream().filter(c -> c.market().equals(market)).toList();
        switch (kpi) {
            case CASES_OPENED: return count(mc.stream().filter(c -> in.test(c.createdAt())).count());
            case CASES_RESOLVED: return count(mc.stream().filter(c -> in.test(c.resolvedAt())).count());
            case BACKLOG_OPEN: return count(mc.stream().filter(c -> day(c.createdAt(), zone).isBefore(to)
                    && (c.resolvedAt() == null || !day(c.resolvedAt(), zone).isBefore(to))).count());
            case FIRST_RESPONSE_ATTAINMENT: return attainment(mc, true, in);
            case RESOLUTION_ATTAINMENT: return attainment(mc, false, in);
            case FIRST_RESPONSE_MINUTES_P50: return percentile(mc.stream().filter(c -> c.firstResponseMinutes() != null
                    && in.test(c.firstReplyAt())).map(CaseFact::firstResponseMinutes).toList(), 0.5, 1);
            case FIRST_RESPONSE_MINUTES_P90: return percentile(mc.stream().filter(c -> c.firstResponseMinutes() != null
                    && in.test(c.firstReplyAt())).map(CaseFact::firstResponseMinutes).toList(), 0.9, 1);
            case CSAT_MEAN: {
                List<Integer> r = mc.stream().filter(c -> c.csatRating() != null && in.test(c.csatAt())).map(CaseFact::csatRating).toList();
                return r.isEmpty() ? new Measures.Result(null, 0)
                        : new Measures.Result(r.stream().mapToInt(Integer::intValue).sum() / (double) r.size(), r.size());
            }
            case CSAT_SATISFIED: {
                List<Integer> r = mc.stream().filter(c -> c.csatRating() != null && in.test(c.csatAt())).map(CaseFact::csatRating).toList();
                return r.isEmpty() ? new Measures.Result(null, 0)
                        : new Measures.Result(r.stream().filter(x -> x >= 4).count() / (double) r.size(), r.size());
            }
            case REFUND_TURNAROUND_HOURS_P50: return percentile(mp.stream().filter(p -> p.kind().equals("REFUND") && !p.failed()
                    && p.turnaroundMinutes() != null && in.test(p.occurredAt())).map(PaymentFact::turnaroundMinutes).toList(), 0.5, 60);
            case FAILED_REFUND_RATE: {
                long all = mp.stream().filter(p -> p.kind().equals("REFUND") && in.test(p.occurredAt())).count();
                long failed = mp.stream().filter(p -> p.kind().equals("REFUND") && p.failed() && in.test(p.occurredAt())).count();
                return all == 0 ? new Measures.Result(null, 0) : new Measures.Result(failed / (double) all, all);
            }
            case CAPTURES: return count(mp.stream().filter(p -> p.kind().equals("CAPTURE") && in.test(p.occurredAt())).count());
            case DISPUTES_OPENED: return count(md.stream().filter(d -> in.test(d.openedAt())).count());
            case DISPUTE_WIN_RATE: {
                List<DisputeFact> decided = md.stream().filter(d -> List.of("WON", "LOST", "EXPIRED").contains(d.status())
                        && in.test(d.closedAt())).toList();
                return decided.isEmpty() ? new Measures.Result(null, 0) : new Measures.Result(
                        decided.stream().filter(d -> d.status().equals("WON")).count() / (double) decided.size(), decided.size());
            }
            case FOUR_EYES_WAIT_MINUTES_P50: return percentile(mc.stream().flatMap(c -> c.conduct().approvals().stream())
                    .filter(a -> in.test(a.decidedAt()))
                    .map(a -> (int) Duration.between(a.requestedAt(), a.decidedAt()).toMinutes()).toList(), 0.5, 1);
                        case CONTACT_RATE_PER_1000_ORDERS: {
                long opened = mc.stream().filter(c -> in.test(c.createdAt())).count();
                long orders = mp.stream().filter(p -> p.firstCapture() && in.test(p.occurredAt())).count();
                return new Measures.Result(orders == 0 ? null : opened * 1000.0 / orders, opened);
            }
            case DISPUTE_RATE: {
                long opened = md.stream().filter(d -> in.test(d.openedAt())).count();
                long captures = mp.stream().filter(p -> p.kind().equals("CAPTURE") && in.test(p.occurredAt())).count();
                return new Measures.Result(captures == 0 ? null : opened / (double) captures, opened);
            }
            case CSAT_RESPONSE_RATE: {
                long sent = 0;
                long answered = 0;
                for (CaseFact c : mc) {
                    if (in.test(c.conduct().csatSentAt())) {
                        sent++;
                        answered += c.csatRating() != null ? 1 : 0;
                    }
                }
                return sent == 0 ? new Measures.Result(null, 0) : new Measures.Result(answered / (double) sent, sent);
            }
            case REOPEN_RATE, FIRST_CONTACT_RESOLUTION_RATE: {
                long resolved = 0;
                long hits = 0;
                for (CaseFact c : mc) {
                    if (in.test(c.resolvedAt())) {
                        resolved++;
                        boolean reopened = c.conduct().reopens() > 0;
                        boolean firstContact = !reopened && c.conduct().repliesOut() <= 1;
                        hits += (kpi == Kpi.REOPEN_RATE ? reopened : firstContact) ? 1 : 0;
                    }
                }
                return resolved == 0 ? new Measures.Result(null, 0) : new Measures.Result(hits / (double) resolved, resolved);
            }
            case REPEAT_CONTACT_RATE: {
                long opened = mc.stream().filter(c -> in.test(c.createdAt())).count();
                long repeats = mc.stream().filter(c -> in.test(c.createdAt()) && c.conduct().repeatContact()).count();
                return opened == 0 ? new Measures.Result(null, 0) : new Measures.Result(repeats / (double) opened, opened);
            }
            case PSD2_REPLY_ATTAINMENT, OLA_ATTAINMENT: {
                long met = 0;
                long all = 0;
                for (CaseFact c : mc) {
                    boolean psd2 = kpi == Kpi.PSD2_REPLY_ATTAINMENT;
                    String state = psd2 ? c.conduct().psd2State() : c.conduct().olaState();
                    Instant at = psd2 ? c.conduct().psd2DecidedAt() : c.conduct().olaDecidedAt();
                    if (("MET".equals(state) || "BREACHED".equals(state)) && in.test(at)) {
                        all++;
                        met += "MET".equals(state) ? 1 : 0;
                    }
                }
                return all == 0 ? new Measures.Result(null, 0) : new Measures.Result(met / (double) all, all);
            }
            case SUPPLIER_SERVICE_LEVEL, SUPPLIER_ASA_SECONDS, SUPPLIER_AHT_SECONDS, SUPPLIER_ABANDON_RATE,
                 SUPPLIER_OCCUPANCY, SUPPLIER_COST_PER_CONTACT, FORECAST_WAPE:
                // no workforce queues in these markets; SupplierKpiFixtureTests loops over interval data
                return new Measures.Result(null, 0);
            default: throw new IllegalStateException();
        }
    }

    private static Measures.Result attainment(List<CaseFact> cs, boolean first, Predicate<Instant> in) {
        long met = 0;
        long all = 0;
        for (CaseFact c : cs) {
            String state = first ? c.frState() : c.resState();
            Instant at = first ? c.frDecidedAt() : c.resDecidedAt();
            if (("MET".equals(state) || "BREACHED".equals(state)) && in.test(at)) {
                all++;
                met += "MET".equals(state) ? 1 : 0;
            }
        }
        return all == 0 ? new Measures.Result(null, 0) : new Measures.Result(met / (double) all, all);
    }

    private static Measures.Result percentile(List<Integer> values, double p, double divisor) {
        if (values.isEmpty()) {
            return new Measures.Result(null, 0);
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return new Measures.Result(sorted.get(Math.max(0, index)) / divisor, sorted.size());
    }

    private static Measures.Result count(long n) {
        return new Measures.Result((double) n, n);
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return ZonedDateTime.ofInstant(at, zone).toLocalDate();
    }

    // ---- the generated fixture ----

    private Instant randomInstant() {
        long start = START.atStartOfDay(java.time.ZoneOffset.UTC).minusDays(2).toEpochSecond();
        long end = END.atStartOfDay(java.time.ZoneOffset.UTC).plusDays(1).toEpochSecond();
        return Instant.ofEpochSecond(start + (long) (random.nextDouble() * (end - start))).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    private Instant after(Instant at, int maxMinutes) {
        return at.plus(Duration.ofMinutes(random.nextInt(maxMinutes)));
    }

    private CaseFact randomCase(String market) {
        Instant created = randomInstant();
        Instant resolved = random.nextInt(3) == 0 ? null : after(created, 6000);
        Instant reply = random.nextInt(4) == 0 ? null : after(created, 3000);
        Integer minutes = reply == null ? null : random.nextInt(900);
        String fr = reply == null ? (random.nextBoolean() ? "RUNNING" : "BREACHED") : (random.nextInt(5) == 0 ? "BREACHED" : "MET");
        Instant frAt = "RUNNING".equals(fr) ? null : reply != null ? reply : after(created, 600);
        String res = resolved == null ? "RUNNING" : (random.nextInt(4) == 0 ? "BREACHED" : "MET");
        Instant resAt = resolved;
        Integer rating = resolved != null && random.nextBoolean() ? 1 + random.nextInt(5) : null;
        Instant csatAt = rating == null ? null : after(resolved, 4000);
        String[] queues = {"payments", "disputes", "refunds"};
        return new CaseFact(UUID.randomUUID(), "PD-" + random.nextInt(1_000_000), market, random.nextBoolean() ? "STRIPE" : "ADYEN",
                queues[random.nextInt(3)], "refund-missing", "NORMAL", null, created, resolved, reply, minutes, fr, frAt,
                res, resAt, rating, csatAt, false, randomConduct(created, resolved, rating, csatAt));
    }

    /** Handling details: clocks decided at a breach or, when met, at the resolution; a survey sent before any answer. */
    private CaseFact.Conduct randomConduct(Instant created, Instant resolved, Integer rating, Instant answeredAt) {
        String psd2 = random.nextInt(3) != 0 ? null : resolved != null && random.nextBoolean() ? "MET"
                : random.nextBoolean() ? "BREACHED" : "RUNNING";
        Instant psd2At = "MET".equals(psd2) ? resolved : "BREACHED".equals(psd2) ? after(created, 20000) : null;
        String ola = random.nextInt(4) != 0 ? null : resolved != null && random.nextBoolean() ? "MET"
                : random.nextBoolean() ? "BREACHED" : "PAUSED";
        Instant olaAt = "MET".equals(ola) ? resolved : "BREACHED".equals(ola) ? after(created, 3000) : null;
        Instant sent = rating != null ? answeredAt.minus(Duration.ofMinutes(random.nextInt(2000)))
                : resolved != null && random.nextBoolean() ? after(resolved, 60) : null;
        List<CaseFact.Approval> approvals = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            Instant requested = after(created, 3000);
            approvals.add(new CaseFact.Approval(requested, after(requested, 2000)));
        }
        return new CaseFact.Conduct(random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0, random.nextInt(4),
                random.nextInt(5) == 0, psd2, psd2At, ola, olaAt, sent, approvals);
    }

    private PaymentFact randomPayment(String market, boolean capture) {
        Instant at = randomInstant();
        if (capture) {
            // one capture in four is a later partial capture of an order already counted
            return new PaymentFact(UUID.randomUUID(), "CAPTURE", "psp-" + UUID.randomUUID(), "ord-" + random.nextInt(), market,
                    "ADYEN", "card", at, false, 1000 + random.nextInt(5000), "EUR", null, null, random.nextInt(4) != 0);
        }
        boolean failed = random.nextInt(6) == 0;
        Instant requested = failed || random.nextInt(5) == 0 ? null : at.minus(Duration.ofMinutes(random.nextInt(5000)));
        return new PaymentFact(UUID.randomUUID(), "REFUND", "psp-" + UUID.randomUUID(), "ord-" + random.nextInt(), market,
                "STRIPE", "card", at, failed, 500, "EUR", requested,
                requested == null ? null : (int) Duration.between(requested, at).toMinutes());
    }

    private DisputeFact randomDispute(String market) {
        Instant opened = randomInstant();
        String[] statuses = {"NEEDS_RESPONSE", "WON", "LOST", "ACCEPTED", "EXPIRED", "WON"};
        String status = statuses[random.nextInt(statuses.length)];
        Instant closed = status.equals("NEEDS_RESPONSE") ? null : after(opened, 20000);
        return new DisputeFact(UUID.randomUUID(), market, "ADYEN", "VISA", "FRAUD", status, opened, closed, 2500, "EUR");
    }

    private static <T> T asSystemGet(java.util.function.Supplier<T> supplier) {
        List<T> out = new ArrayList<>();
        asSystem(() -> out.add(supplier.get()));
        return out.getFirst();
    }
}
