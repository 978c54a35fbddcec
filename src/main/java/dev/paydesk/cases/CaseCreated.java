package dev.paydesk.cases;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A case was opened (triage categorises it and checks for repeat contacts). */
public record CaseCreated(UUID caseId, String key, String market, String language, String subject, String text,
                          @Nullable String category, @Nullable String customerRef, @Nullable String paymentRef,
                          @Nullable String provider, CaseSource source, Instant at) {
}
