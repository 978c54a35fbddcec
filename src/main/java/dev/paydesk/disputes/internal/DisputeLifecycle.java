package dev.paydesk.disputes.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.disputes.DisputeClosed;
import dev.paydesk.disputes.DisputeDeadlineChanged;
import dev.paydesk.disputes.DisputeOpened;
import dev.paydesk.disputes.ReasonCode;
import dev.paydesk.payments.DisputeNotified;
import dev.paydesk.payments.OrderTimeline;
import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.shared.Money;

/**
 * Turns the payments mirror's {@link DisputeNotified} facts into dispute lifecycles, once per provider
 * event: a redelivered notification hits the processed-event key and changes nothing; notifications
 * for the same dispute are serialised by a row lock; their order is handled by {@link Dispute#apply}.
 */
@Service
@EnableConfigurationProperties(DisputeProperties.class)
class DisputeLifecycle {

    /** What one notification did. */
    enum Result { CREATED, UPDATED, DUPLICATE }

    private final DisputeStore store;
    private final ReasonCatalogue catalogue;
    private final DeadlinePolicy deadlines;
    private final PaymentQueries payments;
    private final MarketCatalog markets;
    private final DisputeProperties properties;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DisputeLifecycle(DisputeStore store, ReasonCatalogue catalogue, DeadlinePolicy deadlines, PaymentQueries payments,
                     MarketCatalog markets, DisputeProperties properties, AuditLog audit,
                     ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.payments = payments;
        this.markets = markets;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DisputeNotified notice) {
        apply(notice);
    }

    @Transactional
    Result apply(DisputeNotified n) {
        Instant now = clock.instant();
        DisputeSignal signal = ProviderLifecycles.signal(n);
        boolean created = false;
        Dispute dispute = store.lock(n.provider(), n.merchantAccount(), n.providerDisputeId()).orElse(null);
        if (dispute == null) {
            Dispute fresh = newDispute(n, signal);
            created = store.insert(fresh, now);
            dispute = store.lock(n.provider(), n.merchantAccount(), n.providerDisputeId()).orElseThrow();
        }
        if (!store.markProcessed(n.provider(), n.eventKey(), dispute.id(), now)) {
            return Result.DUPLICATE;
        }
        @Nullable Map<String, Object> before = created ? null : snapshot(dispute);
        String reasonBefore = dispute.reasonCode();
        Dispute d = dispute;
        Dispute.Change change = d.apply(signal, due -> deadlines.respondBy(due, d.market()));
        d.link(n.paymentReference(), n.merchantReference(), null, null);
        if (created || !java.util.Objects.equals(reasonBefore, d.reasonCode())) {
            d.classify(catalogue.categorise(d.network(), d.provider().name(), d.reasonCode()));
        }
        boolean estimated = estimateDueIfMissing(d);
        store.update(d, now);
        String detail = signal.label() + (change.notes().isEmpty() ? "" : ": " + String.join("; ", change.notes()));
        store.appendHistory(d.id(), now, created ? "OPENED" : "NOTIFICATION", d.stage(), d.status(), detail, "system",
                n.eventKey());
        if (created || change.stageChanged() || change.statusChanged(d.status()) || change.deadlineChanged() || estimated) {
            audit.record(created ? "dispute.opened" : "dispute.updated", "dispute", d.id().toString(), d.market(), before,
                    snapshot(d));
        }
        publish(d, created, change, estimated);
        return created ? Result.CREATED : Result.UPDATED;
    }

    private void publish(Dispute d, boolean created, Dispute.Change change, boolean estimated) {
        if (created) {
            events.publishEvent(new DisputeOpened(d.id(), d.provider(), d.market(), d.paymentReference(),
                    d.orderReference(), d.customerReference(), d.amount(), d.reasonCategory(), d.stage(), d.status(),
                    d.respondBy(), d.dueAt()));
        } else if (change.deadlineChanged() || estimated) {
            events.publishEvent(new DisputeDeadlineChanged(d.id(), d.market(), d.stage(), d.status(), d.respondBy(),
                    d.dueAt()));
        }
        if (change.closed()) {
            events.publishEvent(new DisputeClosed(d.id(), d.market(), d.paymentReference(), d.orderReference(),
                    d.stage(), d.status(), d.amount(), d.closedAt() == null ? clock.instant() : d.closedAt()));
        }
    }

    /** Without a provider due date, the reason's default window from the opening is the best estimate. */
    private boolean estimateDueIfMissing(Dispute d) {
        if (d.dueAt() != null || d.status().isFinal()) {
            return false;
        }
        int days = Optional.ofNullable(d.reasonCode())
                .flatMap(code -> catalogue.resolve(d.network(), d.provider().name(), code))
                .map(ReasonCode::responseDays).orElse(10);
        Instant due = d.openedAt().plus(Duration.ofDays(days));
        return d.reschedule(due, true, deadlines.respondBy(due, d.market()));
    }

    private Dispute newDispute(DisputeNotified n, DisputeSignal signal) {
        Links links = links(n);
        String market = links.market != null ? links.market : accountMarket(n.merchantAccount());
        Money amount = n.amount() != null ? n.amount()
                : links.amountDue != null ? links.amountDue : Money.zero(currencyOf(market));
        Dispute d = Dispute.open(UUID.randomUUID(), n.provider(), n.merchantAccount(), n.providerDisputeId(), signal,
                amount, market, catalogue.categorise(signal.network(), n.provider().name(), signal.reasonCode()));
        d.link(n.paymentReference(), n.merchantReference() != null ? n.merchantReference() : links.order,
                links.customer, null);
        return d;
    }

    private record Links(@Nullable String market, @Nullable String order, @Nullable String customer,
                         @Nullable Money amountDue) {
    }

    /** Market, order and customer from the payments mirror, by order reference or else by payment reference. */
    private Links links(DisputeNotified n) {
        if (n.merchantReference() != null) {
            Optional<OrderTimeline> timeline = payments.timeline(n.merchantReference());
            if (timeline.isPresent()) {
                OrderTimeline t = timeline.get();
                return new Links(t.market(), t.merchantReference(), t.customerReference(), t.amountDue());
            }
        }
        if (n.paymentReference() != null) {
            List<PaymentQueries.PaymentSummary> found = payments.search(new PaymentQueries.SearchCriteria(null,
                    n.paymentReference(), null, null, null, null, null, 5));
            for (PaymentQueries.PaymentSummary p : found) {
                if (p.merchantReference() != null) {
                    return new Links(p.market(), p.merchantReference(), p.customerReference(), null);
                }
            }
        }
        return new Links(null, n.merchantReference(), null, null);
    }

    private @Nullable String accountMarket(String account) {
        DisputeProperties.Account config = properties.account(account);
        if (config != null && config.market() != null) {
            return config.market();
        }
        return properties.defaultMarket();
    }

    private Currency currencyOf(@Nullable String market) {
        return market == null ? Currency.getInstance("EUR")
                : markets.market(market).map(m -> m.currency()).orElse(Currency.getInstance("EUR"));
    }

    static Map<String, Object> snapshot(Dispute d) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("stage", d.stage().name());
        m.put("status", d.status().name());
        m.put("reasonCode", d.reasonCode());
        m.put("amount", d.amount().toString());
        m.put("dueAt", d.dueAt() == null ? null : d.dueAt().toString());
        m.put("respondBy", d.respondBy() == null ? null : d.respondBy().toString());
        return m;
    }
}
