package dev.paydesk.payments.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.paydesk.payments.TransactionKind;
import dev.paydesk.shared.Money;

/** One money movement as a provider adapter understood it, before storage. */
record NormalizedTransaction(TransactionKind kind, String providerReference, @Nullable String originalReference,
                             @Nullable String merchantReference, @Nullable String customerReference, String status,
                             Money amount, @Nullable String method, @Nullable String cardBrand,
                             @Nullable String cardBin, @Nullable String cardLast4, Instant occurredAt) {
}
