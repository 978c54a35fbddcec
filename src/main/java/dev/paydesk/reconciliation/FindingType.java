package dev.paydesk.reconciliation;

/** What kind of broken money a finding is about, with the action a specialist usually takes. */
public enum FindingType {
    FAILED_REFUND("Refund failed or not settled", "Check the refund with the provider and re-issue it or pay out by bank transfer"),
    DUPLICATE_CAPTURE("Duplicate capture", "Refund the duplicate capture"),
    PAID_TWICE("Paid twice with two methods", "Refund the second payment"),
    BANK_TRANSFER_ABOVE_DUE("Bank transfer above amount due", "Return the excess to the customer's account"),
    CAPTURED_MORE_THAN_DUE("Captured more than due", "Refund the excess capture"),
    UNDERPAYMENT("Underpayment", "Ask the customer for the missing amount or write it off"),
    MISSING_SETTLEMENT("Captured but never settled", "Ask the provider where the settlement is"),
    UNMATCHED_SETTLEMENT("Settlement line matches nothing", "Identify the payment behind the line or dispute it with the provider"),
    AMOUNT_MISMATCH("Amount mismatch", "Compare the settled amount with the payment and claim the difference"),
    CURRENCY_MISMATCH("Currency mismatch", "Check the provider's currency conversion for this payment"),
    DOUBLE_LOSS("Double loss (refund and lost chargeback)", "Claim the refund back or dispute the chargeback"),
    REFUND_DURING_DISPUTE("Refund issued while a dispute was open", "Tell the provider about the refund to defend the dispute"),
    UNCHECKED_RECORD("Record could not be checked", "Correct the record's data (the finding names the check that failed on it) and run reconciliation again");

    private final String label;
    private final String suggestedAction;

    FindingType(String label, String suggestedAction) {
        this.label = label;
        this.suggestedAction = suggestedAction;
    }

    public String label() {
        return label;
    }

    public String suggestedAction() {
        return suggestedAction;
    }
}
