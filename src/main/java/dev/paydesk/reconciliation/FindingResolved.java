package dev.paydesk.reconciliation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A finding settled itself: a later run over the same records no longer finds the anomaly. */
public record FindingResolved(UUID findingId, FindingType type, @Nullable String market, @Nullable String orderRef,
                              String resolution) {
}
