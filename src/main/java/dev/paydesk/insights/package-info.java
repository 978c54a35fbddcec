/**
 * Insights: KPIs over every other module, served from day-grain rollups in each market's own time
 * zone that listeners keep current from the other modules' events and that a rebuild recomputes from
 * their APIs. Nothing depends on this module. The API is {@link dev.paydesk.insights.Kpi} (the
 * catalogue) and {@link dev.paydesk.insights.Insights}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights")
@org.jspecify.annotations.NullMarked
package dev.paydesk.insights;
