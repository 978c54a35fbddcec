package dev.paydesk.payments;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.Money;

/**
 * A provider reported something about a dispute (inquiry, chargeback, stage change, outcome); the
 * dispute desk turns these into its lifecycle. {@code eventCode} and {@code status} are as the
 * provider names them; {@code payload} is the masked raw notification.
 */
public record DisputeNotified(Provider provider, String merchantAccount, String eventKey, String providerDisputeId,
                              @Nullable String paymentReference, @Nullable String merchantReference,
                              String eventCode, @Nullable String status, @Nullable String reasonCode,
                              @Nullable Money amount, @Nullable Instant dueAt, Instant occurredAt, String payload) {
}
