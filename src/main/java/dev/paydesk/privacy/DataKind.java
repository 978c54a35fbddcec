package dev.paydesk.privacy;

/** A kind of personal data with its own retention period. */
public enum DataKind {
    /** Case messages, notes and replies (their text) and case attachments. */
    CASE_MESSAGES,
    /** Customer e-mail addresses and names on cases, and the case subject and description they write. */
    CUSTOMER_CONTACT,
    /** Provider webhook payloads and outbound webhook payloads. */
    WEBHOOK_PAYLOADS,
    /** Quarantined rows and payloads. */
    QUARANTINE,
    /** Texts kept to train the triage classifier. */
    TRAINING_TEXTS,
    /** Personal values inside the audit log's before/after states (their keys are destroyed). */
    AUDIT_VALUES
}
