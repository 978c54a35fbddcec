package dev.paydesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.insights.Kpi;
import dev.paydesk.insights.KpiRequest;
import dev.paydesk.platform.PlatformTestSupport;

/**
 * The rollups kept by delta (first deliveries in shuffled chunks, replays, late changes that move a
 * record to other days, other dimensions or out of a histogram) hold exactly what a rebuild from the
 * facts computes, row for row in every rollup table; and the all-markets rollup answers exactly what the
 * per-market one answers for a user who lists every market.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RollupDeltaTests extends PlatformTestSupport {

    /** A window no other test writes to, in markets no catalogue has (their days are UTC days). */
    private static final LocalDate FROM = LocalDate.of(2019, 5, 1);
    private static final int DAYS = 24;
    private static final List<String> MARKETS = List.of("QA", "QB", "");

    @Autowired
    Facts facts;
    @Autowired
    Rollups rollups;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    private final Random random = new Random(42);

    @Test
    void deltasLeaveWhatARebuildComputesAndAllMarketsReadsEqualPerMarketReads() {
        List<CaseFact> cases = new ArrayList<>();
        List<PaymentFact> payments = new ArrayList<>();
        List<DisputeFact> disputes = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            String market = MARKETS.get(i % 2);
            cases.add(aCase(UUID.randomUUID(), market));
            payments.add(aPayment(UUID.randomUUID(), MARKETS.get(i % 3)));
            if (i % 4 == 0) {
                disputes.add(aDispute(UUID.randomUUID(), market));
            }
        }
        List<CaseFact> shuffled = new ArrayList<>(cases);
        Collections.shuffle(shuffled, random);
        for (int i = 0; i < shuffled.size(); i += 31) {
            facts.saveCases(shuffled.subList(i, Math.min(shuffled.size(), i + 31)));
        }
        facts.saveCases(cases);
        facts.savePayments(payments);
        facts.saveDisputes(disputes);
        facts.saveDisputes(disputes);
        // late changes: every third record again with new content (other days, queue, values), some twice in a batch
        List<CaseFact> changedCases = new ArrayList<>();
        List<PaymentFact> changedPayments = new ArrayList<>();
        List<DisputeFact> changedDisputes = new ArrayList<>();
        for (int i = 0; i < cases.size(); i += 3) {
            changedCases.add(aCase(cases.get(i).caseId(), cases.get(i).market()));
            changedPayments.add(aPayment(payments.get(i).transactionId(), payments.get(i).market()));
        }
        for (int i = 0; i < disputes.size(); i += 3) {
            changedDisputes.add(aDispute(disputes.get(i).disputeId(), disputes.get(i).market()));
        }
        changedCases.add(changedCases.getFirst());
        facts.saveCases(changedCases);
        facts.savePayments(changedPayments);
        facts.saveDisputes(changedDisputes);
        facts.saveCases(changedCases.subList(0, 20));

        Map<String, List<String>> kept = rollupRows();
        assertThat(kept.get("insights_all_day")).isNotEmpty();
        for (Kpi.Family family : Kpi.Family.values()) {
            tx.executeWithoutResult(s -> rollups.rebuild(family));
        }
        assertThat(rollupRows()).isEqualTo(kept);

        RollupReader reader = new RollupReader(jdbc);
        KpiRequest period = KpiRequest.period(FROM.plusDays(9), FROM.plusDays(DAYS));
        List<String> everyMarket = jdbc.sql("select distinct market from insights_market_day").query(String.class).list();
        Scope listed = new Scope(everyMarket, null);
        for (String g : List.of("''", "day::text")) {
            RollupReader.Periods all = reader.read(period, period.previous(), Scope.ALL, g);
            RollupReader.Periods perMarket = reader.read(period, period.previous(), listed, g);
            assertThat(all.now().keySet()).as(g).isEqualTo(perMarket.now().keySet()).isNotEmpty();
            for (String group : all.now().keySet()) {
                for (Kpi kpi : Kpi.values()) {
                    assertThat(all.now().get(group).result(kpi)).as(g + " " + group + " " + kpi)
                            .isEqualTo(perMarket.now().get(group).result(kpi));
                }
            }
            for (String group : all.before().keySet()) {
                for (Kpi kpi : Kpi.values()) {
                    assertThat(all.before().get(group).result(kpi)).as("before " + g + " " + group + " " + kpi)
                            .isEqualTo(perMarket.before().get(group).result(kpi));
                }
            }
        }
    }

    /** Every rollup row on the test's days, as text, in a stable order. */
    private Map<String, List<String>> rollupRows() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : List.of("insights_daily", "insights_daily_value", "insights_market_day", "insights_all_day")) {
            rows.put(table, jdbc.sql("select t::text from " + table + " t where day >= ? and day < ? order by 1")
                    .params(FROM.minusDays(1), FROM.plusDays(DAYS + 20)).query(String.class).list());
        }
        return rows;
    }

    private Instant at() {
        return FROM.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextLong(DAYS * 86_400L));
    }

    private Instant later(Instant from, int maxMinutes) {
        return from.plus(Duration.ofMinutes(1 + random.nextInt(maxMinutes)));
    }

    private CaseFact aCase(UUID id, String market) {
        Instant created = at();
        boolean resolved = random.nextInt(3) > 0;
        boolean replied = random.nextInt(4) > 0;
        Instant resolvedAt = resolved ? later(created, 9000) : null;
        Instant reply = replied ? later(created, 2000) : null;
        Integer rating = resolved && random.nextBoolean() ? 1 + random.nextInt(5) : null;
        List<CaseFact.Approval> approvals = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            Instant asked = later(created, 1000);
            approvals.add(new CaseFact.Approval(asked, later(asked, 3000)));
        }
        CaseFact.Conduct conduct = new CaseFact.Conduct(random.nextInt(3), random.nextInt(3), random.nextInt(4) == 0,
                resolved ? "MET" : null, resolvedAt, null, null, resolvedAt, approvals);
        return new CaseFact(id, "PD-T" + random.nextInt(99_999), market, "STRIPE", "q" + random.nextInt(3), "c",
                random.nextBoolean() ? "HIGH" : "NORMAL", null, created, resolvedAt, reply,
                replied ? random.nextInt(700) : null, replied ? "MET" : "BREACHED", replied ? reply : later(created, 600),
                resolved ? "MET" : "RUNNING", resolvedAt, rating, rating == null ? null : later(resolvedAt, 900), false,
                conduct);
    }

    private PaymentFact aPayment(UUID id, String market) {
        Instant occurred = at();
        boolean refund = random.nextBoolean();
        boolean failed = refund && random.nextInt(4) == 0;
        Integer turnaround = refund && !failed ? random.nextInt(4000) : null;
        return new PaymentFact(id, refund ? "REFUND" : "CAPTURE", "psp-" + id, "ord-" + random.nextInt(50), market,
                random.nextBoolean() ? "ADYEN" : "STRIPE", "card", occurred, failed, 100 + random.nextInt(900), "EUR",
                turnaround == null ? null : occurred.minus(Duration.ofMinutes(turnaround)), turnaround,
                !refund && random.nextBoolean());
    }

    private DisputeFact aDispute(UUID id, String market) {
        Instant opened = at();
        String status = List.of("NEEDS_RESPONSE", "WON", "LOST", "EXPIRED").get(random.nextInt(4));
        return new DisputeFact(id, market, "ADYEN", "VISA", "FRAUD", status, opened,
                status.equals("NEEDS_RESPONSE") ? null : later(opened, 20_000), 700 + random.nextInt(100), "EUR");
    }
}
