package dev.paydesk.cases.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.Priority;
import dev.paydesk.shared.InvalidInputException;

/**
 * The case queue's filters as the UI queue, the API list and both bulk pages take them (request
 * parameters, or JSON fields of a bulk request, with these names); every one optional.
 *
 * @param view mine, team, unassigned, breaching_soon (or breaching-soon), waiting or all
 * @param q full-text search over subject, description, customer and messages (or a case key)
 */
record CaseFilters(@Nullable String view, @Nullable String q, @Nullable List<CaseStatus> status, @Nullable String market,
                   @Nullable String queue, @Nullable String assignee, @Nullable String category,
                   @Nullable Priority priority, @Nullable String tag) {

    /** These filters, with {@code view} when none was given. */
    CaseFilters orView(String defaultView) {
        return view != null ? this : new CaseFilters(defaultView, q, status, market, queue, assignee, category, priority, tag);
    }

    /** The query for one page; an unknown view is refused under the field {@code view}. */
    CaseQuery query(int limit, int offset) {
        CaseQuery.View v = null;
        if (view != null && !view.isBlank()) {
            try {
                v = CaseQuery.View.valueOf(view.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("view", "unknown view '" + view + "'; use mine, team, unassigned, breaching_soon, waiting or all");
            }
        }
        Set<CaseStatus> statuses = status == null || status.isEmpty() ? Set.of() : EnumSet.copyOf(status);
        return new CaseQuery(v, q, statuses, market, queue, assignee, category, priority, tag, limit, offset);
    }
}
