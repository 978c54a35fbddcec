package dev.paydesk.triage;

/** A classifier version became the active one. */
public record ModelActivated(long modelId, double macroF1, boolean forced) {
}
