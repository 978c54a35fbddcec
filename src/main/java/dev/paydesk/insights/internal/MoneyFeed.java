package dev.paydesk.insights.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.MoneyAction;
import dev.paydesk.cases.MoneyActionApproved;
import dev.paydesk.cases.MoneyActionType;
import dev.paydesk.cases.MoneyActions;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.payments.PaymentRecords;
import dev.paydesk.payments.Provider;
import dev.paydesk.reconciliation.Finding;
import dev.paydesk.reconciliation.FindingOpened;
import dev.paydesk.reconciliation.FindingResolved;
import dev.paydesk.reconciliation.Findings;
import dev.paydesk.shared.ListQuery;

/**
 * Keeps the money facts current from the events only money facts come from (findings from reconciliation, approved
 * write-offs and goodwill from the case desk), each time reading the record's current state through its module's API,
 * and rebuilds them from those APIs alone. Recorded payments, imported payment files and closed disputes also give
 * KPI facts: {@link EventFeed} reads them once for both.
 */
@Component
class MoneyFeed {

    private static final Set<MoneyActionType> LOSSES = EnumSet.of(MoneyActionType.WRITE_OFF, MoneyActionType.GOODWILL);
    private static final int DISPUTE_CAP = 5000;

    private final Findings findings;
    private final MoneyActions actions;
    private final Disputes disputes;
    private final PaymentRecords payments;
    private final Facts facts;
    private final MoneyFacts money;
    private final Clock clock;
    private final Duration history;

    MoneyFeed(Findings findings, MoneyActions actions, Disputes disputes, PaymentRecords payments, Facts facts,
              MoneyFacts money, Clock clock,
              @Value("${paydesk.insights.rebuild.payment-history:P1095D}") Duration history) {
        this.findings = findings;
        this.actions = actions;
        this.disputes = disputes;
        this.payments = payments;
        this.facts = facts;
        this.money = money;
        this.clock = clock;
        this.history = history;
    }

    @ApplicationModuleListener
    void on(FindingOpened opened) {
        finding(opened.findingId());
    }

    @ApplicationModuleListener
    void on(FindingResolved resolved) {
        finding(resolved.findingId());
    }

    /** Read under the finding's lock: its opened and resolved events, handled side by side, store the later read. */
    private void finding(UUID id) {
        facts.underLocks(Facts.Source.FINDING, List.of(id),
                () -> findings.find(id).ifPresent(f -> money.save(List.of(id), MoneyFact.ofFinding(f, facts::zone))));
    }

    @ApplicationModuleListener
    void on(MoneyActionApproved a) {
        money.save(List.of(a.actionId()), MoneyFact.ofApprovedAction(a.actionId(), a.type(), a.caseKey(), a.market(),
                a.amount().currency().getCurrencyCode(), a.amount().minor(), a.at(), facts::zone));
    }

    /** Every money fact from the other modules' APIs, then the rollup; returns the number of source records. */
    long rebuild(List<String> warnings) {
        long count = 0;
        for (int page = 0; ; page++) {
            List<Finding> list = findings.page(new Findings.Filter(null, null, null, null, null, null, true, 0),
                    new ListQuery(page, ListQuery.MAX_SIZE, null, false, null, java.util.Map.of())).items();
            List<MoneyFact> rows = new ArrayList<>();
            list.forEach(f -> rows.addAll(MoneyFact.ofFinding(f, facts::zone)));
            money.store(list.stream().map(Finding::id).toList(), rows);
            count += list.size();
            if (list.size() < ListQuery.MAX_SIZE) {
                break;
            }
        }
        Instant end = clock.instant().plus(Duration.ofDays(1));
        for (Instant from = end.minus(history); from.isBefore(end); from = from.plus(Duration.ofDays(30))) {
            Instant to = from.plus(Duration.ofDays(30)).isAfter(end) ? end : from.plus(Duration.ofDays(30));
            List<MoneyFact> rows = new ArrayList<>();
            for (MoneyAction a : actions.approved(LOSSES, from, to)) {
                Instant at = a.decidedAt() != null ? a.decidedAt() : a.requestedAt();
                rows.addAll(MoneyFact.ofApprovedAction(a.id(), a.type(), a.caseKey(), a.market(),
                        a.amount().currency().getCurrencyCode(), a.amount().minor(), at, facts::zone));
            }
            MoneyFacts.PaymentSink sink = new MoneyFacts.PaymentSink();
            payments.read(from, to, sink);
            rows.addAll(sink.facts(facts::zone));
            money.store(rows.stream().map(MoneyFact::sourceId).distinct().toList(), rows);
            count += rows.size();
        }
        for (Provider provider : Provider.values()) {
            for (DisputeStatus status : EnumSet.of(DisputeStatus.WON, DisputeStatus.LOST, DisputeStatus.EXPIRED,
                    DisputeStatus.ACCEPTED)) {
                var list = disputes.list(new Disputes.Filter(null, true, provider.name(), status, null, DISPUTE_CAP));
                if (list.size() >= DISPUTE_CAP) {
                    warnings.add("money: disputes " + provider + " " + status + ": the first " + DISPUTE_CAP + " only");
                }
                List<MoneyFact> rows = new ArrayList<>();
                list.forEach(d -> rows.addAll(MoneyFact.ofDispute(d, facts::zone)));
                money.store(list.stream().map(d -> d.id()).toList(), rows);
                count += list.size();
            }
        }
        money.rebuildRollup();
        return count;
    }
}
