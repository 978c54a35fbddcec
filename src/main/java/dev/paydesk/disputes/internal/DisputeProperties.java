package dev.paydesk.disputes.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code paydesk.disputes.*}.
 *
 * @param respondByBufferBusinessDays respond-by = provider due date minus this many business days of the market
 * @param defaultMarket market of a dispute whose order the payments mirror does not know
 * @param handlingCostMinor cost of preparing one answer, in minor units of the dispute's currency
 * @param missingEvidenceWeight how much of P(win) a dispute keeps with no checklist item present
 *                              (P = posterior mean × (w + (1 − w) × completeness))
 * @param accounts per merchant account: market, policies and the submission endpoint
 */
@ConfigurationProperties("paydesk.disputes")
record DisputeProperties(@Nullable Integer respondByBufferBusinessDays, @Nullable String defaultMarket,
                         @Nullable Long handlingCostMinor, @Nullable Double missingEvidenceWeight,
                         @Nullable Map<String, Account> accounts) {

    /**
     * @param submissionUrl base URL of the provider API (Stripe-style {@code POST {url}/v1/disputes/{id}})
     * @param apiKey bearer secret for that API; from the environment, never the repository
     */
    record Account(@Nullable String market, @Nullable String refundPolicy, @Nullable String cancellationPolicy,
                   @Nullable String submissionUrl, @Nullable String apiKey) {
    }

    int buffer() {
        return respondByBufferBusinessDays == null ? 2 : respondByBufferBusinessDays;
    }

    long handlingCost() {
        return handlingCostMinor == null ? 2500 : handlingCostMinor;
    }

    double missingWeight() {
        return missingEvidenceWeight == null ? 0.4 : missingEvidenceWeight;
    }

    @Nullable Account account(String name) {
        return accounts == null ? null : accounts.get(name);
    }
}
