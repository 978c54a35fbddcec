package dev.paydesk.reconciliation.engine;

import static dev.paydesk.reconciliation.engine.DetectionContext.format;

import java.util.List;

import dev.paydesk.reconciliation.FindingType;

/**
 * A provider capture that no settlement line matched after the threshold's calendar days. Judged
 * only for providers that delivered settlement lines in the run (without their reports there is
 * nothing to miss); bank credits are settled by definition.
 */
final class MissingSettlementRule implements OrderRule {

    @Override
    public void detect(OrderFacts o, DetectionContext ctx, List<Anomaly> out) {
        long limit = ctx.thresholds().missingSettlementDays() * 86_400L;
        for (Movement m : o.captureMovements) {
            if (m.kind != EntryKind.CAPTURE || m.linesMatched > 0 || "BANK".equals(m.provider)
                    || ctx.now() - m.at <= limit || !ctx.providersWithLines().contains(m.provider)) {
                continue;
            }
            long days = (ctx.now() - m.at) / 86_400;
            out.add(o.anomaly(FindingType.MISSING_SETTLEMENT, m.ref, Fact.of(m), m.amount,
                    "Capture " + m.ref + " of " + format(m.amount, m.currency) + " by " + m.provider + " not settled after "
                            + days + " days (threshold " + ctx.thresholds().missingSettlementDays() + ")",
                    List.of("movement:" + m.ref)));
        }
    }
}
