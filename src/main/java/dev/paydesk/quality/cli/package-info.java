/** Quality command-line tools: {@code bin/paydesk quality alpha}. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.quality.cli;
