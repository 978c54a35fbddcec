/** {@code bin/paydesk reconcile} and {@code bin/paydesk bench reconcile}. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.reconciliation.cli;
