package dev.paydesk.reconciliation;

/** OPEN when found, ACKNOWLEDGED once a person has seen it, RESOLVED when later data settled it. */
public enum FindingStatus { OPEN, ACKNOWLEDGED, RESOLVED }
