package dev.paydesk.reconciliation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Reading and handling findings, always within the current user's markets. */
public interface Findings {

    List<Finding> search(Filter filter);

    /** Money at risk of the matching open findings, per currency (minor units), and their count. */
    Totals totals(Filter filter);

    /** The same, also restricted by a search text over references, summary and assignee. */
    Totals totals(Filter filter, @Nullable String q);

    /** One page of matching findings, sorted and searched as the list asks (text filters ignore case). */
    dev.paydesk.shared.ListPage<Finding> page(Filter filter, dev.paydesk.shared.ListQuery list);

    Optional<Finding> find(UUID id);

    /** Marks findings as seen; returns how many changed. */
    int acknowledge(Collection<UUID> ids);

    int assign(Collection<UUID> ids, String assignee);

    /** The latest reconciliation of each settlement batch, newest first. */
    List<BatchSummary> batches(int limit);

    /**
     * Filters, every one optional.
     *
     * @param olderThanDays only findings first seen at least this many days ago
     * @param minAmountMinor only findings with at least this much money at risk
     * @param includeResolved also resolved findings
     */
    record Filter(@Nullable FindingType type, @Nullable String provider, @Nullable String market,
                  @Nullable String method, @Nullable Integer olderThanDays, @Nullable Long minAmountMinor,
                  boolean includeResolved, int limit) {

        public static Filter open() {
            return new Filter(null, null, null, null, null, null, false, 200);
        }
    }

    record Totals(int count, Map<String, Long> amountMinorByCurrency) {
    }

    /** One settlement batch as reconciled. */
    record BatchSummary(String provider, String batch, String currency, int lines, int matched, int unmatched,
                        long grossMinor, long netMinor, long feesMinor, long differenceMinor, long payoutMinor,
                        boolean reconciled, Instant reportedAt) {
    }
}
