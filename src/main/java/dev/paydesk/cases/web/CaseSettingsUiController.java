package dev.paydesk.cases.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import dev.paydesk.cases.CaseSettings;
import dev.paydesk.cases.FirstResponseRule;
import dev.paydesk.cases.CaseWebhooks;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;
import dev.paydesk.platform.access.AdminOnly;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;

/** Case desk settings page for process managers: agents, routing rules, SLA policies, macros, SOPs. */
@Controller
@ProcessManagerOrAdmin
class CaseSettingsUiController {

    private final CaseSettings settings;
    private final CaseWorkbench workbench;
    private final CaseWebhooks webhooks;
    private final dev.paydesk.cases.FindingCaseIntake findings;

    CaseSettingsUiController(CaseSettings settings, CaseWorkbench workbench, CaseWebhooks webhooks,
                             dev.paydesk.cases.FindingCaseIntake findings) {
        this.findings = findings;
        this.settings = settings;
        this.workbench = workbench;
        this.webhooks = webhooks;
    }

    @GetMapping("/cases/settings")
    String page(Model model) {
        model.addAttribute("queues", settings.queues());
        model.addAttribute("agents", settings.agents());
        model.addAttribute("rules", settings.routingRules());
        model.addAttribute("policies", settings.policies());
        model.addAttribute("macros", workbench.macros("en"));
        model.addAttribute("webhooks", webhooks.subscriptions());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("firstResponseRules", FirstResponseRule.values());
        model.addAttribute("csat", workbench.csatBy("queue"));
        model.addAttribute("findingIntake", findings.state());
        return "cases/settings";
    }

    @PostMapping("/cases/settings/finding-intake/resume")
    @AdminOnly
    String resumeFindingIntake(RedirectAttributes redirect) {
        return run(redirect, findings::resume, "Case creation from findings resumed");
    }

    /** An agent's routing profile; languages, providers and queues are one text each (comma or space separated). */
    record AgentForm(@NotNull String username, @NotNull Integer capacity, @Nullable String languages,
                     @Nullable String providers, @Nullable String queues, @Nullable Boolean active) {
        CaseSettings.Agent agent() {
            return new CaseSettings.Agent(username.strip(), capacity, split(languages), split(providers), Boolean.TRUE.equals(active),
                    split(queues));
        }
    }

    @PostMapping("/cases/settings/agents")
    String agent(@Valid AgentForm form, RedirectAttributes redirect) {
        return run(redirect, () -> settings.saveAgent(form.agent()), "Agent " + form.username() + " saved");
    }

    /** A routing rule; empty conditions match anything. */
    record RuleForm(@NotNull Integer position, @Nullable String category, @Nullable String market, @Nullable String language,
                    @Nullable String provider, @Nullable Long minAmountMinor, @Nullable String currency,
                    @NotNull String queue, @Nullable Priority priority) {
        CaseSettings.RoutingRule rule() {
            return new CaseSettings.RoutingRule(0, position, blank(category), blank(market), blank(language), blank(provider),
                    minAmountMinor, blank(currency), queue, priority);
        }
    }

    @PostMapping("/cases/settings/rules")
    String rule(@Valid RuleForm form, RedirectAttributes redirect) {
        return run(redirect, () -> settings.addRoutingRule(form.rule()), "Routing rule added");
    }

    @PostMapping("/cases/settings/rules/delete")
    String deleteRule(@RequestParam long id, RedirectAttributes redirect) {
        return run(redirect, () -> settings.deleteRoutingRule(id), "Routing rule deleted");
    }

    /** An SLA policy (id 0: a new one); warning 60 minutes before a breach and the first reply as first response unless given. */
    record PolicyForm(@Nullable Long id, @NotNull String name, @Nullable String category, @Nullable String market,
                      @Nullable Priority priority, @Nullable Integer firstResponseMinutes,
                      @Nullable Integer nextResponseMinutes, @Nullable Integer resolutionMinutes,
                      @Nullable Integer warnBeforeMinutes, @Nullable List<WaitingReason> pauseReasons,
                      @Nullable FirstResponseRule firstResponseRule) {
        CaseSettings.SlaPolicy policy() {
            Set<WaitingReason> reasons = pauseReasons == null || pauseReasons.isEmpty() ? Set.of() : EnumSet.copyOf(pauseReasons);
            return new CaseSettings.SlaPolicy(id == null ? 0 : id, name, blank(category), blank(market), priority, firstResponseMinutes,
                    nextResponseMinutes, resolutionMinutes, warnBeforeMinutes == null ? 60 : warnBeforeMinutes, reasons,
                    firstResponseRule == null ? FirstResponseRule.FIRST_REPLY : firstResponseRule);
        }
    }

    @PostMapping("/cases/settings/policies")
    String policy(@Valid PolicyForm form, RedirectAttributes redirect) {
        return run(redirect, () -> settings.savePolicy(form.policy()), "SLA policy saved; open cases' clocks were recomputed");
    }

    @PostMapping("/cases/settings/macros")
    String macro(@RequestParam String code, @RequestParam String language, @RequestParam String title, @RequestParam String body,
                 RedirectAttributes redirect) {
        return run(redirect, () -> workbench.saveMacro(new CaseWorkbench.Macro(code.strip(), language.strip(), title, body)),
                "Macro saved");
    }

    @PostMapping("/cases/settings/sops")
    String sop(@RequestParam String category, @RequestParam(required = false) @Nullable String market, @RequestParam String title,
               @RequestParam String steps, RedirectAttributes redirect) {
        List<String> lines = Arrays.stream(steps.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return run(redirect, () -> workbench.publishSop(category.strip(), blank(market), title, lines), "SOP published as a new version");
    }

    private static String run(RedirectAttributes redirect, Runnable action, String ok) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", ok);
        } catch (InvalidInputException | NotFoundException | IllegalArgumentException
                 | org.springframework.dao.DataIntegrityViolationException e) {
            redirect.addFlashAttribute("error", e instanceof org.springframework.dao.DataIntegrityViolationException
                    ? "That conflicts with an existing entry or refers to something unknown" : e.getMessage());
        }
        return "redirect:/cases/settings";
    }

    private static List<String> split(@Nullable String s) {
        return s == null ? List.of() : Arrays.stream(s.split("[,\\s]+")).filter(x -> !x.isBlank()).toList();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
