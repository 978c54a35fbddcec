package dev.paydesk.quality.sampling;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** One sampled case: why it was picked and who reviews it by when (reviewer null = nobody eligible). */
public record Pick(String caseKey, String agent, String reason, @Nullable String reviewer, LocalDate dueOn) {
}
