package dev.paydesk.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseClockAlert;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.cases.ExpectedVersion;
import dev.paydesk.cases.StaleCaseException;
import dev.paydesk.platform.AuditLog;

/**
 * Runs one operation on a {@link Case}: load, check the expected version and the caller's market,
 * apply, save with the version checked, then append the timeline, audit, publish and recompute the
 * clocks. A system writer's clash is retried on a fresh load (bounded); anyone else's is a
 * {@link StaleCaseException}.
 */
@Component
class CaseEditor {

    static final int MAX_ATTEMPTS = 5;

    /** An operation on a loaded case at an instant. */
    interface Operation {
        Changes apply(Case c, Instant at);
    }

    private final Cases cases;
    private final CaseStore store;
    private final CaseClocks clocks;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseEditor(Cases cases, CaseStore store, CaseClocks clocks, AuditLog audit, ApplicationEventPublisher events,
               Clock clock) {
        this.cases = cases;
        this.store = store;
        this.clocks = clocks;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    Changes edit(UUID id, ExpectedVersion expected, Operation op) {
        return edit(id, expected, op, UnaryOperator.identity());
    }

    /** As {@link #edit(UUID, ExpectedVersion, Operation)}; {@code afterSave} completes the changes once saved (e.g. a sent e-mail). */
    Changes edit(UUID id, ExpectedVersion expected, Operation op, UnaryOperator<Changes> afterSave) {
        for (int attempt = 1; ; attempt++) {
            Case c = load(id, expected);
            Instant now = clock.instant();
            Changes changes = op.apply(c, now);
            if (changes.isEmpty()) {
                return changes;
            }
            int loaded = c.version();
            if (cases.save(c, now)) {
                Changes done = afterSave.apply(changes);
                record(c, done);
                return done;
            }
            if (!expected.retry() || attempt >= MAX_ATTEMPTS) {
                throw new StaleCaseException(c.key(), loaded, cases.currentVersion(id));
            }
        }
    }

    /** Loads a case for a change: in the caller's markets, at the expected version if one is given. */
    Case load(UUID id, ExpectedVersion expected) {
        Case c = cases.load(id);
        CaseInput.checkMarket(c.key(), c.market());
        if (expected.version() != null && c.version() != expected.version()) {
            throw new StaleCaseException(c.key(), expected.version(), c.version());
        }
        return c;
    }

    /** Saves a case loaded with {@link #load} or throws {@link StaleCaseException} (several cases in one change). */
    void saveOrFail(Case c, Instant at) {
        int loaded = c.version();
        if (!cases.save(c, at)) {
            throw new StaleCaseException(c.key(), loaded, cases.currentVersion(c.id()));
        }
    }

    /** Appends, audits and publishes saved changes, then recomputes the clocks of every case they touch. */
    void record(Case c, Changes changes) {
        cases.append(changes);
        for (Changes.Audit a : changes.audits()) {
            audit.record(a.action(), "case", a.caseKey(), a.market(), a.before(), a.after());
        }
        changes.published(c.key(), c.market()).forEach(events::publishEvent);
        changes.entries().stream().map(Changes.Entry::caseId).distinct().forEach(this::refreshClocks);
    }

    void refreshClocks(UUID id) {
        refreshClocks(store.require(id));
    }

    /** Recomputes a case's clocks and raises the alerts that became due. */
    List<CaseClocks.Alert> refreshClocks(CaseSummary c) {
        List<CaseClocks.Alert> alerts = clocks.refresh(c, store.details(c.id()));
        Instant now = clock.instant();
        for (CaseClocks.Alert a : alerts) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("clock", a.clock().kind().name());
            data.put("label", a.clock().label());
            data.put("breached", a.breached());
            if (a.clock().dueAt() != null) {
                data.put("dueAt", a.clock().dueAt().toString());
            }
            store.appendEntry(c.id(), a.breached() ? EntryKind.CLOCK_BREACHED : EntryKind.CLOCK_WARNING, now, "system",
                    null, data, null);
            audit.record(a.breached() ? "case.clock-breached" : "case.clock-warning", "case", c.key(), c.market(), null, data);
            events.publishEvent(new CaseClockAlert(c.id(), c.key(), c.market(), a.clock().kind(), a.breached(),
                    a.clock().dueAt(), c.assignee(), now));
        }
        return alerts;
    }
}
