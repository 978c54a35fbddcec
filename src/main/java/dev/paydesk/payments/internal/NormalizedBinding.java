package dev.paydesk.payments.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.paydesk.payments.PaymentQueries.BindingAction;

/**
 * One change of a stored payment method as a provider adapter understood it: never a card number,
 * only brand, BIN (first six digits), last four and expiry. The customer may be unknown on removal;
 * it is then taken from the token's earlier changes.
 */
record NormalizedBinding(String token, @Nullable String customerReference, BindingAction action,
                         @Nullable String method, @Nullable String cardBrand, @Nullable String cardBin,
                         @Nullable String cardLast4, @Nullable Integer expMonth, @Nullable Integer expYear,
                         @Nullable String reason, Instant occurredAt) {

    NormalizedBinding {
        Intake.reference("token", token);
        Intake.reference("customer", customerReference);
        Intake.text("method", method);
        Intake.text("brand", cardBrand);
        Intake.text("reason", reason);
        cardBin = digits(cardBin, 6);
        cardLast4 = digits(cardLast4, 4);
    }

    /** The leading (BIN) or trailing (last 4) digits only; anything else is dropped. */
    private static @Nullable String digits(@Nullable String value, int keep) {
        if (value == null) {
            return null;
        }
        String d = value.replaceAll("\\D", "");
        if (d.length() < keep) {
            return null;
        }
        return keep == 6 ? d.substring(0, 6) : d.substring(d.length() - 4);
    }
}
