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

    /** Sends a reply to the customer (by e-mail when the case has an address and mail is configured). */
    void reply(UUID id, String body, @Nullable CaseStatus thenStatus, @Nullable WaitingReason thenReason);

    void addNote(UUID id, String body);

    /** A customer message that arrived by another channel; {@code messageId} makes it idempotent. */
    void receiveMessage(UUID id, String from, String body, @Nullable String messageId);

    void changeStatus(UUID id, CaseStatus status, @Nullable WaitingReason reason);

    void assign(UUID id, @Nullable String queue, @Nullable String assignee);

    /** Routes an open case again with its current data (e.g. after triage set the category); keeps a fitting assignee. */
    CaseSummary reroute(UUID id);

    /** Sets the category; {@code byAgent} marks a person's decision (recorded as a correction when it changes one). */
    void categorise(UUID id, String category, boolean byAgent);

    void setPriority(UUID id, Priority priority);

    void setTags(UUID id, List<String> tags);

    void link(UUID id, CaseLink link);

    /** Sets (or clears, with null) the case's external deadline, e.g. a dispute's respond-by date. */
    void setExternalDeadline(UUID id, java.time.@Nullable Instant dueAt, @Nullable String label);

    /** Cases that carry a link to the given record, newest first. */
    List<CaseSummary> linkedTo(LinkKind kind, String ref);

    /** Opens a child task for a peer function (tech, risk, finance, product) with that queue's OLA clock. */
    CaseSummary escalate(UUID id, String peerQueue, String note);

    /** Makes {@code child} a child of {@code parent}. */
    void setParent(UUID child, UUID parent);

    /** Merges {@code source} into {@code target}: links and timeline are carried over, the source closes. */
    void merge(UUID source, UUID target);
}
