package dev.paydesk.triage;

/** Where a new inquiry goes after classification. */
public sealed interface RoutingDecision {

    /** Confident enough: the case takes the category (and its default queue). */
    record Categorised(Classification classification, String category) implements RoutingDecision {
    }

    /** Below the confidence threshold: the case waits in the triage queue with the top suggestions. */
    record QueuedForTriage(Classification classification) implements RoutingDecision {
    }

    /** No model is active yet: a person categorises. */
    record NoModel() implements RoutingDecision {
    }
}
