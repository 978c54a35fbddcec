package dev.paydesk.cases;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person set or changed a case's category (triage records it as a confirmation or a correction for
 * the next training run).
 */
public record CaseCategorised(UUID caseId, String key, String text, String language, @Nullable String previous,
                              String category, String by, Instant at) {
}
