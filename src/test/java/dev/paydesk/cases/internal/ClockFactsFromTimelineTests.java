package dev.paydesk.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.cases.TimelineEntry;
import dev.paydesk.cases.WaitingReason;

/**
 * A case read computes its clocks from the timeline it reads for the page anyway (one query fewer); the facts
 * must be those the clock refresh reads with its own query: the clock kinds only, in timeline order, with a
 * status change's status and reason from the entry's data.
 */
class ClockFactsFromTimelineTests {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    private static TimelineEntry entry(long id, EntryKind kind, int minute, Map<String, Object> data) {
        return new TimelineEntry(id, kind, T.plusSeconds(60L * minute), "agent", null, data, (int) id);
    }

    @Test
    void onlyClockKindsInTimelineOrderWithTheStatusAndReasonOfAStatusChange() {
        List<TimelineEntry> timeline = List.of(
                entry(1, EntryKind.CREATED, 0, Map.of()),
                entry(2, EntryKind.NOTE, 1, Map.of()),
                entry(3, EntryKind.MESSAGE_IN, 2, Map.of("from", "customer@example.com")),
                entry(4, EntryKind.STATUS, 3, Map.of("status", "WAITING", "reason", "CUSTOMER", "from", "OPEN")),
                entry(5, EntryKind.TAGS, 4, Map.of("tags", List.of("vip"))),
                entry(6, EntryKind.MESSAGE_OUT, 5, Map.of("to", "customer@example.com")),
                entry(7, EntryKind.STATUS, 6, Map.of("status", "OPEN", "from", "WAITING")));

        assertThat(CaseClocks.facts(timeline)).containsExactly(
                new ClockFact.Opened(T),
                new ClockFact.CustomerMessage(T.plusSeconds(120)),
                new ClockFact.StatusChange(T.plusSeconds(180), CaseStatus.WAITING, WaitingReason.CUSTOMER),
                new ClockFact.Reply(T.plusSeconds(300)),
                new ClockFact.StatusChange(T.plusSeconds(360), CaseStatus.OPEN, null));
    }
}
