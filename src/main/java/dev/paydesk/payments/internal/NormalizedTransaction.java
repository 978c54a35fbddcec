package dev.paydesk.payments.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.paydesk.payments.TransactionKind;
import dev.paydesk.shared.Money;

/**
 * One money movement as a provider adapter understood it, before storage. Its references and texts
 * pass {@link Intake}'s checks, so an authentic event with an unstorable value goes to the quarantine.
 */
record NormalizedTransaction(TransactionKind kind, String providerReference, @Nullable String originalReference,
                             @Nullable String merchantReference, @Nullable String customerReference, String status,
                             Money amount, @Nullable String method, @Nullable String cardBrand,
                             @Nullable String cardBin, @Nullable String cardLast4, Instant occurredAt) {

    NormalizedTransaction {
        Intake.reference("provider reference", providerReference);
        Intake.reference("original reference", originalReference);
        Intake.reference("merchant reference", merchantReference);
        Intake.reference("customer reference", customerReference);
        Intake.text("status", status);
        Intake.text("method", method);
        Intake.text("card brand", cardBrand);
        Intake.text("card BIN", cardBin);
        Intake.text("card last 4", cardLast4);
    }
}
