package dev.paydesk.reconciliation;

import java.time.Duration;
import java.util.UUID;

/** What one reconciliation run read, matched and changed. */
public record RunSummary(UUID runId, String kind, int orders, int movements, int lines, int matched, int anomalies,
                         int opened, int reopened, int resolved, Duration took) {
}
