package dev.paydesk.cases;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Filters for queue views and search; every one optional. {@code view} picks a standard queue view.
 *
 * @param text full-text search over subject, description, customer and messages (or a case key)
 * @param sort a column of {@link #SORTS} (anything else: the view's own order, most urgent first)
 * @param desc sort descending
 */
public record CaseQuery(@Nullable View view, @Nullable String text, Set<CaseStatus> statuses, @Nullable String market,
                        @Nullable String queue, @Nullable String assignee, @Nullable String category,
                        @Nullable Priority priority, @Nullable String tag, int limit, int offset,
                        @Nullable String sort, boolean desc) {

    /** The columns a queue can be sorted by. */
    public static final Set<String> SORTS = Set.of("key", "subject", "status", "priority", "market", "queue", "assignee",
            "due", "updated");

    /** The standard views of the case desk. */
    public enum View {
        MINE, TEAM, UNASSIGNED, BREACHING_SOON, WAITING,
        /** Open cases opened from a provider dispute (the dispute specialist's desk). */
        DISPUTES,
        ALL
    }

    public CaseQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        limit = limit <= 0 ? 50 : Math.min(limit, 500);
        offset = Math.max(0, offset);
        sort = sort == null || !SORTS.contains(sort) ? null : sort;
    }

    /** A query in the view's own order. */
    public CaseQuery(@Nullable View view, @Nullable String text, Set<CaseStatus> statuses, @Nullable String market,
                     @Nullable String queue, @Nullable String assignee, @Nullable String category,
                     @Nullable Priority priority, @Nullable String tag, int limit, int offset) {
        this(view, text, statuses, market, queue, assignee, category, priority, tag, limit, offset, null, false);
    }

    public static CaseQuery view(View view) {
        return new CaseQuery(view, null, Set.of(), null, null, null, null, null, null, 50, 0);
    }
}
