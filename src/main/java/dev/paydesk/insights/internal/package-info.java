/** Facts, rollups, listeners, rebuild and KPI queries of the insights module. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.insights.internal;
