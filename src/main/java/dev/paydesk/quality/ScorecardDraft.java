package dev.paydesk.quality;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.InvalidInputException;

/**
 * A new version of a scorecard as edited: saving it under an existing name makes the next version and
 * retires the one before.
 *
 * @param categoryGroup the case categories it covers (a category or its prefix, e.g. {@code refund}); null = any
 * @param market        the market it covers; null = every market (the fallback)
 */
public record ScorecardDraft(String name, @Nullable String categoryGroup, @Nullable String market,
                             List<Criterion> criteria) {

    public ScorecardDraft {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new InvalidInputException("name", "a scorecard needs a name of 1-120 characters");
        }
        name = name.strip();
        categoryGroup = categoryGroup == null || categoryGroup.isBlank() ? null : categoryGroup.strip();
        market = market == null || market.isBlank() ? null : market.strip().toUpperCase(java.util.Locale.ROOT);
        if (criteria == null || criteria.isEmpty()) {
            throw new InvalidInputException("criteria", "a scorecard needs at least one criterion");
        }
        Set<String> codes = new HashSet<>();
        for (Criterion c : criteria) {
            if (c == null) {
                throw new InvalidInputException("criteria", "a criterion is empty");
            }
            if (!codes.add(c.code())) {
                throw new InvalidInputException("criteria", "criterion code '" + c.code() + "' appears twice");
            }
        }
        criteria = List.copyOf(criteria);
    }
}
