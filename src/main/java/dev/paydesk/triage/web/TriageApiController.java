package dev.paydesk.triage.web;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
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
import dev.paydesk.shared.NotFoundException;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.triage.Category;
import dev.paydesk.triage.CategorySpec;
import dev.paydesk.triage.Classification;
import dev.paydesk.triage.Incident;
import dev.paydesk.triage.Incidents;
import dev.paydesk.triage.ModelVersion;
import dev.paydesk.triage.RootCause;
import dev.paydesk.triage.Taxonomy;
import dev.paydesk.triage.Triage;
import dev.paydesk.triage.TriageModels;
import dev.paydesk.triage.classifier.Evaluation;
import dev.paydesk.triage.classifier.LabelledCsv;
import dev.paydesk.platform.access.AnyRole;
import dev.paydesk.platform.access.CaseWorkerOrRealtimeManager;
import dev.paydesk.platform.access.ManagerAdminOrAuditor;
import dev.paydesk.platform.access.ManagerOrAdmin;
import dev.paydesk.platform.access.ProcessManagerAdminOrAuditor;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;

/** {@code /api/v1/triage}: taxonomy, classification, triage queue, corrections, model versions, incidents. */
@RestController
@RequestMapping("/api/v1/triage")
class TriageApiController {

    private final Taxonomy taxonomy;
    private final Triage triage;
    private final TriageModels models;
    private final Incidents incidents;
    private final RootCause rootCause;

    TriageApiController(Taxonomy taxonomy, Triage triage, TriageModels models, Incidents incidents, RootCause rootCause) {
        this.rootCause = rootCause;
        this.taxonomy = taxonomy;
        this.triage = triage;
        this.models = models;
        this.incidents = incidents;
    }

    @GetMapping("/categories")
    @AnyRole
    List<Category> categories() {
        return taxonomy.categories();
    }

    @PostMapping("/categories")
    @ResponseStatus(HttpStatus.CREATED)
    @ProcessManagerOrAdmin
    Category createCategory(@RequestBody CategorySpec spec) {
        return taxonomy.create(spec);
    }

    record CategoryUpdate(CategorySpec category, int version, boolean active) {
    }

    @PutMapping("/categories/{code}")
    @ProcessManagerOrAdmin
    Category updateCategory(@PathVariable String code, @RequestBody CategoryUpdate update) {
        return taxonomy.update(code, update.category(), update.version(), update.active());
    }

    record ClassifyRequest(String text, @Nullable String language) {
    }

    @PostMapping("/classify")
    @CaseWorkerOrRealtimeManager
    Classification classify(@RequestBody ClassifyRequest request) {
        if (request.text() == null || request.text().isBlank()) {
            throw new InvalidInputException("text", "must not be blank");
        }
        return triage.classify(request.text(), request.language())
                .orElseThrow(() -> new ConflictException("no classifier is active yet"));
    }

    @GetMapping("/queue")
    @CaseWorkerOrRealtimeManager
    List<Triage.QueuedItem> queue(@RequestParam(defaultValue = "100") int limit) {
        return triage.triageQueue(Math.min(limit, 1000)).stream()
                .filter(q -> q.market() == null || CurrentUser.canAccessMarket(q.market())).toList();
    }

    /** Lengths are checked by {@link Triage#correct} (the correction columns: item 100, category 64, language 8). */
    record CorrectionRequest(String itemRef, String text, @Nullable String language, @Nullable String predicted,
                             String corrected) {
    }

    @PostMapping("/corrections")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @CaseWorkerOrRealtimeManager
    void correct(@RequestBody CorrectionRequest request) {
        Triage.checkCorrection(request.itemRef(), request.text(), request.language(), request.predicted(),
                request.corrected());
        taxonomy.category(request.corrected());
        triage.correct(request.itemRef(), request.text(), request.language(), request.predicted(), request.corrected());
    }

    @GetMapping("/models")
    @ProcessManagerAdminOrAuditor
    List<ModelVersion> models() {
        return models.versions();
    }

    @GetMapping("/models/{id}/evaluation")
    @ProcessManagerAdminOrAuditor
    Evaluation evaluation(@PathVariable long id) {
        return models.evaluation(id);
    }

    @PostMapping("/models/train")
    @ProcessManagerOrAdmin
    ModelVersion trainFromDatabase() {
        return models.trainFromDatabase();
    }

    @PostMapping(path = "/models/train-csv", consumes = "text/csv")
    @ProcessManagerOrAdmin
    ModelVersion trainFromCsv(@RequestBody String csv) throws IOException {
        return models.train(LabelledCsv.read(new StringReader(csv)), "csv upload");
    }

    @PostMapping("/models/{id}/activate")
    @ProcessManagerOrAdmin
    ModelVersion activate(@PathVariable long id, @RequestParam(defaultValue = "false") boolean force) {
        if (force && CurrentUser.principal().map(p -> !p.hasRole(Role.ADMIN)).orElse(true)) {
            throw new AccessDeniedException("only an admin may force a model that does not beat the active one");
        }
        return models.activate(id, force);
    }

    @GetMapping(path = "/root-cause", produces = {"application/json", "text/csv"})
    @ManagerAdminOrAuditor
    org.springframework.http.ResponseEntity<?> rootCause(@RequestParam java.time.Instant from, @RequestParam java.time.Instant to,
            @RequestParam(required = false) @Nullable String provider, @RequestParam(required = false) @Nullable String market,
            @RequestParam(required = false) @Nullable String method,
            @org.springframework.web.bind.annotation.RequestHeader(name = "Accept", required = false) @Nullable String accept) {
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "must be after from");
        }
        List<String> scope = CurrentUser.marketScope();
        List<RootCause.ParetoRow> rows = rootCause.pareto(new RootCause.Filter(from, to, provider, market, method, scope));
        if (accept != null && accept.contains("text/csv")) {
            return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType("text/csv"))
                    .header("Content-Disposition", "attachment; filename=\"root-cause.csv\"").body(RootCause.toCsv(rows));
        }
        return org.springframework.http.ResponseEntity.ok(rows);
    }

    @GetMapping("/root-cause/trend")
    @ManagerAdminOrAuditor
    List<RootCause.DailyCount> rootCauseTrend(@RequestParam java.time.Instant from, @RequestParam java.time.Instant to,
            @RequestParam(required = false) @Nullable String provider, @RequestParam(required = false) @Nullable String market,
            @RequestParam(required = false) @Nullable String method) {
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "must be after from");
        }
        List<String> scope = CurrentUser.marketScope();
        return rootCause.trend(new RootCause.Filter(from, to, provider, market, method, scope));
    }

    @GetMapping("/incidents")
    @ManagerAdminOrAuditor
    List<Incident> incidents(@RequestParam(defaultValue = "50") int limit) {
        return incidents.recent(Math.min(limit, 500)).stream()
                .filter(i -> CurrentUser.canAccessMarket(i.cell().market())).toList();
    }

    @GetMapping("/incidents/{id}")
    @ManagerAdminOrAuditor
    Map<String, Object> incident(@PathVariable long id) {
        Incident incident = incidents.incident(id);
        CurrentUser.requireInScope(incident.cell().market(), () -> new NotFoundException("incident " + id));
        return Map.of("incident", incident, "items", incidents.items(id));
    }

    @PostMapping("/incidents/{id}/close")
    @ManagerOrAdmin
    Incident close(@PathVariable long id) {
        CurrentUser.requireInScope(incidents.incident(id).cell().market(), () -> new NotFoundException("incident " + id));
        return incidents.close(id);
    }
}
