package dev.paydesk.cases.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.paydesk.disputes.Disputes;

/** Asks the dispute desk whether a payment or order has an open dispute, so a refund on it is routed for approval. */
@Component
class DisputeGuard {

    private final Disputes disputes;

    DisputeGuard(Disputes disputes) {
        this.disputes = disputes;
    }

    Optional<String> openDispute(String paymentOrOrderRef) {
        return disputes.openDisputeFor(paymentOrOrderRef).map(d -> d.provider() + " dispute " + d.providerDisputeId()
                + ", " + d.stage().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", "
                + d.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
}
