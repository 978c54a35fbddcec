/** Pure queueing numerics: Erlang B, Erlang C (M/M/n) and Erlang A (M/M/n+M), staffing searches. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.workforce.staffing;
