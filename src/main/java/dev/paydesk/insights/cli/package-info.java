/** {@code bin/paydesk insights kpis|rebuild} and {@code bin/paydesk bench insights}. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.insights.cli;
