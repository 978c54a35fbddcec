package dev.paydesk.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseClock;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.ClockKind;
import dev.paydesk.cases.ClockState;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.cases.TimelineEntry;
import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.MarketCatalog;

/**
 * Computes a case's clocks from its history (never incrementally), and keeps the snapshot that queue
 * views sort by ({@code next_due_at}) and the alert sweep reads.
 */
@Component
class CaseClocks {

    private final JdbcClient jdbc;
    private final SlaPolicies policies;
    private final MarketCatalog markets;
    private final Clock clock;

    CaseClocks(JdbcClient jdbc, SlaPolicies policies, MarketCatalog markets, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.markets = markets;
        this.clock = clock;
    }

    /** The case's clocks now, from its history and the current policy and calendar. */
    List<CaseClock> compute(CaseSummary c, CaseStore.Details details) {
        return compute(c, details, facts(c.id()));
    }

    /** As {@link #compute(CaseSummary, CaseStore.Details)} with the clock facts already read (from the timeline). */
    List<CaseClock> compute(CaseSummary c, CaseStore.Details details, List<ClockFact> facts) {
        Instant now = clock.instant();
        BusinessCalendar calendar = markets.calendar(c.market());
        List<CaseClock> clocks = new ArrayList<>();
        String ola = jdbc.sql("select ola_minutes from cases_queue where code = ? and ola_minutes is not null")
                .param(c.queue()).query(String.class).optional().orElse(null);
        if (c.source() == dev.paydesk.cases.CaseSource.ESCALATION && ola != null) {
            clocks.addAll(ClockCalculator.ola(facts, c.queue(), Duration.ofMinutes(Long.parseLong(ola)), calendar, now));
        } else {
            clocks.addAll(ClockCalculator.compute(facts, policies.forCase(c.category(), c.market(), c.priority()),
                    calendar, now));
        }
        Instant external = details.externalDueAt();
        if (external != null) {
            String label = Objects.requireNonNullElse(details.externalDueLabel(), "External deadline");
            clocks.add(ClockCalculator.deadline(ClockKind.EXTERNAL, label, external, details.resolvedAt(), now));
        }
        return clocks;
    }

    Duration warnBefore(CaseSummary c) {
        return policies.forCase(c.category(), c.market(), c.priority()).warnBefore();
    }

    /** Recomputes and stores the snapshot; returns the clocks that newly need a warning or a breach alert. */
    List<Alert> refresh(CaseSummary c, CaseStore.Details details) {
        List<CaseClock> clocks = compute(c, details);
        Instant now = clock.instant();
        Duration warn = warnBefore(c);
        List<Alert> alerts = new ArrayList<>();
        jdbc.sql("delete from cases_clock where case_id = ? and kind <> all(?)")
                .params(c.id(), clocks.stream().map(k -> k.kind().name()).toArray(String[]::new)).update();
        for (CaseClock k : clocks) {
            Snapshot before = jdbc.sql("select warned_at, breached_at from cases_clock where case_id = ? and kind = ?")
                    .params(c.id(), k.kind().name())
                    .query((rs, n) -> new Snapshot(rs.getTimestamp(1), rs.getTimestamp(2))).optional()
                    .orElse(new Snapshot(null, null));
            Timestamp warnedAt = before.warnedAt();
            Timestamp breachedAt = before.breachedAt();
            if (k.state() == ClockState.BREACHED && breachedAt == null && c.status().isOpen()) {
                breachedAt = Timestamp.from(now);
                alerts.add(new Alert(k, true));
            } else if (k.state() == ClockState.RUNNING && warnedAt == null && k.dueAt() != null
                    && !k.dueAt().isAfter(now.plus(warn))) {
                warnedAt = Timestamp.from(now);
                alerts.add(new Alert(k, false));
            }
            if (k.state() != ClockState.BREACHED) {
                breachedAt = null;
            }
            if (k.state() != ClockState.RUNNING || (k.dueAt() != null && k.dueAt().isAfter(now.plus(warn)))) {
                warnedAt = null;
            }
            jdbc.sql("""
                    insert into cases_clock (case_id, kind, state, due_at, remaining_minutes, warned_at, breached_at)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (case_id, kind) do update set state = excluded.state, due_at = excluded.due_at,
                        remaining_minutes = excluded.remaining_minutes, warned_at = excluded.warned_at,
                        breached_at = excluded.breached_at""")
                    .params(c.id(), k.kind().name(), k.state().name(), k.dueAt() == null ? null : Timestamp.from(k.dueAt()),
                            k.remaining() == null ? null : k.remaining().toMinutes(), warnedAt, breachedAt)
                    .update();
        }
        Instant nextDue = clocks.stream().filter(k -> k.state() == ClockState.RUNNING && k.dueAt() != null)
                .map(CaseClock::dueAt).min(Comparator.naturalOrder()).orElse(null);
        boolean breached = clocks.stream().anyMatch(k -> k.state() == ClockState.BREACHED);
        jdbc.sql("update cases_case set next_due_at = ?, breached = ? where id = ?")
                .params(nextDue == null ? null : Timestamp.from(nextDue), breached, c.id()).update();
        return alerts;
    }

    /** A clock that crossed its warning line or breached since the last refresh. */
    record Alert(CaseClock clock, boolean breached) {
    }

    private record Snapshot(@Nullable Timestamp warnedAt, @Nullable Timestamp breachedAt) {
    }

    /** The clock facts among a case's timeline entries (in the timeline's order: by time, then id). */
    static List<ClockFact> facts(List<TimelineEntry> timeline) {
        return timeline.stream().filter(e -> EntryKind.CLOCK_FACTS.contains(e.kind()))
                .map(e -> ClockFact.of(e.kind(), e.at(), text(e.data().get("status")), text(e.data().get("reason"))).orElseThrow())
                .toList();
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    List<ClockFact> facts(UUID caseId) {
        return jdbc.sql("""
                select kind, at, data->>'status', data->>'reason' from cases_entry
                where case_id = ? and kind = any(?) order by at, id""")
                .params(caseId, EntryKind.names(EntryKind.CLOCK_FACTS))
                .query((rs, n) -> ClockFact.of(EntryKind.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4)).orElseThrow()).list();
    }
}
