package dev.paydesk.reconciliation.engine;

import static dev.paydesk.reconciliation.engine.DetectionContext.format;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.paydesk.reconciliation.FindingType;

/**
 * A refund the provider reports failed or reversed (unless a later refund of at least the same
 * amount replaced it), or a refund the merchant requested that has not settled within the
 * threshold's business days of the order's market.
 */
final class FailedRefundRule implements OrderRule {

    @Override
    public void detect(OrderFacts o, DetectionContext ctx, List<Anomaly> out) {
        Set<String> replaced = o.failedRefundRefs.isEmpty() ? Set.of() : new HashSet<>();
        for (Fact r : o.refunds) {
            if (!o.failedRefundRefs.contains(r.ref()) || replacedByRetry(o, r, replaced)) {
                continue;
            }
            out.add(o.anomaly(FindingType.FAILED_REFUND, "refund:" + r.ref(), r, r.amount(),
                    "Refund " + r.ref() + " of " + format(r.amount(), r.currency()) + " failed or was reversed by "
                            + r.provider() + "; the customer has not got the money back",
                    List.of(r.evidence())));
        }
        unsettledRequests(o, ctx, out);
    }

    private static boolean replacedByRetry(OrderFacts o, Fact failed, Set<String> used) {
        for (Fact retry : o.refunds) {
            if (retry.at() >= failed.at() && retry.amount() >= failed.amount() && !o.failedRefundRefs.contains(retry.ref())
                    && used.add(retry.ref())) {
                return true;
            }
        }
        return false;
    }

    /** Assigns refunds to requests (same reference, same amount, then a split into several) and checks each settled. */
    private static void unsettledRequests(OrderFacts o, DetectionContext ctx, List<Anomaly> out) {
        List<RefundRequest> requests = o.file.requests();
        if (requests.isEmpty()) {
            return;
        }
        long tolerance = ctx.thresholds().balanceToleranceMinor();
        Set<Fact> assigned = new HashSet<>();
        List<RefundRequest> sorted = new ArrayList<>(requests);
        sorted.sort(java.util.Comparator.comparingLong(RefundRequest::at));
        for (RefundRequest request : sorted) {
            List<Fact> matched = assign(o, request, assigned, tolerance);
            long settled = 0;
            boolean failed = false;
            for (Fact f : matched) {
                if (o.failedRefundRefs.contains(f.ref())) {
                    failed = true;
                } else if (f.settled()) {
                    settled += f.amount();
                }
            }
            long missing = request.amountMinor() - settled;
            int days = ctx.businessDays().between(o.market(), request.at(), ctx.now());
            if (failed || missing <= tolerance || days <= ctx.thresholds().refundSettlementBusinessDays()) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            evidence.add("request:" + request.ref());
            evidence.addAll(OrderFacts.evidence(matched));
            Fact first = matched.isEmpty() ? null : matched.get(0);
            out.add(o.anomaly(FindingType.FAILED_REFUND, "request:" + request.ref(), first, missing,
                    "Refund request " + request.ref() + " of " + format(request.amountMinor(), request.currency())
                            + " not settled after " + days + " business days (" + format(missing, request.currency())
                            + " missing; threshold " + ctx.thresholds().refundSettlementBusinessDays() + ")",
                    evidence));
        }
    }

    private static List<Fact> assign(OrderFacts o, RefundRequest request, Set<Fact> assigned, long tolerance) {
        for (Fact r : o.refunds) {
            if (!assigned.contains(r) && r.ref().equals(request.ref())) {
                assigned.add(r);
                return List.of(r);
            }
        }
        for (boolean wantFailed : new boolean[] {false, true}) {
            for (Fact r : o.refunds) {
                if (!assigned.contains(r) && o.failedRefundRefs.contains(r.ref()) == wantFailed
                        && Math.abs(r.amount() - request.amountMinor()) <= tolerance) {
                    assigned.add(r);
                    return List.of(r);
                }
            }
        }
        List<Fact> split = new ArrayList<>();
        long sum = 0;
        for (Fact r : o.refunds) {
            if (!assigned.contains(r) && !o.failedRefundRefs.contains(r.ref()) && r.at() >= request.at() - 86_400
                    && sum + r.amount() <= request.amountMinor() + tolerance) {
                split.add(r);
                sum += r.amount();
            }
        }
        assigned.addAll(split);
        return split;
    }
}
