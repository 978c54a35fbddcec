package dev.paydesk.payments.internal;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.paydesk.payments.Provider;

/**
 * Merchant accounts and their webhook secrets, from configuration only (never the repository):
 * {@code paydesk.payments.accounts.<name>.provider=STRIPE}, {@code ...signing-secret=whsec_...}.
 *
 * @param accounts by the name used in the webhook URL {@code /webhooks/<provider>/<name>}
 * @param stripeToleranceSeconds how old a Stripe signature timestamp may be
 */
@ConfigurationProperties("paydesk.payments")
record PaymentAccounts(@Nullable Map<String, Account> accounts, @Nullable Long stripeToleranceSeconds) {

    /**
     * @param provider which PSP
     * @param signingSecret Stripe endpoint secret, Adyen HMAC key (hex), Klarna signing key
     * @param webhookId PayPal webhook id
     * @param certificate PayPal signing certificate (PEM)
     * @param market default market of the account's orders
     */
    record Account(Provider provider, @Nullable String signingSecret, @Nullable String webhookId,
                   @Nullable String certificate, @Nullable String market) {
    }

    Optional<Account> find(Provider provider, String name) {
        if (accounts == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(accounts.get(name)).filter(a -> a.provider() == provider);
    }

    long toleranceSeconds() {
        return stripeToleranceSeconds == null ? 300 : stripeToleranceSeconds;
    }
}
