package dev.paydesk.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.Money;

/**
 * How reconciliation findings reach the case desk: at most a configured number of new cases per
 * window; beyond it a breaker opens, findings wait, and process managers and admins are alerted
 * until an admin resumes.
 */
public interface FindingCaseIntake {

    /** Whether the breaker is open, since when and why, and how many findings wait. */
    record State(boolean paused, @Nullable Instant pausedAt, @Nullable String reason, long waiting) {
    }

    /** A finding listed on a grouped case. */
    record GroupedFinding(UUID findingId, String type, @Nullable String paymentRef, Money amount, String summary,
                          Instant addedAt, @Nullable Instant resolvedAt) {
    }

    State state();

    /** Closes the breaker (admins) and handles the waiting findings, oldest first, until done or the limit trips again. */
    State resume();

    /** The findings listed on a grouped case, oldest first. */
    List<GroupedFinding> grouped(UUID caseId, int limit, int offset);
}
