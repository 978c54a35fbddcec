/** Dispute lifecycle, provider mappings, persistence, evidence, recommendation and monitoring. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.disputes.internal;
