package dev.paydesk.workforce;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.InvalidInputException;

/**
 * What happened in one interval of one queue at one supplier. {@code handleTimeSeconds} is the total handle
 * time of the answered contacts, {@code waitTimeSeconds} their total wait before answer.
 */
public record IntervalStat(String queue, String supplier, Instant intervalStart, int offered, int answered,
        int abandoned, int answeredWithinTarget, long handleTimeSeconds, long waitTimeSeconds,
        @Nullable Double agentsStaffed) {

    public IntervalStat {
        if (offered < 0 || answered < 0 || abandoned < 0 || handleTimeSeconds < 0 || waitTimeSeconds < 0) {
            throw new InvalidInputException("offered", "counts must be non-negative");
        }
        if (answeredWithinTarget < 0 || answeredWithinTarget > answered) {
            throw new InvalidInputException("answeredWithinTarget", "between 0 and answered");
        }
        if (answered + abandoned > offered) {
            throw new InvalidInputException("answered", "answered + abandoned cannot exceed offered");
        }
    }
}
