package dev.paydesk.cases;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A clock is about to breach ({@code breached} false) or has breached. */
public record CaseClockAlert(UUID caseId, String key, String market, ClockKind clock, boolean breached,
                             @Nullable Instant dueAt, @Nullable String assignee, Instant at) {
}
