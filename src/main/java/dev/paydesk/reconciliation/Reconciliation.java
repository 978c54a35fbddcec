package dev.paydesk.reconciliation;

import java.time.Instant;
import java.util.Collection;

/**
 * Runs reconciliation: over every order with activity in a time range (full and scheduled runs) or
 * over given orders (incremental runs after ingest). Safe to run concurrently, also on several
 * nodes: findings are keyed by a stable anomaly key and written under one database lock.
 */
public interface Reconciliation {

    RunSummary reconcile(Instant from, Instant to);

    RunSummary reconcileOrders(Collection<String> merchantReferences);
}
