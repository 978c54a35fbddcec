package dev.paydesk.knowledge.web;

/**
 * Who may use knowledge: case workers and auditors read, process managers and administrators write.
 * (When platform's access meta-annotations are merged these become {@code @CaseWorkerOrAuditor} and
 * {@code @ProcessManagerOrAdmin}.)
 */
final class KnowledgeAccess {

    static final String READ = "hasAnyRole('AGENT','SPECIALIST','DISPUTE_SPECIALIST','PROCESS_MANAGER','AUDITOR','ADMIN')";
    static final String WRITE = "hasAnyRole('PROCESS_MANAGER','ADMIN')";
    /** Announcements reach every role. */
    static final String ANYONE = "hasAnyRole('AGENT','SPECIALIST','DISPUTE_SPECIALIST','REALTIME_MANAGER','PROCESS_MANAGER','AUDITOR','ADMIN')";
    /** Read-confirmation rates: the managers who announce, and auditors. */
    static final String MANAGERS = "hasAnyRole('REALTIME_MANAGER','PROCESS_MANAGER','AUDITOR','ADMIN')";

    private KnowledgeAccess() {
    }
}
