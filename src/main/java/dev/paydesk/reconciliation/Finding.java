package dev.paydesk.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.Money;

/** One anomaly as stored: money at risk, evidence (record references), the suggested action and its handling. */
public record Finding(UUID id, String anomalyKey, FindingType type, FindingStatus status, @Nullable String market,
                      @Nullable String provider, @Nullable String method, @Nullable String orderRef,
                      @Nullable String paymentRef, @Nullable String customerRef, Money amountAtRisk, String summary,
                      List<String> evidence, String suggestedAction, @Nullable String assignee, Instant firstSeenAt,
                      Instant lastSeenAt, @Nullable Instant resolvedAt, @Nullable String resolution) {
}
