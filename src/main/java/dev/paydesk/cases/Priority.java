package dev.paydesk.cases;

/** Case priority; findings and disputes derive it from the money at stake. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
