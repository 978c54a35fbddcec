/** Knowledge on the command line: {@code bin/paydesk knowledge eval} and {@code bin/paydesk bench knowledge}. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.knowledge.cli;
