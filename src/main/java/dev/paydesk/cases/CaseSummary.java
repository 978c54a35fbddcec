package dev.paydesk.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.Money;

/** A case as listed in queue views and returned by the API. */
public record CaseSummary(UUID id, String key, String subject, CaseStatus status, @Nullable WaitingReason waitingReason,
                          Priority priority, @Nullable String category, String market, String language,
                          @Nullable String queue, @Nullable String assignee, List<String> tags, CaseSource source,
                          @Nullable String customerRef, @Nullable Money amount, @Nullable Instant nextDueAt,
                          boolean breached, Instant createdAt, Instant updatedAt, int version) {
}
