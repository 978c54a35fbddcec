package dev.paydesk.cases;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The case desk's commands and queries. Every command is audited, recomputes the case's clocks and
 * checks the caller's market scope; texts are masked for card numbers before storage.
 */
public interface CaseDesk {

    /** Opens a case, routes and assigns it; the same (source, idempotency key) returns the first case. */
    Opened open(NewCase newCase);

    /** The result of {@link #open}: the case and whether this call created it. */
    record Opened(CaseSummary summary, boolean created) {
    }

    /** A case by key ({@code PD-100001}) or id. */
    Optional<CaseDetail> find(String keyOrId);

    CaseDetail get(UUID id);

    /** The id of a case by key ({@code PD-100001}) or id, if it exists. */
    Optional<UUID> resolve(String keyOrId);

    List<CaseSummary> list(CaseQuery query);

    long count(CaseQuery query);

    /** The count up to {@code cap} (for queue tabs: constant time however long the queue). */
    long countUpTo(CaseQuery query, int cap);

    /*
     * Commands. Each is checked against the case's version (see ExpectedVersion): the forms without one
     * are for system writers (intake, triage, bulk changes) and apply to the latest version, reloading
     * and retrying on a clash; people's writes pass the version they saw, or ExpectedVersion.LOADED.
     */

    /** Sends a reply to the customer (by e-mail when the case has an address and mail is configured). */
    void reply(UUID id, ExpectedVersion expected, String body, @Nullable CaseStatus thenStatus,
               @Nullable WaitingReason thenReason);

    default void reply(UUID id, String body, @Nullable CaseStatus thenStatus, @Nullable WaitingReason thenReason) {
        reply(id, ExpectedVersion.LATEST, body, thenStatus, thenReason);
    }

    void addNote(UUID id, ExpectedVersion expected, String body);

    default void addNote(UUID id, String body) {
        addNote(id, ExpectedVersion.LATEST, body);
    }

    /** A customer message that arrived by another channel; {@code messageId} makes it idempotent. Never refused as stale. */
    void receiveMessage(UUID id, String from, String body, @Nullable String messageId);

    /** A move by {@link CaseStatus}'s transition table (an illegal move is a conflict). */
    void changeStatus(UUID id, ExpectedVersion expected, CaseStatus status, @Nullable WaitingReason reason);

    default void changeStatus(UUID id, CaseStatus status, @Nullable WaitingReason reason) {
        changeStatus(id, ExpectedVersion.LATEST, status, reason);
    }

    void assign(UUID id, ExpectedVersion expected, @Nullable String queue, @Nullable String assignee);

    default void assign(UUID id, @Nullable String queue, @Nullable String assignee) {
        assign(id, ExpectedVersion.LATEST, queue, assignee);
    }

    /** Routes an open case again with its current data (e.g. after triage set the category); keeps a fitting assignee. */
    CaseSummary reroute(UUID id);

    /** Sets the category; {@code byAgent} marks a person's decision (recorded as a correction when it changes one). */
    void categorise(UUID id, ExpectedVersion expected, String category, boolean byAgent);

    default void categorise(UUID id, String category, boolean byAgent) {
        categorise(id, ExpectedVersion.LATEST, category, byAgent);
    }

    void setPriority(UUID id, ExpectedVersion expected, Priority priority);

    default void setPriority(UUID id, Priority priority) {
        setPriority(id, ExpectedVersion.LATEST, priority);
    }

    void setTags(UUID id, ExpectedVersion expected, List<String> tags);

    default void setTags(UUID id, List<String> tags) {
        setTags(id, ExpectedVersion.LATEST, tags);
    }

    /** Category (when given), priority and tags in one change (the case page's details form). */
    void saveDetails(UUID id, ExpectedVersion expected, @Nullable String category, Priority priority, List<String> tags);

    void link(UUID id, ExpectedVersion expected, CaseLink link);

    default void link(UUID id, CaseLink link) {
        link(id, ExpectedVersion.LATEST, link);
    }

    /** Sets (or clears, with null) the case's external deadline, e.g. a dispute's respond-by date. */
    void setExternalDeadline(UUID id, java.time.@Nullable Instant dueAt, @Nullable String label);

    /** Cases that carry a link to the given record, newest first. */
    List<CaseSummary> linkedTo(LinkKind kind, String ref);

    /** Opens a child task for a peer function (tech, risk, finance, product) with that queue's OLA clock. */
    CaseSummary escalate(UUID id, ExpectedVersion expected, String peerQueue, String note);

    default CaseSummary escalate(UUID id, String peerQueue, String note) {
        return escalate(id, ExpectedVersion.LATEST, peerQueue, note);
    }

    /** Makes {@code child} a child of {@code parent}. */
    void setParent(UUID child, ExpectedVersion expected, UUID parent);

    default void setParent(UUID child, UUID parent) {
        setParent(child, ExpectedVersion.LATEST, parent);
    }

    /** Merges {@code source} into {@code target}: links and timeline are carried over, the source closes. */
    void merge(UUID source, ExpectedVersion expected, UUID target);

    default void merge(UUID source, UUID target) {
        merge(source, ExpectedVersion.LATEST, target);
    }

    /** The timeline entries written since {@code version} (what a stale form missed). */
    List<TimelineEntry> changesSince(UUID id, int version);
}
