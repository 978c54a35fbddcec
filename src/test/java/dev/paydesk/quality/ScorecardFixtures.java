package dev.paydesk.quality;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Scorecards for tests: a refund card with a critical verification step. */
final class ScorecardFixtures {

    private ScorecardFixtures() {
    }

    static final Criterion GREETING = new Criterion("greeting", "Greets the customer by name", "Tone", 1,
            Scale.YES_NO, false, null);
    static final Criterion ACCURACY = new Criterion("accuracy", "Explains the refund status correctly", "Content", 3,
            Scale.ONE_TO_FIVE, false, null);
    static final Criterion VERIFICATION = new Criterion("verification", "Ran the SOP verification before refunding",
            "Compliance", 2, Scale.YES_NO, true, null);

    static Scorecard refunds() {
        return card("refund", "DE", List.of(GREETING, ACCURACY, VERIFICATION));
    }

    static Scorecard card(@Nullable String group, @Nullable String market, List<Criterion> criteria) {
        return new Scorecard(UUID.randomUUID(), "Refunds", 1, group, market, ScorecardStatus.ACTIVE, criteria,
                Instant.parse("2026-12-01T00:00:00Z"), "lead");
    }

    static List<Answer> answers(String greeting, String accuracy, String verification) {
        return List.of(new Answer("greeting", greeting, null), new Answer("accuracy", accuracy, null),
                new Answer("verification", verification, "checked the SOP log"));
    }
}
