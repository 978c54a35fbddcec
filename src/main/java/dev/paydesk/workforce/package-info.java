/**
 * Workforce: contact statistics per queue and outsourcing supplier, forecasts, Erlang C/A staffing,
 * supplier allocation and the realtime view. Depends on the platform only.
 */
@org.jspecify.annotations.NullMarked
package dev.paydesk.workforce;
