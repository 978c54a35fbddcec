package dev.paydesk.quality;

/** A scorecard version is active until a newer version replaces it or it is retired; retired versions take no new reviews. */
public enum ScorecardStatus {
    ACTIVE, RETIRED
}
