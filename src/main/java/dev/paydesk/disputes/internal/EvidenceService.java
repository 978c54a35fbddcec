package dev.paydesk.disputes.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.disputes.Evidence;
import dev.paydesk.disputes.EvidenceItem;
import dev.paydesk.disputes.EvidencePack;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;

/** Merchant evidence, the evidence pack and its PDF, and submission through the provider's adapter. */
@Service
class EvidenceService implements Evidence {

    static final int MAX_FILE_BYTES = 7 * 1024 * 1024;

    private final Disputes disputes;
    private final DisputeService lifecycle;
    private final EvidenceStore store;
    private final DisputeStore disputeStore;
    private final EvidencePackBuilder builder;
    private final List<SubmissionAdapter> adapters;
    private final DisputeProperties properties;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    EvidenceService(Disputes disputes, DisputeService lifecycle, EvidenceStore store, DisputeStore disputeStore,
                    EvidencePackBuilder builder, List<SubmissionAdapter> adapters, DisputeProperties properties,
                    AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.disputes = disputes;
        this.lifecycle = lifecycle;
        this.store = store;
        this.disputeStore = disputeStore;
        this.builder = builder;
        this.adapters = adapters;
        this.properties = properties;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID addShipment(UUID disputeId, Shipment s) {
        DisputeSummary d = open(disputeId);
        if (s.carrier() == null || s.carrier().isBlank()) {
            throw new InvalidInputException("carrier", "must not be blank");
        }
        if (s.trackingNumber() == null || s.trackingNumber().isBlank()) {
            throw new InvalidInputException("trackingNumber", "must not be blank");
        }
        if (s.shippedOn() != null && s.deliveredOn() != null && s.deliveredOn().isBefore(s.shippedOn())) {
            throw new InvalidInputException("deliveredOn", "must not be before the shipping date");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        EvidenceItem item = s.deliveredOn() != null ? EvidenceItem.PROOF_OF_DELIVERY : EvidenceItem.SHIPPING_DOCUMENTATION;
        store.add(id, disputeId, item, s.note(), s.carrier().trim(), s.trackingNumber().trim(), s.shippedOn(),
                s.deliveredOn(), null, null, null, CurrentUser.actorName(), now);
        record(d, now, "shipment " + s.carrier().trim() + " " + s.trackingNumber().trim(), Map.of("evidence", id.toString(),
                "item", item.name()));
        return id;
    }

    @Override
    @Transactional
    public UUID addNote(UUID disputeId, EvidenceItem item, @Nullable String text, @Nullable String fileName,
                        @Nullable String contentType, byte @Nullable [] content) {
        DisputeSummary d = open(disputeId);
        boolean noText = text == null || text.isBlank();
        boolean noFile = content == null || content.length == 0;
        if (noText && noFile) {
            throw new InvalidInputException("text", "add a text or a file");
        }
        if (!noFile && content.length > MAX_FILE_BYTES) {
            throw new InvalidInputException("file", "files are limited to 7 MB");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        store.add(id, disputeId, item, noText ? null : text.strip(), null, null, null, null, noFile ? null : fileName,
                noFile ? null : contentType, noFile ? null : content, CurrentUser.actorName(), now);
        record(d, now, item.label() + (noFile ? "" : " (file " + fileName + ")"), Map.of("evidence", id.toString(),
                "item", item.name()));
        return id;
    }

    private void record(DisputeSummary d, Instant now, String detail, Map<String, String> after) {
        disputeStore.appendHistory(d.id(), now, "EVIDENCE_ADDED", d.stage(), d.status(), detail, CurrentUser.actorName(),
                null);
        audit.record("dispute.evidence-added", "dispute", d.id().toString(), d.market(), null, after);
    }

    private DisputeSummary open(UUID disputeId) {
        DisputeSummary d = disputes.dispute(disputeId);
        if (d.status().isFinal()) {
            throw new ConflictException("dispute is already " + d.status());
        }
        return d;
    }

    @Override
    @Transactional(readOnly = true)
    public EvidencePack pack(UUID disputeId) {
        return builder.build(disputes.dispute(disputeId));
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] pdf(UUID disputeId) {
        return EvidencePdf.render(pack(disputeId), clock.instant());
    }

    byte[] file(UUID disputeId, UUID evidenceId) {
        return store.file(disputeId, evidenceId).map(EvidenceStore.StoredFile::content)
                .orElseThrow(() -> new dev.paydesk.shared.NotFoundException("no file " + evidenceId));
    }

    @Override
    public Submission submit(UUID disputeId) {
        DisputeSummary d = disputes.dispute(disputeId);
        if (d.status() != DisputeStatus.NEEDS_RESPONSE) {
            throw new ConflictException("evidence can only be submitted while the dispute needs a response (it is "
                    + d.status() + ")");
        }
        EvidencePack pack = tx.execute(status -> builder.build(d));
        byte[] pdf = EvidencePdf.render(pack, clock.instant());
        DisputeProperties.Account account = properties.account(d.merchantAccount());
        SubmissionAdapter adapter = adapters.stream().filter(a -> a.handles(d, account)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no submission adapter"));
        SubmissionAdapter.Result result = adapter.submit(d, pack, pdf, account);
        Submission submission = new Submission(UUID.randomUUID(), adapter.name(), result.accepted(), result.response(),
                pack.completeness(), CurrentUser.actorName(), clock.instant());
        tx.executeWithoutResult(status -> {
            store.addSubmission(disputeId, submission);
            if (result.accepted()) {
                lifecycle.evidenceSubmitted(disputeId, "evidence submitted via " + adapter.name() + " ("
                        + Math.round(pack.completeness() * 100) + "% of the checklist)");
            } else {
                disputeStore.appendHistory(disputeId, submission.submittedAt(), "SUBMISSION_FAILED", d.stage(), d.status(),
                        adapter.name() + ": " + result.response(), CurrentUser.actorName(), null);
                audit.record("dispute.submission-failed", "dispute", disputeId.toString(), d.market(), null,
                        Map.of("adapter", adapter.name(), "response", result.response()));
            }
        });
        return submission;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Submission> submissions(UUID disputeId) {
        return store.submissions(disputeId);
    }
}
