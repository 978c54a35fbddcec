package dev.paydesk.reconciliation.engine;

import static dev.paydesk.reconciliation.engine.DetectionContext.format;

import java.util.ArrayList;
import java.util.List;

import dev.paydesk.reconciliation.FindingType;

/** Refunds plus chargebacks (net of reversals) took back more than was captured: the merchant lost twice. */
final class DoubleLossRule implements OrderRule {

    @Override
    public void detect(OrderFacts o, DetectionContext ctx, List<Anomaly> out) {
        if (o.chargebacks.isEmpty() || o.refunded == 0) {
            return;
        }
        long excess = o.refunded + o.chargedBack - o.captured;
        if (excess <= ctx.thresholds().balanceToleranceMinor()) {
            return;
        }
        List<Fact> facts = new ArrayList<>(o.refunds);
        facts.addAll(o.chargebacks);
        out.add(o.anomaly(FindingType.DOUBLE_LOSS, "", o.chargebacks.get(0), excess,
                "Refunded " + format(o.refunded, o.currency) + " and charged back " + format(o.chargedBack, o.currency)
                        + " of " + format(o.captured, o.currency) + " captured",
                OrderFacts.evidence(facts)));
    }
}
