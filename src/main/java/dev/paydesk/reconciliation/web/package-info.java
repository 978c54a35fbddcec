/** Reconciliation's pages and REST API. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.reconciliation.web;
