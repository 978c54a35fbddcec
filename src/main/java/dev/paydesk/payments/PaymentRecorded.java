package dev.paydesk.payments;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.Money;

/** A new money movement was stored in the mirror (published once per movement). */
public record PaymentRecorded(UUID transactionId, Provider provider, String merchantAccount, TransactionKind kind,
                              String providerReference, @Nullable String originalReference,
                              @Nullable String merchantReference, Money amount, String status, Instant occurredAt) {
}
