package dev.paydesk.cases;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One line of a case's history: a message, a note, a change, a clock event, a money action;
 * {@code version} is the case's version once the entry was written.
 */
public record TimelineEntry(long id, EntryKind kind, Instant at, String author, @Nullable String body,
                            Map<String, Object> data, int version) {
}
