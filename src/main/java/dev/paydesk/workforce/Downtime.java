package dev.paydesk.workforce;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.InvalidInputException;

/**
 * A planned downtime (PSP outage, tool maintenance) and its expected effect on a queue, or on every
 * queue when {@code queue} is null: volume grows by {@code volumeUplift} (0.3 = +30 %) and handle time
 * by {@code ahtChange} in the intervals it overlaps.
 */
public record Downtime(UUID id, @Nullable String queue, String title, Instant startsAt, Instant endsAt,
        double volumeUplift, double ahtChange) {

    public Downtime {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title", "required");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidInputException("endsAt", "must be after startsAt");
        }
        if (volumeUplift <= -1 || ahtChange <= -1) {
            throw new InvalidInputException("volumeUplift", "must be above -1 (−100 %)");
        }
    }

    public boolean affects(String queueCode, Instant from, Instant to) {
        return (queue == null || queue.equals(queueCode)) && startsAt.isBefore(to) && endsAt.isAfter(from);
    }
}
