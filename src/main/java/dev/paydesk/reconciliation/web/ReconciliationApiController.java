package dev.paydesk.reconciliation.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.reconciliation.Finding;
import dev.paydesk.reconciliation.Findings;
import dev.paydesk.reconciliation.Reconciliation;
import dev.paydesk.reconciliation.RunSummary;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;
import dev.paydesk.platform.access.SpecialistProcessManagerAdminOrAuditor;
import dev.paydesk.platform.access.SpecialistProcessManagerOrAdmin;

/** REST API of reconciliation: findings with totals at risk, bulk handling, batch reports, runs. */
@RestController
@RequestMapping("/api/v1/reconciliation")
@Tag(name = "Reconciliation", description = "Findings of broken money, settlement batch reports and runs")
@SpecialistProcessManagerAdminOrAuditor
class ReconciliationApiController {

    private final Findings findings;
    private final Reconciliation reconciliation;

    ReconciliationApiController(Findings findings, Reconciliation reconciliation) {
        this.findings = findings;
        this.reconciliation = reconciliation;
    }

    record FindingList(Findings.Totals totals, List<Finding> findings) {
    }

    @GetMapping("/findings")
    @Operation(summary = "Findings in the caller's markets, largest money at risk first, with totals per currency")
    FindingList list(@ParameterObject FindingFilters filters, @RequestParam(required = false) @Nullable Long minAmountMinor,
                     @RequestParam(defaultValue = "200") int limit) {
        Findings.Filter filter = filters.filter(minAmountMinor, limit);
        return new FindingList(findings.totals(filter), findings.search(filter));
    }

    @GetMapping("/findings/{id}")
    @Operation(summary = "One finding with its evidence and suggested action")
    Finding one(@PathVariable UUID id) {
        return findings.find(id).orElseThrow(() -> new NotFoundException("finding " + id + " not found"));
    }

    record Selection(@jakarta.validation.constraints.NotNull List<UUID> ids, @Nullable String assignee) {
    }

    record Changed(int changed) {
    }

    @PostMapping("/findings/acknowledge")
    @SpecialistProcessManagerOrAdmin
    @Operation(summary = "Acknowledge findings in bulk (audited)")
    Changed acknowledge(@RequestBody @jakarta.validation.Valid Selection selection) {
        return new Changed(findings.acknowledge(selection.ids()));
    }

    @PostMapping("/findings/assign")
    @SpecialistProcessManagerOrAdmin
    @Operation(summary = "Assign findings in bulk to a person (audited)")
    Changed assign(@RequestBody @jakarta.validation.Valid Selection selection) {
        if (selection.assignee() == null) {
            throw new InvalidInputException("assignee", "assignee is required");
        }
        return new Changed(findings.assign(selection.ids(), selection.assignee()));
    }

    @GetMapping("/batches")
    @Operation(summary = "The latest reconciliation of each settlement batch: matched, unmatched, differences, fees")
    List<Findings.BatchSummary> batches(@RequestParam(defaultValue = "100") int limit) {
        return findings.batches(limit);
    }

    record RunRequest(Instant from, Instant to) {
    }

    @PostMapping("/runs")
    @ProcessManagerOrAdmin
    @Operation(summary = "Run reconciliation now over every order with activity in [from, to)")
    RunSummary run(@RequestBody RunRequest request) {
        if (!request.to().isAfter(request.from())) {
            throw new InvalidInputException("to", "to must be after from");
        }
        return reconciliation.reconcile(request.from(), request.to());
    }
}
