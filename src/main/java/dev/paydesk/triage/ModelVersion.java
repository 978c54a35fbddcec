package dev.paydesk.triage;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A trained classifier version with its held-out evaluation.
 *
 * @param baselineMacroF1 the then-active model's macro-F1 on the same held-out texts (null when none was active)
 */
public record ModelVersion(long id, Instant createdAt, String createdBy, String source, int trainSize,
                           @Nullable String embedder, double accuracy, double macroF1, @Nullable Double baselineMacroF1,
                           boolean active, @Nullable Instant activatedAt, @Nullable String activatedBy, boolean forced) {

    /** Whether it beats the model that was active when it was trained. */
    public boolean beatsBaseline() {
        return baselineMacroF1 == null || macroF1 > baselineMacroF1;
    }
}
