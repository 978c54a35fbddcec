/** The matching engine and detectors: pure Java over in-memory records, no Spring, no database. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.reconciliation.engine;
