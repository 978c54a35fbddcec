/** Insights: KPIs and dashboards over all modules (not built yet). */
@org.jspecify.annotations.NullMarked
package dev.paydesk.insights;
