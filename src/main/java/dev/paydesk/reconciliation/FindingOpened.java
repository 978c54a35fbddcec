package dev.paydesk.reconciliation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.Money;

/**
 * Reconciliation found broken money (published once per anomaly, and again if it comes back after
 * being resolved). The case desk opens or joins a case for it.
 */
public record FindingOpened(UUID findingId, FindingType type, @Nullable String market, @Nullable String provider,
                            @Nullable String orderRef, @Nullable String paymentRef, @Nullable String customerRef,
                            Money amountAtRisk, String summary) {
}
