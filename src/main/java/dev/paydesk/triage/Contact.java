package dev.paydesk.triage;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A customer contact as the case desk sees it on intake.
 *
 * @param contactRef the case (or message) id
 * @param customerRef who wrote (customer id or normalised e-mail), if known
 * @param paymentRef the payment it is about (PSP reference or order id), if known
 */
public record Contact(String contactRef, @Nullable String customerRef, @Nullable String paymentRef, Instant at) {

    public Contact {
        if (contactRef.isBlank()) {
            throw new IllegalArgumentException("contactRef must not be blank");
        }
        customerRef = customerRef == null || customerRef.isBlank() ? null : customerRef.strip();
        paymentRef = paymentRef == null || paymentRef.isBlank() ? null : paymentRef.strip();
    }
}
