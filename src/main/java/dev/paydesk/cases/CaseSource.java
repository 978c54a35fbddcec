package dev.paydesk.cases;

/** How a case entered Paydesk. */
public enum CaseSource {
    API, CSV, EMAIL, UI, FINDING, DISPUTE, ESCALATION
}
