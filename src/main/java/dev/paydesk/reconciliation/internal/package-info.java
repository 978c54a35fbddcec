/** Reconciliation's persistence, runs and scheduling. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.reconciliation.internal;
