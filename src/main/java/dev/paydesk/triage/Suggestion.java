package dev.paydesk.triage;

/** A category with its calibrated probability (0..1). */
public record Suggestion(String category, double probability) {
}
