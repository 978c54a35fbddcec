package dev.paydesk.disputes.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.disputes.ChargebackMonitoring;
import dev.paydesk.disputes.DisputeAnalytics;
import dev.paydesk.disputes.DisputeHistoryEntry;
import dev.paydesk.disputes.DisputeStage;
import dev.paydesk.disputes.DisputeStatus;
import dev.paydesk.disputes.DisputeSummary;
import dev.paydesk.disputes.Disputes;
import dev.paydesk.disputes.Evidence;
import dev.paydesk.disputes.EvidenceItem;
import dev.paydesk.disputes.EvidencePack;
import dev.paydesk.disputes.ReasonCode;
import dev.paydesk.disputes.ReasonCodes;
import dev.paydesk.disputes.Recommendation;
import dev.paydesk.disputes.Recommendations;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.platform.access.DisputeSpecialistProcessManagerAdminOrAuditor;
import dev.paydesk.platform.access.DisputeSpecialistProcessManagerOrAdmin;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;
import dev.paydesk.platform.access.SignedIn;

/** {@code /api/v1/disputes}: the desk, one dispute, its evidence, actions, catalogue, analytics and monitoring. */
@RestController
@RequestMapping("/api/v1/disputes")
class DisputesApiController {

    private final Disputes disputes;
    private final Evidence evidence;
    private final Recommendations recommendations;
    private final ReasonCodes reasonCodes;
    private final DisputeAnalytics analytics;
    private final ChargebackMonitoring monitoring;

    DisputesApiController(Disputes disputes, Evidence evidence, Recommendations recommendations, ReasonCodes reasonCodes,
                          DisputeAnalytics analytics, ChargebackMonitoring monitoring) {
        this.disputes = disputes;
        this.evidence = evidence;
        this.recommendations = recommendations;
        this.reasonCodes = reasonCodes;
        this.analytics = analytics;
        this.monitoring = monitoring;
    }

    @GetMapping
    @DisputeSpecialistProcessManagerAdminOrAuditor
    List<DisputeSummary> list(@RequestParam(defaultValue = "false") boolean includeClosed,
                              @RequestParam(required = false) @Nullable String provider,
                              @RequestParam(required = false) @Nullable DisputeStatus status,
                              @RequestParam(required = false) @Nullable DisputeStage stage,
                              @RequestParam(defaultValue = "200") int limit) {
        return disputes.list(new Disputes.Filter(CurrentUser.marketScope(), includeClosed, provider, status, stage,
                Math.min(limit, 2000)));
    }

    /** The open dispute on a payment or order reference, 404 when there is none (the refund guard's question). */
    @GetMapping("/open")
    @SignedIn
    DisputeSummary openFor(@RequestParam String reference) {
        return disputes.openDisputeFor(reference).map(DisputeAccess::check)
                .orElseThrow(() -> new dev.paydesk.shared.NotFoundException("no open dispute on " + reference));
    }

    @GetMapping("/{id}")
    @DisputeSpecialistProcessManagerAdminOrAuditor
    DisputeSummary dispute(@PathVariable UUID id) {
        return DisputeAccess.check(disputes.dispute(id));
    }

    @GetMapping("/{id}/history")
    @DisputeSpecialistProcessManagerAdminOrAuditor
    List<DisputeHistoryEntry> history(@PathVariable UUID id) {
        DisputeAccess.check(disputes.dispute(id));
        return disputes.history(id);
    }

    /** The checklist, completeness and structured evidence fields. */
    @GetMapping("/{id}/evidence")
    @DisputeSpecialistProcessManagerAdminOrAuditor
    Map<String, Object> pack(@PathVariable UUID id) {
        DisputeAccess.check(disputes.dispute(id));
        EvidencePack pack = evidence.pack(id);
        return Map.of("checklist", pack.checklist(), "completeness", pack.completeness(), "missing", pack.missing(),
                "fields", pack.fields(), "supplied", pack.supplied(), "submissions", evidence.submissions(id));
    }

    @GetMapping(value = "/{id}/evidence.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @DisputeSpecialistProcessManagerAdminOrAuditor
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        DisputeSummary d = DisputeAccess.check(disputes.dispute(id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"dispute-" + d.providerDisputeId().replaceAll("[^A-Za-z0-9_.-]", "_") + ".pdf\"")
                .body(evidence.pdf(id));
    }

    @GetMapping("/{id}/recommendation")
    @DisputeSpecialistProcessManagerAdminOrAuditor
    Recommendation recommendation(@PathVariable UUID id) {
        DisputeAccess.check(disputes.dispute(id));
        return recommendations.recommend(id);
    }

    /** Lengths are checked by {@link Evidence.Shipment} for the API and the desk alike. */
    record ShipmentRequest(String carrier, String trackingNumber, @Nullable LocalDate shippedOn,
                           @Nullable LocalDate deliveredOn, @Nullable String note) {
    }

    @PostMapping("/{id}/shipments")
    @ResponseStatus(HttpStatus.CREATED)
    @DisputeSpecialistProcessManagerOrAdmin
    Map<String, UUID> shipment(@PathVariable UUID id, @RequestBody ShipmentRequest r) {
        Evidence.Shipment shipment = new Evidence.Shipment(r.carrier(), r.trackingNumber(), r.shippedOn(), r.deliveredOn(),
                r.note());
        DisputeAccess.check(disputes.dispute(id));
        return Map.of("id", evidence.addShipment(id, shipment));
    }

    record NoteRequest(EvidenceItem item, String text) {
    }

    @PostMapping(value = "/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @DisputeSpecialistProcessManagerOrAdmin
    Map<String, UUID> note(@PathVariable UUID id, @RequestBody NoteRequest r) {
        DisputeAccess.check(disputes.dispute(id));
        if (r.item() == null) {
            throw new InvalidInputException("item", "must be one of " + List.of(EvidenceItem.values()));
        }
        return Map.of("id", evidence.addNote(id, r.item(), r.text(), null, null, null));
    }

    @PostMapping(value = "/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @DisputeSpecialistProcessManagerOrAdmin
    Map<String, UUID> file(@PathVariable UUID id, @RequestParam EvidenceItem item,
                           @RequestParam(required = false) @Nullable String text,
                           @RequestParam org.springframework.web.multipart.MultipartFile file) throws IOException {
        DisputeAccess.check(disputes.dispute(id));
        return Map.of("id", evidence.addNote(id, item, text, Optional.ofNullable(file.getOriginalFilename()).orElse("file"),
                file.getContentType(), file.getBytes()));
    }

    record AcceptRequest(@Nullable String note) {
    }

    @PostMapping("/{id}/accept")
    @DisputeSpecialistProcessManagerOrAdmin
    DisputeSummary accept(@PathVariable UUID id, @RequestBody(required = false) @Nullable AcceptRequest r) {
        DisputeAccess.check(disputes.dispute(id));
        return disputes.accept(id, r == null ? null : r.note());
    }

    @PostMapping("/{id}/submit")
    @DisputeSpecialistProcessManagerOrAdmin
    Evidence.Submission submit(@PathVariable UUID id) {
        DisputeAccess.check(disputes.dispute(id));
        return evidence.submit(id);
    }

    @GetMapping("/reason-codes")
    @SignedIn
    List<ReasonCode> reasonCodes() {
        return reasonCodes.all();
    }

    @PostMapping("/reason-codes")
    @ResponseStatus(HttpStatus.CREATED)
    @ProcessManagerOrAdmin
    ReasonCode createReasonCode(@RequestBody ReasonCode code) {
        return reasonCodes.create(code);
    }

    @PutMapping("/reason-codes/{scheme}/{code}")
    @ProcessManagerOrAdmin
    ReasonCode updateReasonCode(@PathVariable String scheme, @PathVariable String code, @RequestBody ReasonCode changed) {
        return reasonCodes.update(new ReasonCode(scheme, code, changed.title(), changed.category(), changed.responseDays(),
                changed.evidence(), changed.source(), changed.version()));
    }

    @GetMapping("/analytics")
    @DisputeSpecialistProcessManagerAdminOrAuditor
    List<DisputeAnalytics.Row> analytics(@RequestParam(defaultValue = "REASON") DisputeAnalytics.Dimension by) {
        return analytics.outcomes(by, CurrentUser.marketScope());
    }

    @GetMapping("/monitoring")
    @DisputeSpecialistProcessManagerAdminOrAuditor
    List<ChargebackMonitoring.AccountRatios> monitoring(@RequestParam(required = false) java.time.@Nullable YearMonth month) {
        return monitoring.ratios(month == null ? monitoring.currentMonth() : month);
    }
}
