package dev.paydesk.reconciliation.engine;

/** The normalised kinds of money entry the engine reasons about, whatever source reported them. */
public enum EntryKind {
    CAPTURE, BANK_CREDIT, REFUND, REFUND_FAILED, REFUND_REVERSED, DISPUTE, CHARGEBACK, CHARGEBACK_REVERSED, PAYOUT,
    FEE, OTHER;

    /** Whether a settlement line of this kind should match a movement of {@code movement}'s kind. */
    boolean settles(EntryKind movement) {
        return switch (this) {
            case CAPTURE -> movement == CAPTURE;
            case BANK_CREDIT -> movement == BANK_CREDIT || movement == CAPTURE;
            case REFUND -> movement == REFUND;
            case REFUND_FAILED, REFUND_REVERSED -> movement == REFUND_FAILED || movement == REFUND_REVERSED;
            case CHARGEBACK -> movement == CHARGEBACK;
            case CHARGEBACK_REVERSED -> movement == CHARGEBACK_REVERSED;
            case DISPUTE -> movement == DISPUTE;
            case PAYOUT -> movement == PAYOUT;
            default -> false;
        };
    }

    /** Lines of these kinds are only booked in their batch, never matched one by one. */
    boolean batchOnly() {
        return this == FEE || this == PAYOUT || this == OTHER;
    }

    boolean isPayment() {
        return this == CAPTURE || this == BANK_CREDIT;
    }

    /** Adyen, Stripe, PayPal, Klarna and bank record types mapped to kinds (unknown types: OTHER). */
    public static EntryKind ofRecordType(String recordType) {
        return switch (recordType.toLowerCase(java.util.Locale.ROOT)) {
            case "settled", "charge", "payment", "sale", "t0006", "t0007", "t0000", "t0003", "t0004" -> CAPTURE;
            case "bankcredit", "bank_credit", "crdt" -> BANK_CREDIT;
            case "refunded", "refund", "return", "t1107" -> REFUND;
            case "refundedreversed", "refund_failure", "refund_reversal" -> REFUND_REVERSED;
            case "chargeback", "secondchargeback", "dispute", "t1201", "t1106", "reversal" -> CHARGEBACK;
            case "chargebackreversed", "dispute_reversal", "t1202" -> CHARGEBACK_REVERSED;
            case "notificationofchargeback", "dispute_notice" -> DISPUTE;
            case "merchantpayout", "payout", "t0400" -> PAYOUT;
            case "fee", "invoicededuction", "t0100", "commission", "holdback" -> FEE;
            default -> OTHER;
        };
    }
}
