/** Triage persistence and configuration. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.triage.internal;
