package dev.paydesk.reconciliation.engine;

import static dev.paydesk.reconciliation.engine.DetectionContext.format;

import java.util.List;

import dev.paydesk.reconciliation.FindingType;

/**
 * A refund issued after a dispute (notice or chargeback) opened and before it was reversed in the
 * merchant's favour: the customer may get the money twice, and the refund must go in the defence.
 */
final class RefundDuringDisputeRule implements OrderRule {

    @Override
    public void detect(OrderFacts o, DetectionContext ctx, List<Anomaly> out) {
        if (o.disputes.isEmpty() && o.chargebacks.isEmpty()) {
            return;
        }
        long opened = Long.MAX_VALUE;
        Fact dispute = null;
        for (List<Fact> list : List.of(o.disputes, o.chargebacks)) {
            for (Fact f : list) {
                if (f.at() < opened) {
                    opened = f.at();
                    dispute = f;
                }
            }
        }
        long closed = Long.MAX_VALUE;
        for (Fact f : o.chargebackReversals) {
            if (f.at() >= opened && f.at() < closed) {
                closed = f.at();
            }
        }
        for (Fact r : o.refunds) {
            if (o.failedRefundRefs.contains(r.ref()) || r.at() < opened || r.at() >= closed) {
                continue;
            }
            out.add(o.anomaly(FindingType.REFUND_DURING_DISPUTE, r.ref(), r, r.amount(),
                    "Refund " + r.ref() + " of " + format(r.amount(), r.currency()) + " issued while dispute "
                            + dispute.ref() + " was open",
                    List.of(dispute.evidence(), r.evidence())));
        }
    }
}
