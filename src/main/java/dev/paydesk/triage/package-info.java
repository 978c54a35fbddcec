/**
 * Triage: categorises inquiries into the team's own taxonomy with a calibrated classifier, routes
 * uncertain ones to a triage queue, learns from agents' corrections, flags repeat contacts and
 * detects incidents (spikes in hourly contact counts). The public API is this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Triage")
@org.jspecify.annotations.NullMarked
package dev.paydesk.triage;
