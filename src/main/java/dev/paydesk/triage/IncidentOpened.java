package dev.paydesk.triage;

import java.time.Instant;

/** A spike was detected: the case desk may notify and offer bulk clean-up of the incident's cases. */
public record IncidentOpened(long incidentId, Instant hour, Cell cell, int observed, double expected, double pValue) {
}
