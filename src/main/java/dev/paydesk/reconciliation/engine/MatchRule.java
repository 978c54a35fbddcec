package dev.paydesk.reconciliation.engine;

/** The ordered key fallbacks, most specific first. */
public enum MatchRule {
    PROVIDER_REFERENCE("provider reference"),
    ORIGINAL_REFERENCE("modification/original reference"),
    MERCHANT_REFERENCE("merchant reference"),
    REMITTANCE_REFERENCE("bank remittance reference"),
    PAYOUT_BATCH("payout batch");

    private final String label;

    MatchRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
