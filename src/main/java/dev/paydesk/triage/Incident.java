package dev.paydesk.triage;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A detected spike in one cell and hour. */
public record Incident(long id, Instant hour, Cell cell, int observed, double expected, double pValue, String status,
                       Instant openedAt, @Nullable Instant closedAt) {
}
