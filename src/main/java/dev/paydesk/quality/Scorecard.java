package dev.paydesk.quality;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.InvalidInputException;

/** One version of a scorecard; a review refers to the version it was made with. */
public record Scorecard(UUID id, String name, int version, @Nullable String categoryGroup, @Nullable String market,
                        ScorecardStatus status, List<Criterion> criteria, Instant createdAt, String createdBy) {

    /** Whether this scorecard covers a case of {@code category} (exact or under the group) in {@code market}. */
    public boolean covers(@Nullable String category, String market) {
        boolean marketFits = this.market == null || this.market.equals(market);
        boolean groupFits = categoryGroup == null || (category != null
                && (category.equals(categoryGroup) || category.startsWith(categoryGroup + ".")
                || category.startsWith(categoryGroup + "/")));
        return marketFits && groupFits;
    }

    /** How specific the scorecard is: group and market 3, group only 2, market only 1, fallback 0. */
    public int specificity() {
        return (categoryGroup == null ? 0 : 2) + (market == null ? 0 : 1);
    }

    /**
     * Scores a complete set of answers: every criterion answered once, within its scale. Missing,
     * unknown or out-of-scale answers are invalid input.
     */
    public Score score(List<Answer> answers) {
        Map<String, Answer> byCode = new HashMap<>();
        Set<String> known = new HashSet<>();
        criteria.forEach(c -> known.add(c.code()));
        for (Answer a : answers) {
            if (a == null || a.criterion() == null || !known.contains(a.criterion())) {
                throw new InvalidInputException("answers", "answer for unknown criterion '"
                        + (a == null ? null : a.criterion()) + "'");
            }
            if (a.value() == null) {
                throw new InvalidInputException("answers", "criterion '" + a.criterion() + "' has no answer");
            }
            if (byCode.put(a.criterion(), a) != null) {
                throw new InvalidInputException("answers", "criterion '" + a.criterion() + "' is answered twice");
            }
        }
        long earned = 0;
        long available = 0;
        boolean criticalFailed = false;
        for (Criterion c : criteria) {
            Answer a = byCode.get(c.code());
            if (a == null) {
                throw new InvalidInputException("answers", "criterion '" + c.code() + "' is not answered");
            }
            int points = c.scale().points(c.code(), a.value());
            if (points < 0) {
                continue;
            }
            earned += (long) points * c.weight();
            available += (long) c.scale().max() * c.weight();
            criticalFailed |= c.critical() && points == 0;
        }
        double percent = criticalFailed ? 0 : available == 0 ? 100 : Math.round(10000.0 * earned / available) / 100.0;
        return new Score(percent, earned, available, criticalFailed);
    }
}
