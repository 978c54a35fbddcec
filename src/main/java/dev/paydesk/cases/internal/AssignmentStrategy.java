package dev.paydesk.cases.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The assignment strategies as pure functions over the eligible agents (sorted by name). */
final class AssignmentStrategy {

    private AssignmentStrategy() {
    }

    /** The agent at position {@code cursor} modulo the number of eligible agents. */
    static Optional<String> roundRobin(List<CaseRouter.Candidate> eligible, long cursor) {
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(eligible.get((int) Math.floorMod(cursor, (long) eligible.size())).username());
    }

    /** The agent with the fewest open cases among those under capacity; ties by the lower load share, then name. */
    static Optional<String> leastLoaded(List<CaseRouter.Candidate> eligible) {
        return eligible.stream().filter(c -> c.load() < c.capacity())
                .min(Comparator.comparingLong(CaseRouter.Candidate::load)
                        .thenComparingDouble(c -> (double) c.load() / c.capacity())
                        .thenComparing(CaseRouter.Candidate::username))
                .map(CaseRouter.Candidate::username);
    }
}
