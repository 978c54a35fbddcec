package dev.paydesk.insights.internal;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.paydesk.cases.CaseChanged;
import dev.paydesk.cases.CaseClockAlert;
import dev.paydesk.cases.CaseCreated;
import dev.paydesk.disputes.DisputeClosed;
import dev.paydesk.disputes.DisputeOpened;
import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.payments.PaymentFileImported;
import dev.paydesk.payments.PaymentRecorded;
import dev.paydesk.payments.PaymentsRecorded;
import dev.paydesk.platform.JobCoordinator;

/**
 * Keeps the facts current from the other modules' events. Each event only says which record changed:
 * the listener reads that record's current state through its module's API and upserts its fact, so a
 * replayed, duplicated or late event writes the same row again and counts nothing twice. Recorded payments,
 * imported payment files and closed disputes are read once and give both their KPI facts and their money facts
 * ({@link MoneyFeed} handles the events only money facts come from). Clock
 * outcomes arrive as the case change that decided them (a reply, a status) or as a breach alert;
 * CSAT answers, which publish no event, are picked up by a sweep over open surveys.
 */
@Component
class EventFeed {

    /**
     * Orders refreshed per transaction. Their locks are bounded by the lock buckets whatever the chunk's size; each chunk
     * reads its orders' records in passes over the payment tables, so fewer, larger chunks read less (a 500,000-row
     * file in chunks of 1,000 passed over every settlement line 500 times).
     */
    static final int ORDER_CHUNK = 20_000;

    private final Sources sources;
    private final Facts facts;
    private final MoneyFacts money;
    private final JobCoordinator jobs;

    EventFeed(Sources sources, Facts facts, MoneyFacts money, JobCoordinator jobs) {
        this.sources = sources;
        this.facts = facts;
        this.money = money;
        this.jobs = jobs;
    }

    @ApplicationModuleListener
    void on(CaseCreated created) {
        refreshCases(List.of(created.caseId()));
    }

    @ApplicationModuleListener
    void on(CaseChanged changed) {
        refreshCases(List.of(changed.caseId()));
    }

    @ApplicationModuleListener
    void on(CaseClockAlert alert) {
        if (alert.breached()) {
            refreshCases(List.of(alert.caseId()));
        }
    }

    /** Outside a transaction of its own: each chunk of orders commits by itself ({@link #refreshOrders}). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PaymentsRecorded recorded) {
        Set<String> orders = new LinkedHashSet<>();
        for (PaymentRecorded p : recorded.payments()) {
            if (p.merchantReference() != null) {
                orders.add(p.merchantReference());
            }
        }
        refreshOrders(orders);
    }

    /**
     * A file can settle refunds (a settlement report) or add captures (a captures feed too large to announce each one):
     * the orders with records in its time range are listed first, then refreshed like a webhook's, each chunk read
     * under its orders' locks. Read whole and stored without the locks, a file's refresh could store an order's
     * state from before a webhook's refresh that ran meanwhile, for good.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PaymentFileImported imported) {
        if (imported.firstBookedAt() != null && imported.lastBookedAt() != null) {
            refreshOrders(sources.ordersWithRecords(imported.firstBookedAt(), imported.lastBookedAt().plusSeconds(1)));
        }
    }

    /**
     * Each order's payment and money facts from one read, taken under the orders' locks, {@link #ORDER_CHUNK} at a time,
     * each chunk in a transaction of its own: called inside one transaction (as a listener is by default), a file's
     * refresh held its locks, and so every other payment refresh, until its last chunk (minutes for 500,000 orders).
     */
    void refreshOrders(java.util.Collection<String> orders) {
        List<String> all = List.copyOf(orders);
        for (int from = 0; from < all.size(); from += ORDER_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + ORDER_CHUNK));
            facts.underLocks(Facts.Source.ORDER, chunk, () -> {
                MoneyFacts.PaymentSink read = sources.orders(chunk);
                List<PaymentFact> payments = read.paymentFacts();
                facts.savePayments(payments);
                money.saveBySource(read.facts(payments, facts::zone));
            });
        }
    }

    @ApplicationModuleListener
    void on(DisputeOpened opened) {
        facts.underLocks(Facts.Source.DISPUTE, List.of(opened.disputeId()),
                () -> facts.saveDisputes(List.of(DisputeFact.of(sources.dispute(opened.disputeId())))));
    }

    @ApplicationModuleListener
    void on(DisputeClosed closed) {
        facts.underLocks(Facts.Source.DISPUTE, List.of(closed.disputeId()), () -> {
            DisputeSummary dispute = sources.dispute(closed.disputeId());
            facts.saveDisputes(List.of(DisputeFact.of(dispute)));
            money.save(List.of(closed.disputeId()), MoneyFact.ofDispute(dispute, facts::zone));
        });
    }

    /** CSAT answers publish no event: read the cases with an open survey again. */
    @Scheduled(fixedDelayString = "${paydesk.insights.survey-sweep:PT1M}", initialDelayString = "PT45S")
    void sweepSurveys() {
        jobs.runExclusively("insights.csat-sweep", Duration.ofMinutes(5), () -> refreshCases(facts.pendingSurveys(2000)));
    }

    void refreshCases(List<UUID> ids) {
        facts.underLocks(Facts.Source.CASE, ids, () -> facts.saveCases(sources.caseFacts(ids, problem -> { })));
    }
}
