package dev.paydesk.cases.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.ExpectedVersion;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.StaleCaseException;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import dev.paydesk.platform.access.CaseWorker;

/**
 * Writes to one case. Each is checked against the case's version: {@code If-Match} with the
 * {@code ETag} of {@code GET /api/v1/cases/{key}} (stale: 412), or a body {@code version} (stale: 409);
 * without either, a writer that loses a race to another gets a 409 rather than overwriting it.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases", description = "Payment cases, their timeline, clocks and money actions")
@CaseWorker
class CaseCommandsApiController {

    private final CaseDesk desk;

    CaseCommandsApiController(CaseDesk desk) {
        this.desk = desk;
    }

    record ReplyRequest(@NotBlank String body, @Nullable CaseStatus status, @Nullable WaitingReason reason,
                        @Nullable Integer version) {
    }

    @PostMapping("/cases/{key}/replies")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reply to the customer (e-mailed when the case has an address), optionally setting the status")
    void reply(@PathVariable String key, @Valid @RequestBody ReplyRequest r, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        write(ifMatch, r.version(), v -> desk.reply(id(key), v, r.body(), r.status(), r.reason()));
    }

    record TextRequest(@NotBlank String body, @Nullable Integer version) {
    }

    @PostMapping("/cases/{key}/notes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Add an internal note")
    void note(@PathVariable String key, @Valid @RequestBody TextRequest r, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        write(ifMatch, r.version(), v -> desk.addNote(id(key), v, r.body()));
    }

    record MessageRequest(@NotBlank String from, @NotBlank String body, @Nullable String messageId) {
    }

    @PostMapping("/cases/{key}/messages")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record a customer message from another channel (idempotent by messageId; never refused as stale)")
    void message(@PathVariable String key, @Valid @RequestBody MessageRequest r) {
        desk.receiveMessage(id(key), r.from(), r.body(), r.messageId());
    }

    record StatusRequest(@NotNull CaseStatus status, @Nullable WaitingReason reason, @Nullable Integer version) {
    }

    @PutMapping("/cases/{key}/status")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Move the case by the transition table (illegal moves: 409; WAITING needs a reason)")
    void status(@PathVariable String key, @Valid @RequestBody StatusRequest r, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        write(ifMatch, r.version(), v -> desk.changeStatus(id(key), v, r.status(), r.reason()));
    }

    record AssignmentRequest(@Nullable String queue, @Nullable String assignee, @Nullable Integer version) {
    }

    @PutMapping("/cases/{key}/assignment")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void assign(@PathVariable String key, @Valid @RequestBody AssignmentRequest r, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        write(ifMatch, r.version(), v -> desk.assign(id(key), v, r.queue(), r.assignee()));
    }

    record CategoryRequest(@NotBlank String category, @Nullable Integer version) {
    }

    @PutMapping("/cases/{key}/category")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void category(@PathVariable String key, @Valid @RequestBody CategoryRequest r, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        write(ifMatch, r.version(), v -> desk.categorise(id(key), v, r.category(), true));
    }

    record PriorityRequest(@NotNull Priority priority, @Nullable Integer version) {
    }

    @PutMapping("/cases/{key}/priority")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void priority(@PathVariable String key, @Valid @RequestBody PriorityRequest r, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        write(ifMatch, r.version(), v -> desk.setPriority(id(key), v, r.priority()));
    }

    record TagsRequest(@NotNull List<String> tags, @Nullable Integer version) {
    }

    @PutMapping("/cases/{key}/tags")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void tags(@PathVariable String key, @Valid @RequestBody TagsRequest r, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        write(ifMatch, r.version(), v -> desk.setTags(id(key), v, r.tags()));
    }

    record LinkRequest(@NotNull LinkKind kind, @NotBlank String ref, @Nullable Integer version) {
    }

    @PostMapping("/cases/{key}/links")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void link(@PathVariable String key, @Valid @RequestBody LinkRequest r, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        write(ifMatch, r.version(), v -> desk.link(id(key), v, new CaseLink(r.kind(), r.ref())));
    }

    record EscalationRequest(@NotBlank String queue, @NotBlank String note, @Nullable Integer version) {
    }

    @PostMapping("/cases/{key}/escalations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Escalate to a peer function (tech, risk, finance, product): a child task with its OLA clock")
    CaseSummary escalate(@PathVariable String key, @Valid @RequestBody EscalationRequest r, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return writeReturning(ifMatch, r.version(), v -> desk.escalate(id(key), v, r.queue(), r.note()));
    }

    record ParentRequest(@NotBlank String parent, @Nullable Integer version) {
    }

    @PutMapping("/cases/{key}/parent")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void parent(@PathVariable String key, @Valid @RequestBody ParentRequest r, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        write(ifMatch, r.version(), v -> desk.setParent(id(key), v, id(r.parent())));
    }

    record MergeRequest(@NotBlank String into, @Nullable Integer version) {
    }

    @PostMapping("/cases/{key}/merge")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Merge this case into another: links and messages move, this case closes")
    void merge(@PathVariable String key, @Valid @RequestBody MergeRequest r, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        write(ifMatch, r.version(), v -> desk.merge(id(key), v, id(r.into())));
    }

    /** A case version as an entity tag ({@code "7"}). */
    static String etag(int version) {
        return "\"" + version + "\"";
    }

    private void write(@Nullable String ifMatch, @Nullable Integer bodyVersion, java.util.function.Consumer<ExpectedVersion> w) {
        writeReturning(ifMatch, bodyVersion, v -> {
            w.accept(v);
            return null;
        });
    }

    /** Runs a write expecting the If-Match version, else the body's; a stale If-Match is a 412 problem. */
    private <T> T writeReturning(@Nullable String ifMatch, @Nullable Integer bodyVersion, Function<ExpectedVersion, T> w) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return w.apply(ExpectedVersion.of(bodyVersion));
        }
        try {
            return w.apply(ExpectedVersion.of(fromEtag(ifMatch)));
        } catch (StaleCaseException e) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
            p.setTitle("Precondition failed");
            p.setProperty("currentVersion", e.current());
            throw new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, p, e);
        }
    }

    /** The version in an If-Match ({@code "7"}, {@code W/"7"}); {@code *} matches any version. */
    private static @Nullable Integer fromEtag(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            return null;
        }
        tag = tag.replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private UUID id(String key) {
        return desk.resolve(key).orElseThrow(() -> new NotFoundException("case " + key + " not found"));
    }
}
