package dev.paydesk.cases.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.MoneyAction;
import dev.paydesk.cases.MoneyActionType;
import dev.paydesk.cases.MoneyActions;
import dev.paydesk.cases.NewCase;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.shared.Money;
import dev.paydesk.shared.MoneyParser;
import dev.paydesk.shared.NotFoundException;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.paydesk.platform.access.AnySpecialistProcessManagerOrAdmin;
import dev.paydesk.platform.access.CaseWorker;
import dev.paydesk.platform.access.CaseWorkerOrAuditor;
import dev.paydesk.platform.access.ManagerAdminOrAuditor;

/** REST API of the case desk: everything the UI does. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases", description = "Payment cases, their timeline, clocks and money actions")
@CaseWorker
class CasesApiController {

    private final CaseDesk desk;
    private final MoneyActions money;
    private final dev.paydesk.cases.BulkChanges bulk;
    private final dev.paydesk.cases.CaseImport csvImport;
    private final dev.paydesk.cases.CaseWorkbench workbench;
    private final dev.paydesk.cases.CaseAttachments attachments;
    private final dev.paydesk.cases.FindingCaseIntake findingIntake;

    CasesApiController(CaseDesk desk, MoneyActions money, dev.paydesk.cases.BulkChanges bulk,
                       dev.paydesk.cases.CaseImport csvImport, dev.paydesk.cases.CaseWorkbench workbench,
                       dev.paydesk.cases.CaseAttachments attachments, dev.paydesk.cases.FindingCaseIntake findingIntake) {
        this.findingIntake = findingIntake;
        this.attachments = attachments;
        this.workbench = workbench;
        this.desk = desk;
        this.money = money;
        this.bulk = bulk;
        this.csvImport = csvImport;
    }

    @PostMapping(path = "/cases/import", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import cases from CSV (subject, market required; external_id makes rows idempotent); bad rows are reported by line")
    dev.paydesk.cases.CaseImport.Result importCsv(@RequestBody String csv) {
        return csvImport.importCsv(new java.io.StringReader(csv));
    }

    /** A selection (the same filters as the list) and the change to make. */
    record BulkRequest(@JsonUnwrapped CaseFilters filters, @NotNull dev.paydesk.cases.BulkChanges.Change change) {
        CaseQuery selection() {
            return filters.query(500, 0);
        }
    }

    @PostMapping("/cases/bulk/preview")
    @Operation(summary = "Dry run of a bulk change: exactly what would change on each selected case")
    dev.paydesk.cases.BulkChanges.Plan bulkPreview(@Valid @RequestBody BulkRequest r) {
        return bulk.preview(r.selection(), r.change());
    }

    @PostMapping("/cases/bulk/apply")
    @Operation(summary = "Apply a bulk change (the same plan as the dry run, computed again in one transaction)")
    dev.paydesk.cases.BulkChanges.Plan bulkApply(@Valid @RequestBody BulkRequest r) {
        return bulk.apply(r.selection(), r.change());
    }

    /** A case to open over the API (customer-care tools post escalations here). */
    record CaseRequest(@NotBlank String subject, @Nullable String description, @NotBlank String market, @Nullable String language,
                       @Nullable Priority priority, @Nullable String category, @Nullable String customerRef,
                       @Nullable String customerEmail, @Nullable String provider, @Nullable String amount,
                       @Nullable String currency, @Nullable List<String> tags, @Nullable List<CaseLink> links,
                       @Nullable Instant externalDueAt, @Nullable String externalDueLabel, @Nullable Boolean psd2Complaint,
                       @Nullable String queue) {
    }

    @PostMapping("/cases")
    @Operation(summary = "Open a case; the Idempotency-Key header makes a retried post return the first case")
    ResponseEntity<CaseSummary> open(@Valid @RequestBody CaseRequest r,
                                     @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        Money amount = r.amount() == null ? null
                : MoneyParser.decimal("amount", r.amount(), "currency", r.currency(), MoneyParser.Sign.NON_NEGATIVE);
        CaseDesk.Opened opened = desk.open(NewCase.builder(r.subject(), r.market(), CaseSource.API)
                .description(r.description()).language(r.language()).priority(r.priority()).category(r.category())
                .customer(r.customerRef(), r.customerEmail()).provider(r.provider()).amount(amount).tags(r.tags())
                .links(r.links()).idempotencyKey(key).externalDeadline(r.externalDueAt(), r.externalDueLabel())
                .psd2Complaint(Boolean.TRUE.equals(r.psd2Complaint())).queue(r.queue()).build());
        return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/cases/" + opened.summary().key())).body(opened.summary());
    }

    @GetMapping("/cases")
    @Operation(summary = "Queue views, filters and full-text search (view: mine, team, unassigned, breaching_soon, waiting, all)")
    @CaseWorkerOrAuditor
    List<CaseSummary> list(@ParameterObject CaseFilters filters, @RequestParam(defaultValue = "50") int limit,
                           @RequestParam(defaultValue = "0") int offset) {
        return desk.list(filters.query(limit, offset));
    }

    @GetMapping("/cases/{key}")
    @Operation(summary = "A case with its links, clocks, timeline and related cases")
    @CaseWorkerOrAuditor
    ResponseEntity<CaseDetail> get(@PathVariable String key) {
        CaseDetail detail = desk.find(key).orElseThrow(() -> new NotFoundException("case " + key + " not found"));
        return ResponseEntity.ok().eTag(CaseCommandsApiController.etag(detail.summary().version())).body(detail);
    }

    record MoneyRequest(@NotNull MoneyActionType type, @NotBlank String amount, @NotBlank String currency, @Nullable String paymentRef,
                        @Nullable String targetMethod, @NotBlank String reason) {
    }

    @PostMapping("/cases/{key}/money-actions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Request a refund, re-refund, goodwill credit or write-off (four-eyes above the limit)")
    @AnySpecialistProcessManagerOrAdmin
    MoneyAction requestMoney(@PathVariable String key, @Valid @RequestBody MoneyRequest r) {
        return money.request(id(key), r.type(),
                MoneyParser.decimal("amount", r.amount(), "currency", r.currency(), MoneyParser.Sign.POSITIVE),
                r.paymentRef(), r.targetMethod(),
                r.reason());
    }

    @GetMapping("/money-actions/pending")
    @Operation(summary = "Money actions waiting for a second person, in the caller's markets")
    List<MoneyAction> pending() {
        return money.pending();
    }

    record DecisionRequest(@Nullable String note) {
    }

    @PostMapping("/money-actions/{id}/approve")
    @Operation(summary = "Approve (never by the requester; needs an approver role and the market)")
    MoneyAction approve(@PathVariable UUID id, @RequestBody(required = false) @Nullable DecisionRequest r) {
        return money.approve(id, r == null ? null : r.note());
    }

    @PostMapping("/money-actions/{id}/reject")
    MoneyAction reject(@PathVariable UUID id, @Valid @RequestBody DecisionRequest r) {
        return money.reject(id, r.note() == null ? "" : r.note());
    }

    @PostMapping(path = "/cases/{key}/attachments", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a file (size and type checked; text masked for card numbers)")
    dev.paydesk.cases.CaseAttachments.Attachment attach(@PathVariable String key,
            @RequestParam("file") org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        return attachments.add(id(key), file.getOriginalFilename(), file.getContentType(), file.getBytes());
    }

    @GetMapping("/cases/{key}/attachments")
    @CaseWorkerOrAuditor
    List<dev.paydesk.cases.CaseAttachments.Attachment> attachments(@PathVariable String key) {
        UUID id = id(key);
        desk.get(id);
        return attachments.list(id);
    }

    @GetMapping("/cases/{key}/findings")
    @Operation(summary = "The reconciliation findings listed on a grouped case (one batch or run), oldest first")
    @CaseWorkerOrAuditor
    List<dev.paydesk.cases.FindingCaseIntake.GroupedFinding> findings(@PathVariable String key,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return findingIntake.grouped(id(key), limit, offset);
    }

    @GetMapping("/cases/csat")
    @Operation(summary = "CSAT results by queue, agent or category")
    @ManagerAdminOrAuditor
    List<dev.paydesk.cases.CaseWorkbench.CsatRow> csat(@RequestParam(defaultValue = "queue") String by) {
        return workbench.csatBy(by);
    }

    @GetMapping("/cases/linked")
    @Operation(summary = "Cases linked to an order, payment, refund, dispute or finding")
    @CaseWorkerOrAuditor
    List<CaseSummary> linked(@RequestParam LinkKind kind, @RequestParam String ref) {
        return desk.linkedTo(kind, ref);
    }

    private UUID id(String key) {
        return desk.resolve(key).orElseThrow(() -> new NotFoundException("case " + key + " not found"));
    }
}
