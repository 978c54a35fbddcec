/** Reconciliation: finds broken money and opens findings (not built yet). */
@org.jspecify.annotations.NullMarked
package dev.paydesk.reconciliation;
