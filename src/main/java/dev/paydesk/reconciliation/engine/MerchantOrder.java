package dev.paydesk.reconciliation.engine;

import org.jspecify.annotations.Nullable;

/**
 * An order from the merchant's books.
 *
 * @param dueMinor amount due in minor units, or {@link #UNKNOWN} while the merchant has not said
 */
public record MerchantOrder(String ref, @Nullable String market, @Nullable String customer, long dueMinor,
                            @Nullable String currency, @Nullable String method) {

    public static final long UNKNOWN = Long.MIN_VALUE;

    boolean dueKnown() {
        return dueMinor != UNKNOWN && currency != null;
    }
}
