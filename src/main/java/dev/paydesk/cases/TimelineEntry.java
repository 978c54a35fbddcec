package dev.paydesk.cases;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One line of a case's history: a message, a note, a change, a clock event, a money action. */
public record TimelineEntry(long id, String kind, Instant at, String author, @Nullable String body,
                            Map<String, Object> data) {
}
