package dev.paydesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.NewCase;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.payments.PaymentFileImported;
import dev.paydesk.payments.PaymentRecorded;
import dev.paydesk.payments.PaymentRecords;
import dev.paydesk.payments.PaymentsRecorded;
import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;
import dev.paydesk.platform.JobCoordinator;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.shared.Money;

/**
 * Found by the full suite (a reopened case counted as resolved once): two refreshes of one case's facts, run side by
 * side by two event listeners, read the case in one order and stored in the other. Here a refresh reads the open case
 * and is held before storing while the case is resolved; the resolution's own listener must then read after the held
 * refresh has stored, so the fact ends resolved. With the read outside the fact's lock, the resolution's listener
 * stored first and the held refresh overwrote it with the open case for good. The same for a payment file's refresh
 * of the orders it touches (below).
 */
@SpringBootTest
class FactRefreshRaceTests extends PlatformTestSupport {

    private static final Instant CAPTURED = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant REQUESTED = CAPTURED.plusSeconds(3_600);
    private static final Instant REFUNDED = REQUESTED.plusSeconds(600);
    private static final Instant BOOKED = REFUNDED.plusSeconds(86_400);

    @Autowired
    Facts facts;
    @Autowired
    MoneyFacts money;
    @Autowired
    JobCoordinator jobs;
    @Autowired
    CaseDesk desk;
    @Autowired
    CaseWorkbench workbench;
    @Autowired
    PaymentRecords payments;
    @Autowired
    Disputes disputes;
    @Autowired
    MarketCatalog markets;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;

    /** Holds the first read that passes it (until released) and lets every later one through. */
    private static final class Hold {
        final AtomicBoolean first = new AtomicBoolean(true);
        final CountDownLatch read = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        void afterFirstRead() {
            if (first.compareAndSet(true, false)) {
                read.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private boolean resolvedInFacts(UUID id) {
        return jdbc.sql("select resolved_at is not null from insights_case_fact where case_id = :id").param("id", id)
                .query(Boolean.class).optional().orElse(false);
    }

    @Test
    void aRefreshReadsTheCaseOnlyAfterTheRefreshBeforeItHasStored() throws Exception {
        ensureMarket("SK", "EUR", "Europe/Bratislava", "sk");
        UUID[] opened = new UUID[1];
        asSystem(() -> opened[0] = desk.open(NewCase.builder("Charged twice", "SK", CaseSource.API).description("twice")
                .language("en").customer("cust-" + UUID.randomUUID(), null).build()).summary().id());
        UUID id = opened[0];
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from insights_case_fact where case_id = :id")
                .param("id", id).query(Integer.class).single() == 1);

        Hold hold = new Hold();
        Sources heldAfterFirstRead = new Sources(desk, workbench, payments, disputes, markets, clock) {
            @Override
            List<CaseFact> caseFacts(Collection<UUID> ids, Consumer<String> problems) {
                List<CaseFact> out = super.caseFacts(ids, problems);
                hold.afterFirstRead();
                return out;
            }
        };
        EventFeed held = new EventFeed(heldAfterFirstRead, facts, money, jobs);
        CompletableFuture<Void> stale = CompletableFuture.runAsync(() -> held.refreshCases(List.of(id)));
        assertThat(hold.read.await(20, TimeUnit.SECONDS)).isTrue();

        asSystem(() -> desk.changeStatus(id, CaseStatus.RESOLVED, null));
        // time for the resolution's listener to get as far as it can while the held refresh has read the open case
        Thread.sleep(1_500);
        hold.release.countDown();
        stale.get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(resolvedInFacts(id))
                .as("the case's fact after both refreshes").isTrue());
    }

    // A settlement file's refresh of the orders it touches against a webhook's refresh of one of them. The payments
    // mirror here is a stand-in that answers with the order's refund unsettled until the refund's settlement line is
    // "booked" (the facts are real rows): the file's first read is held after it has read the unsettled refund, the
    // line is booked and the webhook's refresh stores the settled refund, then the file's refresh goes on. It must not
    // store what it read before the webhook's refresh: the refund's settled fact has to survive. Read whole and stored
    // without the orders' locks (as it was), the file's refresh deleted it for good.

    /** One order with a capture and a refund; the refund's settlement line once {@link #booked}. */
    private static final class OneOrder implements PaymentRecords {
        final String order = "race-" + UUID.randomUUID();
        final UUID capture = UUID.randomUUID();
        final UUID refund = UUID.randomUUID();
        volatile boolean booked;
        final Hold hold = new Hold();

        @Override
        public void read(Instant from, Instant to, RecordSink sink) {
            send(sink);
        }

        @Override
        public void readOrders(Collection<String> merchantReferences, RecordSink sink) {
            if (merchantReferences.contains(order)) {
                send(sink);
            }
        }

        private void send(RecordSink sink) {
            sink.order(new OrderRecord(order, "SK", "cust-race", 5_000L, "EUR", "card"));
            sink.transaction(new TransactionRecord(capture, Provider.ADYEN, "acc", TransactionKind.CAPTURE, "psp-" + order,
                    null, order, "cust-race", "captured", 5_000, "EUR", "card", CAPTURED));
            sink.transaction(new TransactionRecord(refund, Provider.ADYEN, "acc", TransactionKind.REFUND, "rf-" + order,
                    "psp-" + order, order, "cust-race", "refunded", 2_000, "EUR", "card", REFUNDED));
            sink.refundRequest(new RefundRequestRecord("rr-" + order, order, 2_000, "EUR", REQUESTED));
            if (booked) {
                sink.settlementLine(new SettlementLineRecord(UUID.randomUUID(), Provider.ADYEN, "acc", "7", "psp-" + order,
                        order, "rf-" + order, "card", "Refunded", BOOKED, "EUR", -2_000, "EUR", -2_000, 0));
            }
            hold.afterFirstRead();
        }
    }

    private List<String> metricsOf(UUID source) {
        return jdbc.sql("select metric from insights_money_fact where source_id = :id order by metric")
                .param("id", source).query(String.class).list();
    }

    @Test
    void aFileRefreshDoesNotStoreAnOrderAsItWasBeforeAWebhookRefreshThatRanMeanwhile() throws Exception {
        ensureMarket("SK", "EUR", "Europe/Bratislava", "sk");
        OneOrder mirror = new OneOrder();
        EventFeed feed = new EventFeed(new Sources(desk, workbench, mirror, disputes, markets, clock), facts, money, jobs);

        CompletableFuture<Void> file = CompletableFuture.runAsync(() -> feed.on(
                new PaymentFileImported("adyen-settlement", "settlement_detail_report_batch_7.csv", 1, CAPTURED, BOOKED)));
        assertThat(mirror.hold.read.await(20, TimeUnit.SECONDS)).as("the file's refresh has read").isTrue();

        mirror.booked = true;
        feed.on(new PaymentsRecorded(List.of(new PaymentRecorded(mirror.refund, Provider.ADYEN, "acc", TransactionKind.REFUND,
                "rf-" + mirror.order, "psp-" + mirror.order, mirror.order, Money.of(2_000, "EUR"), "refunded", REFUNDED))));
        assertThat(metricsOf(mirror.refund)).as("after the webhook's refresh")
                .containsExactly(MoneyFact.REFUND_SETTLED, MoneyFact.REFUNDED);

        mirror.hold.release.countDown();
        file.get(30, TimeUnit.SECONDS);
        assertThat(metricsOf(mirror.refund)).as("after the file's refresh too")
                .containsExactly(MoneyFact.REFUND_SETTLED, MoneyFact.REFUNDED);
        assertThat(metricsOf(mirror.capture)).containsExactly(MoneyFact.CAPTURED);
    }

    /** A captures feed too large to announce each capture says only its time range: its payments still get KPI facts. */
    @Test
    void aFileGivesThePaymentFactsOfTheOrdersItTouchesNotOnlyTheirMoneyFacts() {
        ensureMarket("SK", "EUR", "Europe/Bratislava", "sk");
        OneOrder mirror = new OneOrder();
        mirror.hold.release.countDown();
        EventFeed feed = new EventFeed(new Sources(desk, workbench, mirror, disputes, markets, clock), facts, money, jobs);
        feed.on(new PaymentFileImported("captures", "captures.csv", 20_000, CAPTURED, REFUNDED));
        assertThat(jdbc.sql("select kind from insights_payment_fact where merchant_reference = :order order by kind")
                .param("order", mirror.order).query(String.class).list()).containsExactly("CAPTURE", "REFUND");
        assertThat(metricsOf(mirror.capture)).containsExactly(MoneyFact.CAPTURED);
    }

    /**
     * Found by importing a 500,000-row captures feed into a running server: the refreshes of its orders, a thousand
     * orders each, several side by side, took a lock per order and per payment fact and ran PostgreSQL out of lock
     * table ("out of shared memory"). However many records a refresh covers, it holds a bounded number of locks.
     */
    @Test
    void aRefreshOfManyRecordsHoldsABoundedNumberOfLocks() {
        List<String> orders = java.util.stream.IntStream.range(0, 5_000).mapToObj(i -> "many-" + i).toList();
        int[] held = new int[1];
        facts.underLocks(Facts.Source.ORDER, orders, () -> held[0] = jdbc.sql(
                "select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()")
                .query(Integer.class).single());
        assertThat(held[0]).isPositive().isLessThanOrEqualTo(Rollups.LOCK_BUCKETS);
    }

    /** The same for the rollup slices a refresh touches: three years of days in five markets, a bounded number of locks. */
    @Test
    void aRefreshOverManyDaysAndMarketsHoldsABoundedNumberOfSliceLocks(@Autowired Rollups rollups,
            @Autowired org.springframework.transaction.PlatformTransactionManager transactions) {
        List<Facts.Slice> slices = new java.util.ArrayList<>();
        for (String market : List.of("DE", "FR", "NL", "IT", "ES")) {
            for (int d = 0; d < 3 * 365; d++) {
                slices.add(new Facts.Slice(dev.paydesk.insights.Kpi.Family.PAYMENT, market,
                        java.time.LocalDate.of(2024, 1, 1).plusDays(d)));
            }
        }
        int held = new org.springframework.transaction.support.TransactionTemplate(transactions).execute(status -> {
            rollups.lockSlices(slices);
            return jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()")
                    .query(Integer.class).single();
        });
        assertThat(held).isPositive().isLessThanOrEqualTo(Rollups.SLICE_BUCKETS);
    }

    /**
     * Found by the same 500,000-row feed: the listener ran in one transaction, so every chunk of its refresh joined it
     * and it held its locks (and every other payment refresh) until the last chunk. Called as the application calls
     * it, a refresh of more than one chunk of orders stores each chunk in a transaction of its own.
     */
    @Test
    void aFileRefreshCommitsChunkByChunk(@Autowired EventFeed listener) {
        ensureMarket("SK", "EUR", "Europe/Bratislava", "sk");
        String prefix = "chunked-" + UUID.randomUUID() + "-";
        int orders = EventFeed.ORDER_CHUNK + 200;
        jdbc.sql("""
                insert into payments_transaction (id, provider, merchant_account, kind, provider_reference, merchant_reference,
                    status, amount_minor, currency, method, occurred_at)
                select gen_random_uuid(), 'ADYEN', 'acc', 'CAPTURE', :prefix || 'psp-' || i, :prefix || i, 'captured', 1000,
                    'EUR', 'card', timestamptz '2019-03-04 10:00:00+00' + i * interval '100 milliseconds'
                from generate_series(1, :n) i""").param("prefix", prefix).param("n", orders).update();
        listener.on(new PaymentFileImported("captures", "captures.csv", orders, Instant.parse("2019-03-04T10:00:00Z"),
                Instant.parse("2019-03-04T11:00:00Z")));
        String facts = "from insights_payment_fact where merchant_reference like :prefix || '%'";
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) " + facts).param("prefix", prefix)
                .query(Integer.class).single() == orders);
        assertThat(jdbc.sql("select count(distinct xmin::text) " + facts).param("prefix", prefix).query(Integer.class)
                .single()).as("transactions that stored the facts").isEqualTo(2);
    }
}
