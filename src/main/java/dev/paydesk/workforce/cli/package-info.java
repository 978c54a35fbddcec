/** Workforce command-line tools: the Erlang staffing calculator and the forecast benchmark. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.workforce.cli;
