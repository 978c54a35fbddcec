package dev.paydesk.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A stored sample: the resolved cases of a market and period picked for review with the seed that reproduces it. */
public record Sample(UUID id, String market, LocalDate from, LocalDate to, long seed, Instant createdAt, String createdBy,
                     List<Assignment> assignments) {

    public Sample {
        assignments = List.copyOf(assignments);
    }
}
