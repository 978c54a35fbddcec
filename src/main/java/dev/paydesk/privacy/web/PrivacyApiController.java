package dev.paydesk.privacy.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.privacy.DataKind;
import dev.paydesk.privacy.internal.RetentionService;
import dev.paydesk.privacy.internal.SubjectRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.paydesk.platform.access.ProcessManagerAdminOrAuditor;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;

/**
 * Privacy API: retention periods and runs, data-subject export and erasure (four-eyes), legal holds.
 * Everything but reading the periods works across markets, so it needs an all-markets administrator
 * or process manager; market-scoped users get 403.
 */
@RestController
@RequestMapping("/api/v1/privacy")
@Tag(name = "Privacy", description = "Retention, data-subject export and erasure, legal holds")
class PrivacyApiController {

    private final RetentionService retention;
    private final SubjectRequests requests;

    PrivacyApiController(RetentionService retention, SubjectRequests requests) {
        this.retention = retention;
        this.requests = requests;
    }

    static void requireAllMarkets() {
        if (!CurrentUser.principal().map(PaydeskPrincipal::allMarkets).orElse(false)) {
            throw new AccessDeniedException("privacy requests and retention cover every market: an all-markets user is needed");
        }
    }

    @GetMapping("/retention")
    @ProcessManagerAdminOrAuditor
    @Operation(summary = "Retention period per kind of personal data (days; null = kept until erased)")
    List<RetentionService.Setting> periods() {
        return retention.settings();
    }

    @PutMapping("/retention")
    @ProcessManagerOrAdmin
    @Operation(summary = "Set retention periods, e.g. {\"CASE_MESSAGES\": 730, \"QUARANTINE\": null}")
    List<RetentionService.Setting> setPeriods(@RequestBody Map<DataKind, @Nullable Integer> days) {
        requireAllMarkets();
        return retention.update(days);
    }

    @GetMapping("/retention/preview")
    @ProcessManagerOrAdmin
    @Operation(summary = "Dry run: what the next retention run would touch (nothing changes)")
    RetentionService.Report preview() {
        requireAllMarkets();
        return retention.run(true);
    }

    @PostMapping("/retention/runs")
    @ProcessManagerOrAdmin
    @Operation(summary = "Run retention now (the daily job does the same)")
    RetentionService.Report run() {
        requireAllMarkets();
        return retention.run(false);
    }

    @GetMapping(value = "/export", produces = "application/zip")
    @ProcessManagerOrAdmin
    @Operation(summary = "Everything Paydesk holds about a customer (reference or e-mail address): subject.json and files, as a ZIP")
    ResponseEntity<byte[]> export(@RequestParam String customer) {
        requireAllMarkets();
        byte[] zip = requests.export(customer);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("privacy-export.zip").build().toString())
                .body(zip);
    }

    @GetMapping("/erasure-preview")
    @ProcessManagerOrAdmin
    @Operation(summary = "Dry run of an erasure: identities found, legal holds, what would change")
    SubjectRequests.ErasurePlan erasurePreview(@RequestParam String customer) {
        requireAllMarkets();
        return requests.plan(customer);
    }

    record NewErasure(@Nullable String customer, @Nullable String reason) {
    }

    @PostMapping("/erasure-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @ProcessManagerOrAdmin
    @Operation(summary = "Request the erasure of a customer; a second person approves it")
    SubjectRequests.ErasureRequest requestErasure(@RequestBody NewErasure body) {
        requireAllMarkets();
        return requests.request(String.valueOf(body.customer() == null ? "" : body.customer()),
                body.reason() == null ? "" : body.reason());
    }

    @GetMapping("/erasure-requests")
    @ProcessManagerOrAdmin
    @Operation(summary = "Erasure requests, newest first")
    List<SubjectRequests.ErasureRequest> erasureRequests() {
        requireAllMarkets();
        return requests.requests(200);
    }

    @PostMapping("/erasure-requests/{id}/approve")
    @ProcessManagerOrAdmin
    @Operation(summary = "Approve (never the requester) and carry out an erasure")
    SubjectRequests.ErasureRequest approve(@PathVariable UUID id) {
        requireAllMarkets();
        return requests.approve(id);
    }

    record Decision(@Nullable String note) {
    }

    @PostMapping("/erasure-requests/{id}/reject")
    @ProcessManagerOrAdmin
    @Operation(summary = "Reject an erasure request")
    SubjectRequests.ErasureRequest reject(@PathVariable UUID id, @RequestBody Decision body) {
        requireAllMarkets();
        return requests.reject(id, body.note() == null ? "" : body.note());
    }

    @GetMapping("/legal-holds")
    @ProcessManagerOrAdmin
    @Operation(summary = "Active legal holds (retention duties) that block erasure")
    List<SubjectRequests.Hold> holds() {
        requireAllMarkets();
        return requests.holdsList();
    }

    record NewHold(@Nullable String customer, @Nullable String reason, @Nullable LocalDate until) {
    }

    @PostMapping("/legal-holds")
    @ResponseStatus(HttpStatus.CREATED)
    @ProcessManagerOrAdmin
    @Operation(summary = "Place a legal hold on a customer's data (blocks erasure, with the reason shown)")
    SubjectRequests.Hold addHold(@RequestBody NewHold body) {
        requireAllMarkets();
        return requests.addHold(body.customer() == null ? "" : body.customer(), body.reason() == null ? "" : body.reason(),
                body.until());
    }

    @DeleteMapping("/legal-holds/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProcessManagerOrAdmin
    @Operation(summary = "Release a legal hold")
    void releaseHold(@PathVariable UUID id) {
        requireAllMarkets();
        requests.releaseHold(id);
    }
}
