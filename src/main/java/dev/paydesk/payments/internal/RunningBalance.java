package dev.paydesk.payments.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.paydesk.payments.OrderTimeline;
import dev.paydesk.payments.PaymentQueries.PaymentSummary;
import dev.paydesk.shared.Money;

/**
 * An order's totals as its movements arrive in time order. A refund counts as refunded only once the
 * provider confirms it: while its status is pending it is shown as pending, and a refund that failed
 * or was cancelled never counts, so its failure undoes nothing that was not counted. A failure or
 * reversal of a refund that was counted takes it back out.
 */
final class RunningBalance {

    private static final Set<String> PENDING = Set.of("pending", "requires_action", "processing", "received",
            "initiated", "submitted");
    private static final Set<String> NOT_DONE = Set.of("failed", "canceled", "cancelled", "declined", "denied");

    private final Money zero;
    private Money captured;
    private Money refunded;
    private Money pending;
    private Money chargedBack;
    /** Refunds by provider reference: counted as refunded (true) or still pending (false). */
    private final Map<String, Boolean> refunds = new HashMap<>();
    private final Map<String, Money> refundAmounts = new HashMap<>();

    RunningBalance(Money zero) {
        this.zero = zero;
        captured = zero;
        refunded = zero;
        pending = zero;
        chargedBack = zero;
    }

    void add(PaymentSummary m) {
        Money amount = m.amount().currency().equals(zero.currency()) ? m.amount() : zero;
        switch (m.kind().effect()) {
            case CAPTURED -> captured = captured.plus(amount);
            case REFUNDED -> refund(m, amount);
            case REFUND_UNDONE -> undo(m, amount);
            case CHARGED_BACK -> chargedBack = chargedBack.plus(amount);
            case CHARGEBACK_UNDONE -> chargedBack = chargedBack.minus(amount);
            case NONE -> { }
        }
    }

    private void refund(PaymentSummary m, Money amount) {
        String status = stateOf(m.status());
        if (NOT_DONE.contains(status)) {
            refunds.put(m.providerReference(), false);
            return;
        }
        boolean confirmed = !PENDING.contains(status);
        if (confirmed) {
            refunded = refunded.plus(amount);
        } else {
            pending = pending.plus(amount);
        }
        refunds.put(m.providerReference(), confirmed);
        refundAmounts.put(m.providerReference(), amount);
    }

    private void undo(PaymentSummary m, Money amount) {
        Boolean counted = refunds.get(m.providerReference());
        if (counted == null) {
            refunded = refunded.minus(amount); // a reversal of a refund this order did not see arrive
            return;
        }
        Money was = refundAmounts.getOrDefault(m.providerReference(), zero);
        if (counted) {
            refunded = refunded.minus(was);
        } else {
            pending = pending.minus(was);
        }
        refunds.put(m.providerReference(), false);
        refundAmounts.remove(m.providerReference());
    }

    /** The status word: Adyen writes {@code failed: <reason>}, PayPal upper case. */
    private static String stateOf(String status) {
        int colon = status.indexOf(':');
        return (colon < 0 ? status : status.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
    }

    OrderTimeline.Balance balance() {
        return new OrderTimeline.Balance(captured, refunded, chargedBack, captured.minus(refunded).minus(chargedBack),
                pending);
    }
}
