package dev.paydesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
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
import dev.paydesk.payments.PaymentRecords;
import dev.paydesk.platform.JobCoordinator;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.PlatformTestSupport;

/**
 * Found by the full suite (a reopened case counted as resolved once): two refreshes of one case's facts, run side by
 * side by two event listeners, read the case in one order and stored in the other. Here a refresh reads the open case
 * and is held before storing while the case is resolved; the resolution's own listener must then read after the held
 * refresh has stored, so the fact ends resolved. With the read outside the fact's lock, the resolution's listener
 * stored first and the held refresh overwrote it with the open case for good.
 */
@SpringBootTest
class FactRefreshRaceTests extends PlatformTestSupport {

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

        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        Sources heldAfterFirstRead = new Sources(desk, workbench, payments, disputes, markets, clock) {
            @Override
            List<CaseFact> caseFacts(Collection<UUID> ids, Consumer<String> problems) {
                List<CaseFact> out = super.caseFacts(ids, problems);
                if (first.compareAndSet(true, false)) {
                    read.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return out;
            }
        };
        EventFeed held = new EventFeed(heldAfterFirstRead, facts, money, jobs);
        CompletableFuture<Void> stale = CompletableFuture.runAsync(() -> held.refreshCases(List.of(id)));
        assertThat(read.await(20, TimeUnit.SECONDS)).isTrue();

        asSystem(() -> desk.changeStatus(id, CaseStatus.RESOLVED, null));
        // time for the resolution's listener to get as far as it can while the held refresh has read the open case
        Thread.sleep(1_500);
        release.countDown();
        stale.get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(resolvedInFacts(id))
                .as("the case's fact after both refreshes").isTrue());
    }
}
