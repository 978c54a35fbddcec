package dev.paydesk.disputes.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.paydesk.disputes.CardNetwork;
import dev.paydesk.disputes.DisputeStage;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.shared.Money;

/**
 * One provider notification in the desk's own terms: what it says about stage, status, deadline and
 * reason. Null means "this notification does not say".
 *
 * @param expiryOnly the status is EXPIRED only if the dispute still waits for a response
 * @param label the provider's own event name and status, kept in the history
 */
record DisputeSignal(@Nullable DisputeStage stage, @Nullable DisputeStatus status, boolean expiryOnly,
                     @Nullable Instant dueAt, @Nullable String reasonCode, CardNetwork network, @Nullable Money amount,
                     @Nullable Money fee, Instant occurredAt, String label) {

    static DisputeSignal of(@Nullable DisputeStage stage, @Nullable DisputeStatus status, Instant at, String label) {
        return new DisputeSignal(stage, status, false, null, null, CardNetwork.UNKNOWN, null, null, at, label);
    }

    DisputeSignal withDue(@Nullable Instant due) {
        return new DisputeSignal(stage, status, expiryOnly, due, reasonCode, network, amount, fee, occurredAt, label);
    }

    DisputeSignal withReason(@Nullable String code, CardNetwork net) {
        return new DisputeSignal(stage, status, expiryOnly, dueAt, code, net, amount, fee, occurredAt, label);
    }

    DisputeSignal withAmount(@Nullable Money money) {
        return new DisputeSignal(stage, status, expiryOnly, dueAt, reasonCode, network, money, fee, occurredAt, label);
    }

    DisputeSignal withFee(@Nullable Money money) {
        return new DisputeSignal(stage, status, expiryOnly, dueAt, reasonCode, network, amount, money, occurredAt, label);
    }

    DisputeSignal expiringOnly() {
        return new DisputeSignal(stage, DisputeStatus.EXPIRED, true, dueAt, reasonCode, network, amount, fee, occurredAt,
                label);
    }
}
