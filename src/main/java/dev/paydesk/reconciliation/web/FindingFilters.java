package dev.paydesk.reconciliation.web;

import org.jspecify.annotations.Nullable;

import dev.paydesk.reconciliation.FindingType;
import dev.paydesk.reconciliation.Findings;

/**
 * The findings list's filters as the UI page and the API take them (request parameters with these
 * names); every one optional. The money threshold is the caller's: a decimal on the page, minor units
 * on the API.
 */
record FindingFilters(@Nullable FindingType type, @Nullable String provider, @Nullable String market,
                      @Nullable String method, @Nullable Integer olderThanDays, @Nullable Boolean includeResolved) {

    Findings.Filter filter(@Nullable Long minAmountMinor, int limit) {
        return new Findings.Filter(type, blank(provider), blank(market), blank(method), olderThanDays, minAmountMinor,
                Boolean.TRUE.equals(includeResolved), limit);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
