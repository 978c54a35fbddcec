package dev.paydesk.disputes.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.disputes.DisputeClosed;
import dev.paydesk.disputes.DisputeHistoryEntry;
import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.NotFoundException;

/** Queries and the merchant's own actions on a dispute. */
@Service
class DisputeService implements Disputes {

    private final DisputeStore store;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DisputeService(DisputeStore store, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DisputeSummary> openDisputeFor(String paymentOrOrderRef) {
        if (paymentOrOrderRef.isBlank()) {
            return Optional.empty();
        }
        return store.openFor(paymentOrOrderRef.trim()).map(Dispute::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public DisputeSummary dispute(UUID id) {
        return store.find(id).map(Dispute::summary).orElseThrow(() -> new NotFoundException("no dispute " + id));
    }

    @Override
    @Transactional(readOnly = true)
    public List<DisputeSummary> list(Filter filter) {
        return store.list(filter).stream().map(Dispute::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DisputeHistoryEntry> history(UUID id) {
        dispute(id);
        return store.history(id);
    }

    @Override
    @Transactional
    public DisputeSummary accept(UUID id, @Nullable String note) {
        Dispute d = store.lock(id).orElseThrow(() -> new NotFoundException("no dispute " + id));
        var before = DisputeLifecycle.snapshot(d);
        Instant now = clock.instant();
        d.accept(now);
        store.update(d, now);
        store.appendHistory(id, now, "ACCEPTED", d.stage(), d.status(),
                "loss accepted" + (note == null || note.isBlank() ? "" : ": " + note.trim()), CurrentUser.actorName(), null);
        audit.record("dispute.accepted", "dispute", id.toString(), d.market(), before, DisputeLifecycle.snapshot(d));
        events.publishEvent(new DisputeClosed(id, d.market(), d.paymentReference(), d.orderReference(), d.stage(),
                d.status(), d.amount(), now));
        return store.find(id).orElseThrow().summary();
    }

    /** Marks evidence as submitted (called by the evidence service after the provider accepted it). */
    @Transactional
    void evidenceSubmitted(UUID id, String detail) {
        Dispute d = store.lock(id).orElseThrow(() -> new NotFoundException("no dispute " + id));
        var before = DisputeLifecycle.snapshot(d);
        Instant now = clock.instant();
        d.evidenceSubmitted(now);
        store.update(d, now);
        store.appendHistory(id, now, "EVIDENCE_SUBMITTED", d.stage(), d.status(), detail, CurrentUser.actorName(), null);
        audit.record("dispute.evidence-submitted", "dispute", id.toString(), d.market(), before,
                DisputeLifecycle.snapshot(d));
    }
}
