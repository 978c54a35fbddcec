package dev.paydesk.cases;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Everything on a case page: the case, its description, links, clocks, timeline and related cases. */
public record CaseDetail(CaseSummary summary, String description, @Nullable String customerEmail,
                         @Nullable String provider, List<CaseLink> links, List<CaseClock> clocks,
                         List<TimelineEntry> timeline, @Nullable CaseSummary parent, List<CaseSummary> children,
                         @Nullable String mergedInto) {
}
