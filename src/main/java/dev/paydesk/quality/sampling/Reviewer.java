package dev.paydesk.quality.sampling;

import org.jspecify.annotations.Nullable;

/** Someone who reviews, with their supplier (null = in-house). */
public record Reviewer(String name, @Nullable String supplier) {
}
