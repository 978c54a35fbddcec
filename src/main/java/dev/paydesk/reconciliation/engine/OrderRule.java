package dev.paydesk.reconciliation.engine;

import java.util.List;

/** A named detector over one order's money facts. */
interface OrderRule {

    void detect(OrderFacts order, DetectionContext context, List<Anomaly> out);
}
