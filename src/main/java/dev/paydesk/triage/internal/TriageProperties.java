package dev.paydesk.triage.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paydesk.triage.*} settings.
 *
 * @param confidenceThreshold below this calibrated confidence a case goes to the triage queue
 * @param repeatWindow a contact from the same customer or about the same payment within this window is a repeat
 * @param incidentFdr false discovery rate for incident detection (Benjamini–Hochberg across cells)
 * @param incidentHistoryWeeks weeks of history for the hour-of-week baseline
 */
@ConfigurationProperties("paydesk.triage")
public record TriageProperties(@DefaultValue("0.6") double confidenceThreshold, @DefaultValue("P7D") Duration repeatWindow,
                               @DefaultValue("0.01") double incidentFdr, @DefaultValue("8") int incidentHistoryWeeks) {
}
