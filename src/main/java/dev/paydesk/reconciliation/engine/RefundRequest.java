package dev.paydesk.reconciliation.engine;

/** A refund the merchant asked for; {@code at} in epoch seconds. */
public record RefundRequest(String ref, String orderRef, long amountMinor, String currency, long at) {
}
