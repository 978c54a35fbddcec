package dev.paydesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.cases.TimelineEntry;

/** Four-eyes waits read from a case timeline, worked by hand. */
class CaseFactTests {

    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void eachPendingRequestIsPairedWithTheDecisionOfTheSameAction() {
        List<TimelineEntry> timeline = List.of(
                entry(EntryKind.MONEY_REQUESTED, 0, Map.of("action", "a1", "status", "PENDING_APPROVAL")),
                entry(EntryKind.MONEY_REQUESTED, 10, Map.of("action", "a2", "status", "PENDING_APPROVAL")),
                // approved without a second person: no wait
                entry(EntryKind.MONEY_REQUESTED, 20, Map.of("action", "a3", "status", "APPROVED")),
                entry(EntryKind.MONEY_REJECTED, 25, Map.of("action", "a2", "status", "REJECTED")),
                entry(EntryKind.MONEY_APPROVED, 90, Map.of("action", "a1", "status", "APPROVED")),
                // still pending at the end: not decided, no wait yet
                entry(EntryKind.MONEY_REQUESTED, 95, Map.of("action", "a4", "status", "PENDING_APPROVAL")));
        CaseDetail d = new CaseDetail(null, "", null, null, List.of(), List.of(), timeline, null, List.of(), null);
        List<CaseFact.Approval> approvals = CaseFact.approvals(d);
        // a2: 10 -> 25 = 15 minutes; a1: 0 -> 90 = 90 minutes (in the order decided)
        assertThat(approvals).extracting(CaseFact.Approval::waitingMinutes).containsExactly(15, 90);
    }

    private static TimelineEntry entry(EntryKind kind, int minute, Map<String, Object> data) {
        return new TimelineEntry(minute, kind, T.plusSeconds(60L * minute), "someone", null, data, 1);
    }
}
