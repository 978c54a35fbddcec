package dev.paydesk.cases;

/** What a case link points at, by the other module's reference. */
public enum LinkKind {
    ORDER, PAYMENT, REFUND, DISPUTE, FINDING, CASE, INCIDENT
}
