package dev.paydesk.disputes;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A catalogue entry: a scheme's reason code, the category it means, the scheme's default response
 * window and the evidence that answers it.
 *
 * @param scheme VISA, MASTERCARD, AMEX, DISCOVER, PAYPAL, KLARNA or STRIPE (Stripe's own reason values)
 * @param responseDays calendar days the merchant side has to respond, used when the provider sends no due date
 * @param source where the code and window are documented
 */
public record ReasonCode(String scheme, String code, String title, ReasonCategory category, int responseDays,
                         List<EvidenceItem> evidence, @Nullable String source, int version) {

    public ReasonCode {
        evidence = List.copyOf(evidence);
    }
}
