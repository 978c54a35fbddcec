package dev.paydesk.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.paydesk.Fuzzing;

/**
 * The parse step of each provider's webhooks, after the signature was verified (as
 * {@link WebhookReceiver} runs it): any body becomes events or a {@link MalformedPayloadException}
 * (the quarantine), never another exception, which would answer 500 and make the provider retry.
 *
 * <p>Input: the first byte picks Stripe, Adyen, PayPal or Klarna, the rest is the body.
 */
class WebhookParseFuzzTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private static final StripeAdapter STRIPE = new StripeAdapter(CLOCK);
    private static final AdyenAdapter ADYEN = new AdyenAdapter();
    private static final PayPalAdapter PAYPAL = new PayPalAdapter(CLOCK);
    private static final KlarnaAdapter KLARNA = new KlarnaAdapter();

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET, maxExecutions = Fuzzing.MAX_EXECUTIONS)
    void parsesOrQuarantines(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String body = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        List<ProviderEvent> events = new ArrayList<>();
        try {
            switch (input[0] & 3) {
                case 0 -> events.add(STRIPE.parse("stripe-eu", body));
                case 1 -> {
                    if (AdyenAdapter.isTokenWebhook(body)) {
                        events.add(ADYEN.parseTokenWebhook(body));
                    } else {
                        ADYEN.items(body).forEach(item -> events.add(ADYEN.parse("adyen-eu", item)));
                    }
                }
                case 2 -> events.add(PAYPAL.parse("paypal-eu", body));
                default -> events.add(KLARNA.parse("klarna-eu", body));
            }
        } catch (MalformedPayloadException quarantined) {
            assertThat(quarantined.getMessage()).isNotBlank();
            return;
        }
        assertThat(events).doesNotContainNull();
    }
}
