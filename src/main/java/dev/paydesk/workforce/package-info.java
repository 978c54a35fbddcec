/** Workforce: forecasting, Erlang staffing, supplier allocation (not built yet). */
@org.jspecify.annotations.NullMarked
package dev.paydesk.workforce;
