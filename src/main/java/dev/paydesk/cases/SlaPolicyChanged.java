package dev.paydesk.cases;

/** An SLA policy was created or changed: open cases' clocks are recomputed from their history. */
public record SlaPolicyChanged(long policyId) {
}
