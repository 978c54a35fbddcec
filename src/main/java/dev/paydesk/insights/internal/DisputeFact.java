package dev.paydesk.insights.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.disputes.DisputeSummary;

/** A dispute as insights counts it, keyed by its id. */
record DisputeFact(UUID disputeId, String market, String provider, String network, String reasonCategory,
                   String status, Instant openedAt, @Nullable Instant closedAt, long amountMinor, String currency) {

    static DisputeFact of(DisputeSummary d) {
        return new DisputeFact(d.id(), d.market() == null ? "" : d.market(), d.provider().name(), d.network().name(),
                d.reasonCategory().name(), d.status().name(), d.openedAt(), d.status().isFinal() ? d.closedAt() : null,
                d.amount().minor(), d.amount().currency().getCurrencyCode());
    }
}
