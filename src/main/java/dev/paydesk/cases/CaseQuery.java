package dev.paydesk.cases;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Filters for queue views and search; every one optional. {@code view} picks a standard queue view.
 *
 * @param text full-text search over subject, description, customer and messages (or a case key)
 */
public record CaseQuery(@Nullable View view, @Nullable String text, Set<CaseStatus> statuses, @Nullable String market,
                        @Nullable String queue, @Nullable String assignee, @Nullable String category,
                        @Nullable Priority priority, @Nullable String tag, int limit, int offset) {

    /** The standard views of the case desk. */
    public enum View {
        MINE, TEAM, UNASSIGNED, BREACHING_SOON, WAITING, ALL
    }

    public CaseQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        limit = limit <= 0 ? 50 : Math.min(limit, 500);
        offset = Math.max(0, offset);
    }

    public static CaseQuery view(View view) {
        return new CaseQuery(view, null, Set.of(), null, null, null, null, null, null, 50, 0);
    }
}
