package dev.paydesk.cases;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.Money;

/**
 * Refunds, re-refunds, goodwill credits and write-offs on a case, under four-eyes: above the
 * configured limit (or on a payment with an open dispute) a second person with an approver role and
 * the case's market must approve; the requester never can.
 */
public interface MoneyActions {

    MoneyAction request(UUID caseId, MoneyActionType type, Money amount, @Nullable String paymentRef,
                        @Nullable String targetMethod, String reason);

    MoneyAction approve(UUID actionId, @Nullable String note);

    MoneyAction reject(UUID actionId, String note);

    List<MoneyAction> forCase(UUID caseId);

    /**
     * Whether the signed-in user may approve or reject {@code action} now: it is pending, they did not
     * request it, they hold an approver role and work in its market (the page shows Approve only then).
     */
    boolean mayDecide(MoneyAction action);

    /** The action types the signed-in user may request: agents refunds and goodwill, everyone else every type. */
    java.util.Set<MoneyActionType> requestable();

    /** Actions waiting for approval in the caller's markets, oldest first. */
    List<MoneyAction> pending();

    /**
     * Approved actions of the given types decided (or, when approved at once, requested) in {@code [from, to)},
     * in the caller's markets, oldest first: for read models that rebuild from this API.
     */
    List<MoneyAction> approved(java.util.Set<MoneyActionType> types, java.time.Instant from, java.time.Instant to);
}
