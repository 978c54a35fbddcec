/** Insights' REST API, dashboards, drill-down pages and exports. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.insights.web;
