package dev.paydesk.cases.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.cases.CaseSettings;
import dev.paydesk.cases.FindingCaseIntake;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.paydesk.platform.access.AdminOnly;
import dev.paydesk.platform.access.AnyRole;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;

/** Queues, agents, routing rules and SLA policies (process managers and admins). */
@RestController
@RequestMapping("/api/v1/case-settings")
@Tag(name = "Case settings", description = "Queues, agents, routing rules, SLA policies")
@ProcessManagerOrAdmin
class CaseSettingsApiController {

    private final CaseSettings settings;
    private final FindingCaseIntake findings;

    CaseSettingsApiController(CaseSettings settings, FindingCaseIntake findings) {
        this.settings = settings;
        this.findings = findings;
    }

    @GetMapping("/finding-intake")
    @Operation(summary = "Whether case creation from reconciliation findings is paused by its breaker, and how many findings wait")
    FindingCaseIntake.State findingIntake() {
        return findings.state();
    }

    @PostMapping("/finding-intake/resume")
    @AdminOnly
    @Operation(summary = "Resume case creation from findings (admins of all markets): the waiting findings are handled, oldest first")
    FindingCaseIntake.State resumeFindingIntake() {
        return findings.resume();
    }

    @GetMapping("/queues")
    @AnyRole
    List<CaseSettings.Queue> queues() {
        return settings.queues();
    }

    @PutMapping("/queues/{code}")
    CaseSettings.Queue saveQueue(@PathVariable String code, @RequestBody CaseSettings.Queue queue) {
        return settings.saveQueue(new CaseSettings.Queue(code, queue.name(), queue.strategy(), queue.peerFunction(),
                queue.olaMinutes(), List.of()));
    }

    @GetMapping("/agents")
    List<CaseSettings.Agent> agents() {
        return settings.agents();
    }

    @PutMapping("/agents/{username}")
    @Operation(summary = "Set an agent's capacity, skills (languages, providers) and queues")
    CaseSettings.Agent saveAgent(@PathVariable String username, @RequestBody CaseSettings.Agent agent) {
        return settings.saveAgent(new CaseSettings.Agent(username, agent.capacity(), orEmpty(agent.languages()),
                orEmpty(agent.providers()), agent.active(), orEmpty(agent.queues())));
    }

    @GetMapping("/routing-rules")
    List<CaseSettings.RoutingRule> rules() {
        return settings.routingRules();
    }

    @PostMapping("/routing-rules")
    @ResponseStatus(HttpStatus.CREATED)
    CaseSettings.RoutingRule addRule(@RequestBody CaseSettings.RoutingRule rule) {
        return settings.addRoutingRule(rule);
    }

    @PutMapping("/routing-rules/{id}")
    @Operation(summary = "Change a routing rule's position, conditions, queue and priority")
    CaseSettings.RoutingRule updateRule(@PathVariable long id, @RequestBody CaseSettings.RoutingRule rule) {
        return settings.updateRoutingRule(new CaseSettings.RoutingRule(id, rule.position(), rule.category(), rule.market(),
                rule.language(), rule.provider(), rule.minAmountMinor(), rule.currency(), rule.queue(), rule.priority()));
    }

    @DeleteMapping("/routing-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRule(@PathVariable long id) {
        settings.deleteRoutingRule(id);
    }

    @GetMapping("/sla-policies")
    List<CaseSettings.SlaPolicy> policies() {
        return settings.policies();
    }

    @PostMapping("/sla-policies")
    @Operation(summary = "Create (id 0) or update an SLA policy; open cases' clocks are recomputed")
    CaseSettings.SlaPolicy savePolicy(@RequestBody CaseSettings.SlaPolicy policy) {
        return settings.savePolicy(policy);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
