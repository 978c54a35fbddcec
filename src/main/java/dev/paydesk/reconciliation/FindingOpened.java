package dev.paydesk.reconciliation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.Money;

/**
 * Reconciliation found broken money (published once per anomaly, and again if it comes back after
 * being resolved). The case desk opens or joins a case for it.
 *
 * @param group findings that belong together because one batch or incident caused them (e.g. every
 *        unmatched settlement line of one provider in one run) share a group; the case desk handles a
 *        group as one case with the list of its findings. Null for a finding about one order.
 */
public record FindingOpened(UUID findingId, FindingType type, @Nullable String market, @Nullable String provider,
                            @Nullable String orderRef, @Nullable String paymentRef, @Nullable String customerRef,
                            Money amountAtRisk, String summary, @Nullable String group) {

    /** A finding of its own (about one order), in no group. */
    public FindingOpened(UUID findingId, FindingType type, @Nullable String market, @Nullable String provider,
                         @Nullable String orderRef, @Nullable String paymentRef, @Nullable String customerRef,
                         Money amountAtRisk, String summary) {
        this(findingId, type, market, provider, orderRef, paymentRef, customerRef, amountAtRisk, summary, null);
    }

    /**
     * The group of a finding that names no order: its type, provider and the run that found it, so a
     * flood from one settlement batch or one import becomes one case, not one per line.
     */
    public static @Nullable String groupOf(FindingType type, @Nullable String provider, @Nullable String orderRef,
                                           String run) {
        return orderRef != null ? null : type.name() + "|" + (provider == null ? "-" : provider) + "|" + run;
    }
}
