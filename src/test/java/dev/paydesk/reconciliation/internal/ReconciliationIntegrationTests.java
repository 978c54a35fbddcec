package dev.paydesk.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.payments.FileImports;
import dev.paydesk.payments.PaymentFileImported;
import dev.paydesk.platform.JobCoordinator;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.reconciliation.FindingOpened;
import dev.paydesk.reconciliation.FindingResolved;
import dev.paydesk.reconciliation.FindingType;
import dev.paydesk.reconciliation.Reconciliation;

/**
 * Reconciliation end to end on the payments mirror: files and webhooks in through the payments API,
 * findings out with their events; repeated runs, self-resolution, concurrent runs, incremental runs.
 */
@SpringBootTest(properties = {"paydesk.reconciliation.debounce=PT0S", "paydesk.reconciliation.flush-every=PT1H"})
@AutoConfigureMockMvc
class ReconciliationIntegrationTests extends PlatformTestSupport {

    static final String ADYEN_HEADER = "Company Account,Merchant Account,Psp Reference,Merchant Reference,"
            + "Payment Method,Creation Date,TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),"
            + "Gross Credit (GC),Exchange Rate,Net Currency,Net Debit (NC),Net Credit (NC),Commission (NC),Markup (NC),"
            + "Scheme Fees (NC),Interchange (NC),Payment Method Variant,Modification Merchant Reference,Batch Number,"
            + "Reserved4,Reserved5,Reserved6,Reserved7,Reserved8,Reserved9,Reserved10\n";
    private static final DateTimeFormatter ADYEN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Autowired
    FileImports imports;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    ReconciliationRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventCollector collected;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    MockMvc mvc;

    @TestConfiguration
    static class Events {
        @Bean
        EventCollector eventCollector() {
            return new EventCollector();
        }
    }

    /** Every finding event, from every thread. */
    static class EventCollector {
        final List<FindingOpened> opened = new CopyOnWriteArrayList<>();
        final List<FindingResolved> resolved = new CopyOnWriteArrayList<>();

        @EventListener
        void on(FindingOpened e) {
            opened.add(e);
        }

        @EventListener
        void on(FindingResolved e) {
            resolved.add(e);
        }

        long openedFor(Set<String> orders) {
            return opened.stream().filter(e -> e.orderRef() != null && orders.contains(e.orderRef())).count();
        }
    }

    private void importFile(String kind, String name, String csv) {
        asSystem(() -> imports.importFile(kind, name, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
    }

    static String adyenLine(String psp, String order, String type, String mod, long cents, Instant at, String batch) {
        boolean credit = cents >= 0;
        String amount = String.format(java.util.Locale.ROOT, "%d.%02d", Math.abs(cents) / 100, Math.abs(cents) % 100);
        return "PaydeskCo,adyen-eu," + psp + "," + order + ",visa," + ADYEN_TIME.format(at) + ",UTC," + type + "," + mod
                + ",EUR," + (credit ? "," + amount : amount + ",") + ",1,EUR," + (credit ? "," + amount : amount + ",")
                + ",0.00,,,,visa,," + batch + ",,,,,,,\n";
    }

    private List<String> findingTypes(String order) {
        return jdbc.sql("select type from reconciliation_finding where order_ref = :o and resolved_at is null order by type")
                .param("o", order).query(String.class).list();
    }

    @Test
    void findsBrokenMoneyOnceAcrossRunsAndResolvesWhatLaterDataSettles() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String ok = "R-OK-" + run;
        String dup = "R-DUP-" + run;
        String refund = "R-REF-" + run;
        Instant day = Instant.now().minus(Duration.ofDays(20));
        importFile("orders", "orders.csv", "merchant_reference,market,customer_reference,amount,currency,expected_method\n"
                + ok + ",DE,c-1,20.00,EUR,card\n" + dup + ",DE,c-2,50.00,EUR,card\n" + refund + ",DE,c-3,30.00,EUR,card\n");
        importFile("refund-requests", "rr.csv", "refund_reference,merchant_reference,amount,currency,requested_at\n"
                + "RR-" + run + "," + refund + ",30.00,EUR," + day.plus(Duration.ofDays(1)) + "\n");
        String batch = "7" + Math.abs(run.hashCode() % 1000);
        importFile("adyen-settlement", "settlement_detail_report_batch_" + batch + ".csv", ADYEN_HEADER
                + adyenLine("P1" + run, ok, "Settled", "M1" + run, 2000, day, batch)
                + adyenLine("P2" + run, dup, "Settled", "M2" + run, 5000, day, batch)
                + adyenLine("P2" + run, dup, "Settled", "M3" + run, 5000, day.plusSeconds(600), batch)
                + adyenLine("P3" + run, refund, "Settled", "M4" + run, 3000, day, batch)
                + adyenLine("PX" + run, "NOTHING-" + run, "Settled", "MX" + run, 999, day, batch));
        Set<String> orders = Set.of(ok, dup, refund);

        var first = reconciliation.reconcile(day.minus(Duration.ofDays(1)), Instant.now());
        assertThat(first.opened()).isGreaterThanOrEqualTo(3);
        assertThat(findingTypes(ok)).isEmpty();
        assertThat(findingTypes(dup)).containsExactly("DUPLICATE_CAPTURE");
        assertThat(findingTypes(refund)).containsExactly("FAILED_REFUND");
        assertThat(jdbc.sql("select count(*) from reconciliation_finding where payment_ref = :p and type = 'UNMATCHED_SETTLEMENT'")
                .param("p", "MX" + run).query(Integer.class).single()).isEqualTo(1);
        FindingOpened duplicate = collected.opened.stream().filter(e -> dup.equals(e.orderRef())).findFirst().orElseThrow();
        assertThat(duplicate.type()).isEqualTo(FindingType.DUPLICATE_CAPTURE);
        assertThat(duplicate.market()).isEqualTo("DE");
        assertThat(duplicate.amountAtRisk().minor()).isEqualTo(5000);
        assertThat(duplicate.customerRef()).isEqualTo("c-2");

        long openedBefore = collected.openedFor(orders);
        reconciliation.reconcile(day.minus(Duration.ofDays(1)), Instant.now());
        reconciliation.reconcileOrders(orders);
        assertThat(collected.openedFor(orders)).as("no second event for the same anomaly").isEqualTo(openedBefore);
        assertThat(jdbc.sql("select count(*) from reconciliation_finding where order_ref in (:a, :b, :c)")
                .param("a", ok).param("b", dup).param("c", refund).query(Integer.class).single()).isEqualTo(2);

        importFile("adyen-settlement", "settlement_detail_report_batch_" + batch + "1.csv", ADYEN_HEADER
                + adyenLine("P3" + run, refund, "Refunded", "RF" + run, -3000, day.plus(Duration.ofDays(3)), batch + "1"));
        var later = reconciliation.reconcileOrders(orders);
        assertThat(later.resolved()).isEqualTo(1);
        assertThat(findingTypes(refund)).isEmpty();
        assertThat(collected.resolved).anyMatch(e -> refund.equals(e.orderRef()) && e.type() == FindingType.FAILED_REFUND);
        assertThat(jdbc.sql("select status from reconciliation_finding where order_ref = :o").param("o", refund)
                .query(String.class).single()).isEqualTo("RESOLVED");
    }

    @Test
    void aBankCreditNamingItsOrderOnlyInRemittanceTextIsFollowedToTheOrder() {
        ensureMarket("PL", "PLN", "Europe/Warsaw", "pl");
        String order = "R-BANK-" + UUID.randomUUID().toString().substring(0, 8);
        Instant day = Instant.now().minus(Duration.ofDays(30));
        importFile("orders", "orders.csv", "merchant_reference,market,customer_reference,amount,currency,expected_method\n"
                + order + ",PL,c-7,40.00,EUR,bank_transfer\n");
        importFile("adyen-settlement", "bank.csv", ADYEN_HEADER
                + adyenLine("BT" + order, "Payment " + order + " thank you", "BankCredit", "", 4500, day, "55"));
        // the order was created now, outside the range: only the line's free text leads to it
        reconciliation.reconcile(day.minus(Duration.ofDays(1)), day.plus(Duration.ofDays(1)));
        assertThat(findingTypes(order)).containsExactly("BANK_TRANSFER_ABOVE_DUE");
        assertThat(jdbc.sql("select amount_minor from reconciliation_finding where order_ref = :o").param("o", order)
                .query(Long.class).single()).isEqualTo(500);
    }

    @Test
    void concurrentRunsOpenEachFindingOnce() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant day = Instant.now().minus(Duration.ofDays(10));
        StringBuilder orderCsv = new StringBuilder("merchant_reference,market,customer_reference,amount,currency,expected_method\n");
        StringBuilder lines = new StringBuilder(ADYEN_HEADER);
        List<String> refs = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String order = "R-CC-" + run + "-" + i;
            refs.add(order);
            orderCsv.append(order).append(",DE,cc-").append(i).append(",10.00,EUR,card\n");
            lines.append(adyenLine("P" + run + i, order, "Settled", "A" + run + i, 1000, day, "88" + i % 3));
            lines.append(adyenLine("P" + run + i, order, "Settled", "B" + run + i, 1000, day.plusSeconds(60), "88" + i % 3));
        }
        importFile("orders", "orders.csv", orderCsv.toString());
        importFile("adyen-settlement", "cc.csv", lines.toString());
        var a = CompletableFuture.supplyAsync(() -> reconciliation.reconcileOrders(refs));
        var b = CompletableFuture.supplyAsync(() -> reconciliation.reconcileOrders(refs));
        var c = CompletableFuture.supplyAsync(() -> reconciliation.reconcile(day.minusSeconds(3600), Instant.now()));
        CompletableFuture.allOf(a, b, c).join();
        // the range run may also open findings of other tests' records in the shared database
        assertThat(a.join().opened() + b.join().opened() + c.join().opened()).isGreaterThanOrEqualTo(40);
        assertThat(collected.openedFor(Set.copyOf(refs))).isEqualTo(40);
        assertThat(jdbc.sql("select count(*) from reconciliation_finding where order_ref like :p")
                .param("p", "R-CC-" + run + "-%").query(Integer.class).single()).isEqualTo(40);
    }

    @Test
    void aRecordedPaymentIsReconciledIncrementally() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String order = "R-INC-" + UUID.randomUUID();
        importFile("orders", "orders.csv", "merchant_reference,market,customer_reference,amount,currency,expected_method\n"
                + order + ",DE,c-9,10.00,EUR,card\n");
        String body = """
                {"id": "evt_%s", "object": "event", "type": "charge.succeeded", "created": %d,
                 "data": {"object": {"id": "ch_%s", "object": "charge", "amount": 1500, "amount_captured": 1500,
                   "captured": true, "currency": "eur", "paid": true, "status": "succeeded",
                   "payment_method_details": {"type": "card", "card": {"brand": "visa", "last4": "4242"}},
                   "metadata": {"order_id": "%s"}}}}""".formatted(UUID.randomUUID(), Instant.now().getEpochSecond(),
                UUID.randomUUID().toString().replace("-", ""), order);
        long now = Instant.now().getEpochSecond();
        mvc.perform(post("/webhooks/stripe/stripe-eu").contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", "t=" + now + ",v1=" + hmac("whsec_paydesk_test_secret", now + "." + body))
                .content(body)).andExpect(status().isOk());
        assertIncrementallyFoundCapturedMoreThanDue(order, 500, "STRIPE");
    }

    @Test
    void aRunWaitsWhileAnotherRunHoldsTheRunLock() throws Exception {
        String order = "R-LOCK-" + UUID.randomUUID();
        try (java.sql.Connection other = dataSource.getConnection()) {
            try (var s = other.prepareStatement("select pg_advisory_lock(?)")) {
                s.setLong(1, RunLock.KEY);
                s.executeQuery().close();
            }
            CompletableFuture<?> run = CompletableFuture.supplyAsync(() -> reconciliation.reconcileOrders(List.of(order)));
            Thread.sleep(700);
            assertThat(run).as("waits for the other run").isNotDone();
            try (var s = other.prepareStatement("select pg_advisory_unlock(?)")) {
                s.setLong(1, RunLock.KEY);
                s.executeQuery().close();
            }
            run.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** A file imported while another file's run is going still gets its own run, once that one is done. */
    @Test
    void aFileImportedWhileAnotherFilesRunIsGoingIsReconciledToo(@Autowired JobCoordinator jobs) {
        Instant first = Instant.parse("2019-05-06T10:00:00Z");
        PaymentFileImported imported = new PaymentFileImported("adyen-settlement", "settlement_detail_report_batch_77.csv",
                1, first, first.plusSeconds(60));
        // what the other file's run held while it ran: the job lease the run after an import used to take
        // (the listener runs on a thread of its own, while the other run still holds the lease)
        jobs.runExclusively("reconciliation.file", Duration.ofMinutes(5), () -> {
            runs.on(imported);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> runsOf(first) == 1);
        });
    }

    private int runsOf(Instant first) {
        return jdbc.sql("select count(*) from reconciliation_run where range_from = :from and range_to = :to")
                .param("from", java.sql.Timestamp.from(first.minus(Duration.ofDays(1))))
                .param("to", java.sql.Timestamp.from(first.plusSeconds(60).plus(Duration.ofDays(1))))
                .query(Integer.class).single();
    }

    @Test
    void aCaptureFromTheMerchantsCapturesFeedIsReconciledIncrementally() throws Exception {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        String order = "R-CAPFEED-" + UUID.randomUUID();
        importFile("orders", "orders.csv", "merchant_reference,market,customer_reference,amount,currency,expected_method\n"
                + order + ",DE,c-9,10.00,EUR,card\n");
        importFile("captures", "captures.csv",
                "capture_reference,merchant_reference,provider,amount,currency,method,captured_at,customer_reference\n"
                        + "CAP-" + UUID.randomUUID() + "," + order + ",adyen,15.00,EUR,card," + Instant.now() + ",c-9\n");
        assertIncrementallyFoundCapturedMoreThanDue(order, 500, "ADYEN");
    }

    /** Flushes the incremental queue until the order has a finding; it must be one captured-more-than-due. */
    private void assertIncrementallyFoundCapturedMoreThanDue(String order, long excessMinor, String provider)
            throws InterruptedException {
        for (int i = 0; i < 100 && findingTypes(order).isEmpty(); i++) {
            Thread.sleep(100);
            runs.flush();
        }
        assertThat(findingTypes(order)).containsExactly("CAPTURED_MORE_THAN_DUE");
        assertThat(collected.opened).anyMatch(e -> order.equals(e.orderRef()) && e.amountAtRisk().minor() == excessMinor
                && provider.equals(e.provider()));
    }

    /** Stripe's documented signature: HMAC-SHA256 over "timestamp.payload" with the endpoint secret. */
    private static String hmac(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
