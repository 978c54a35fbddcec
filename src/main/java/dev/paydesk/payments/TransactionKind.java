package dev.paydesk.payments;

/**
 * The kinds of money movement in the normalised model, with their effect on an order's balance.
 * A failed or reversed refund is its own movement that cancels the refund it refers to.
 */
public enum TransactionKind {
    AUTHORISATION(Effect.NONE),
    AUTHORISATION_FAILED(Effect.NONE),
    CANCELLATION(Effect.NONE),
    CAPTURE(Effect.CAPTURED),
    CAPTURE_FAILED(Effect.NONE),
    REFUND(Effect.REFUNDED),
    REFUND_FAILED(Effect.REFUND_UNDONE),
    REFUND_REVERSED(Effect.REFUND_UNDONE),
    DISPUTE_NOTICE(Effect.NONE),
    CHARGEBACK(Effect.CHARGED_BACK),
    CHARGEBACK_REVERSED(Effect.CHARGEBACK_UNDONE),
    PAYOUT(Effect.NONE),
    FEE(Effect.NONE),
    BANK_CREDIT(Effect.CAPTURED),
    /** Money sent back from the merchant's bank account (e.g. a refund paid by transfer), from a bank statement. */
    BANK_DEBIT(Effect.REFUNDED);

    /** How a movement changes the order balance. */
    public enum Effect { NONE, CAPTURED, REFUNDED, REFUND_UNDONE, CHARGED_BACK, CHARGEBACK_UNDONE }

    private final Effect effect;

    TransactionKind(Effect effect) {
        this.effect = effect;
    }

    public Effect effect() {
        return effect;
    }
}
