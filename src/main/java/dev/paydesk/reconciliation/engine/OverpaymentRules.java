package dev.paydesk.reconciliation.engine;

import static dev.paydesk.reconciliation.engine.DetectionContext.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.paydesk.reconciliation.FindingType;

/**
 * The overpayment and underpayment family. Exactly one applies to an order, most specific first:
 * paid twice with two methods; bank-transfer-only orders paid above (or below) the amount due;
 * duplicate captures; any other capture above the amount due. Money already given back (refunds,
 * chargebacks) counts against the excess, so a refunded duplicate resolves itself.
 */
final class OverpaymentRules {

    private OverpaymentRules() {
    }

    /** Two different methods paid the same order and together more than due. */
    static final class PaidTwice implements OrderRule {
        @Override
        public void detect(OrderFacts o, DetectionContext ctx, List<Anomaly> out) {
            if (applies(o, ctx)) {
                out.add(o.anomaly(FindingType.PAID_TWICE, "", o.captures.get(o.captures.size() - 1), o.excess(),
                        "Order paid with " + o.methods() + " methods: " + format(o.captured, o.currency) + " captured for "
                                + format(o.due(), o.currency) + " due",
                        OrderFacts.evidence(o.captures)));
            }
        }

        static boolean applies(OrderFacts o, DetectionContext ctx) {
            return o.dueKnown() && !o.captures.isEmpty() && o.methods() >= 2 && o.excess() > ctx.thresholds().balanceToleranceMinor();
        }
    }

    /** Bank transfers above the amount due. */
    static final class BankTransferAboveDue implements OrderRule {
        @Override
        public void detect(OrderFacts o, DetectionContext ctx, List<Anomaly> out) {
            if (o.dueKnown() && o.bankOnly() && !o.captures.isEmpty() && !PaidTwice.applies(o, ctx)
                    && o.excess() > ctx.thresholds().balanceToleranceMinor()) {
                out.add(o.anomaly(FindingType.BANK_TRANSFER_ABOVE_DUE, "", o.captures.get(o.captures.size() - 1),
                        o.excess(), "Bank transfers of " + format(o.captured, o.currency) + " for "
                                + format(o.due(), o.currency) + " due", OrderFacts.evidence(o.captures)));
            }
        }
    }

    /** Bank transfers below the amount due. */
    static final class Underpayment implements OrderRule {
        @Override
        public void detect(OrderFacts o, DetectionContext ctx, List<Anomaly> out) {
            long missing = o.due() - o.captured;
            if (o.dueKnown() && o.bankOnly() && !o.captures.isEmpty()
                    && missing > ctx.thresholds().balanceToleranceMinor()) {
                out.add(o.anomaly(FindingType.UNDERPAYMENT, "", o.captures.get(o.captures.size() - 1), missing,
                        "Bank transfers of " + format(o.captured, o.currency) + " for " + format(o.due(), o.currency)
                                + " due", OrderFacts.evidence(o.captures)));
            }
        }
    }

    /** Two captures of the same amount for the same customer within the window. */
    static final class DuplicateCapture implements OrderRule {
        @Override
        public void detect(OrderFacts o, DetectionContext ctx, List<Anomaly> out) {
            if (o.bankOnly() || PaidTwice.applies(o, ctx)) {
                return;
            }
            long excess = o.dueKnown() ? o.excess() : Long.MAX_VALUE;
            if (excess <= ctx.thresholds().balanceToleranceMinor()) {
                return;
            }
            for (Fact[] pair : duplicates(o, ctx)) {
                Fact second = pair[1];
                out.add(o.anomaly(FindingType.DUPLICATE_CAPTURE, second.ref(), second, Math.min(second.amount(), excess),
                        "Captured " + format(second.amount(), second.currency()) + " twice (" + pair[0].ref() + ", "
                                + second.ref() + ") within " + ctx.thresholds().duplicateCaptureWindow().toHours() + " h",
                        List.of(pair[0].evidence(), second.evidence())));
            }
        }

        static List<Fact[]> duplicates(OrderFacts o, DetectionContext ctx) {
            List<Fact[]> pairs = new ArrayList<>(0);
            long window = ctx.thresholds().duplicateCaptureWindow().toSeconds();
            List<Fact> captures = o.captures;
            boolean[] used = new boolean[captures.size()];
            for (int j = 1; j < captures.size(); j++) {
                Fact b = captures.get(j);
                for (int i = 0; i < j; i++) {
                    Fact a = captures.get(i);
                    if (!used[i] && a.amount() == b.amount() && a.currency().equals(b.currency())
                            && b.at() - a.at() <= window && sameCustomer(a, b) && !a.isBankTransfer()
                            && !b.isBankTransfer()) {
                        used[j] = true;
                        pairs.add(new Fact[] {a, b});
                        break;
                    }
                }
            }
            return pairs;
        }

        private static boolean sameCustomer(Fact a, Fact b) {
            return a.customer() == null || b.customer() == null || Objects.equals(a.customer(), b.customer());
        }
    }

    /** Captured more than due, not explained by a duplicate or a second method. */
    static final class CapturedMoreThanDue implements OrderRule {
        @Override
        public void detect(OrderFacts o, DetectionContext ctx, List<Anomaly> out) {
            // nothing captured is never more than due, even when the amount due is wrong (negative)
            if (!o.dueKnown() || o.captures.isEmpty() || o.bankOnly() || PaidTwice.applies(o, ctx)
                    || o.excess() <= ctx.thresholds().balanceToleranceMinor()
                    || !DuplicateCapture.duplicates(o, ctx).isEmpty()) {
                return;
            }
            out.add(o.anomaly(FindingType.CAPTURED_MORE_THAN_DUE, "", o.captures.get(o.captures.size() - 1), o.excess(),
                    "Captured " + format(o.captured, o.currency) + " for " + format(o.due(), o.currency) + " due",
                    OrderFacts.evidence(o.captures)));
        }
    }
}
