package dev.paydesk.quality;

import org.jspecify.annotations.Nullable;

/** A reviewer's answer to one criterion: yes/no/na or 1..5, with an optional comment. */
public record Answer(String criterion, String value, @Nullable String comment) {
}
