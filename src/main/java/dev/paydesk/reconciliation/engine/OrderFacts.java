package dev.paydesk.reconciliation.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.paydesk.reconciliation.FindingType;

/**
 * The money facts of one order, sorted by kind and time, with the balances the detectors compare:
 * captured, refunded (failed refunds excluded), charged back (net of reversals).
 */
final class OrderFacts {

    private static final Comparator<Fact> BY_TIME = Comparator.comparingLong(Fact::at);

    final OrderFile file;
    final @Nullable MerchantOrder order;
    final String currency;
    final List<Fact> captures = new ArrayList<>(2);
    final List<Fact> refunds = new ArrayList<>(1);
    final List<Fact> refundFailures = new ArrayList<>(0);
    final List<Fact> chargebacks = new ArrayList<>(0);
    final List<Fact> chargebackReversals = new ArrayList<>(0);
    final List<Fact> disputes = new ArrayList<>(0);
    final List<Movement> captureMovements = new ArrayList<>(2);
    Set<String> failedRefundRefs = Set.of();
    long captured;
    long refunded;
    long chargedBack;
    final int methods;
    final boolean bankOnly;

    OrderFacts(OrderFile file) {
        this.file = file;
        this.order = file.order;
        for (Movement m : file.movements()) {
            if (!m.ok && m.kind != EntryKind.REFUND_FAILED && m.kind != EntryKind.REFUND_REVERSED) {
                continue;
            }
            add(Fact.of(m));
            if (m.kind.isPayment()) {
                captureMovements.add(m);
            }
        }
        for (SettlementLine l : file.lines()) {
            add(Fact.of(l));
        }
        String c = order != null && order.currency() != null ? order.currency()
                : !captures.isEmpty() ? captures.get(0).currency() : "";
        this.currency = c;
        if (captures.size() > 1) {
            captures.sort(BY_TIME);
        }
        if (refunds.size() > 1) {
            refunds.sort(BY_TIME);
        }
        markFailedRefunds();
        for (Fact f : captures) {
            captured += f.currency().equals(currency) ? f.amount() : 0;
        }
        for (Fact f : refunds) {
            refunded += f.currency().equals(currency) && !failedRefundRefs.contains(f.ref()) ? f.amount() : 0;
        }
        for (Fact f : chargebacks) {
            chargedBack += f.currency().equals(currency) ? f.amount() : 0;
        }
        for (Fact f : chargebackReversals) {
            chargedBack -= f.currency().equals(currency) ? f.amount() : 0;
        }
        this.methods = countMethods();
        this.bankOnly = computeBankOnly();
    }

    private void add(Fact f) {
        switch (f.kind()) {
            case CAPTURE, BANK_CREDIT -> captures.add(f);
            case REFUND -> refunds.add(f);
            case REFUND_FAILED, REFUND_REVERSED -> refundFailures.add(f);
            case CHARGEBACK -> chargebacks.add(f);
            case CHARGEBACK_REVERSED -> chargebackReversals.add(f);
            case DISPUTE -> disputes.add(f);
            default -> {
            }
        }
    }

    /** A failure names its refund by reference; one that does not fails a refund of the same amount. */
    private void markFailedRefunds() {
        if (refundFailures.isEmpty()) {
            return;
        }
        failedRefundRefs = new HashSet<>(4);
        List<Fact> unnamed = new ArrayList<>(0);
        for (Fact failure : refundFailures) {
            boolean named = false;
            for (Fact r : refunds) {
                if (r.ref().equals(failure.ref()) || r.ref().equals(failure.originalRef())) {
                    failedRefundRefs.add(r.ref());
                    named = true;
                    break;
                }
            }
            if (!named) {
                unnamed.add(failure);
            }
        }
        for (Fact failure : unnamed) {
            for (Fact r : refunds) {
                if (!failedRefundRefs.contains(r.ref()) && r.amount() == failure.amount()) {
                    failedRefundRefs.add(r.ref());
                    break;
                }
            }
        }
    }

    boolean dueKnown() {
        return order != null && order.dueKnown() && order.currency().equals(currency);
    }

    long due() {
        return dueKnown() ? order.dueMinor() : 0;
    }

    /** What the customer paid beyond what is due, after refunds and chargebacks gave money back. */
    long excess() {
        return captured - refunded - Math.max(chargedBack, 0) - due();
    }

    boolean bankOnly() {
        return bankOnly;
    }

    private boolean computeBankOnly() {
        if (captures.isEmpty()) {
            return order != null && "bank_transfer".equals(order.method());
        }
        for (Fact f : captures) {
            if (!f.isBankTransfer()) {
                return false;
            }
        }
        return true;
    }

    int methods() {
        return methods;
    }

    /** Distinct payment methods among the captures (bank transfer counts as one). */
    private int countMethods() {
        if (captures.size() < 2) {
            return captures.size();
        }
        Set<String> distinct = new HashSet<>(4);
        for (Fact f : captures) {
            distinct.add(f.isBankTransfer() ? "bank_transfer" : String.valueOf(f.method()));
        }
        return distinct.size();
    }

    @Nullable String market() {
        return order == null ? null : order.market();
    }

    @Nullable String customer() {
        if (order != null && order.customer() != null) {
            return order.customer();
        }
        for (Fact f : captures) {
            if (f.customer() != null) {
                return f.customer();
            }
        }
        return null;
    }

    @Nullable String provider() {
        return captures.isEmpty() ? (refunds.isEmpty() ? null : refunds.get(0).provider()) : captures.get(0).provider();
    }

    @Nullable String method() {
        return captures.isEmpty() ? (order == null ? null : order.method()) : captures.get(0).method();
    }

    Anomaly anomaly(FindingType type, String discriminator, @Nullable Fact fact, long amount, String summary,
                    List<String> evidence) {
        String key = type.name() + ":" + file.ref + (discriminator.isEmpty() ? "" : ":" + discriminator);
        return new Anomaly(type, key, "order:" + file.ref, market(), fact != null ? fact.provider() : provider(), file.ref,
                fact != null ? fact.ref() : null, customer(), fact != null ? fact.method() : method(), amount,
                fact != null && !fact.currency().isEmpty() ? fact.currency() : currency, summary, evidence);
    }

    static List<String> evidence(List<Fact> facts) {
        List<String> out = new ArrayList<>(facts.size());
        for (Fact f : facts) {
            out.add(f.evidence());
        }
        return out;
    }
}
