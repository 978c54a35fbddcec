package dev.paydesk.disputes;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of a dispute's append-only history (notification applied, ignored, action taken). */
public record DisputeHistoryEntry(long id, Instant at, String kind, DisputeStage stage, DisputeStatus status,
                                  String detail, String actor, @Nullable String eventKey) {
}
