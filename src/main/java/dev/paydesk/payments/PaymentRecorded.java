package dev.paydesk.payments;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.Money;

/** A new money movement stored in the mirror; published inside a {@link PaymentsRecorded} batch. */
public record PaymentRecorded(UUID transactionId, Provider provider, String merchantAccount, TransactionKind kind,
                              String providerReference, @Nullable String originalReference,
                              @Nullable String merchantReference, Money amount, String status, Instant occurredAt) {
}
