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

    @PostMapping("/cases/settings/agents")
    String agent(@RequestParam String username, @RequestParam int capacity, @RequestParam(defaultValue = "") String languages,
                 @RequestParam(defaultValue = "") String providers, @RequestParam(defaultValue = "") String queues,
                 @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
        return run(redirect, () -> settings.saveAgent(new CaseSettings.Agent(username.strip(), capacity, split(languages),
                split(providers), active, split(queues))), "Agent " + username + " saved");
    }

    @PostMapping("/cases/settings/rules")
    String rule(@RequestParam int position, @RequestParam(required = false) @Nullable String category,
                @RequestParam(required = false) @Nullable String market, @RequestParam(required = false) @Nullable String language,
                @RequestParam(required = false) @Nullable String provider, @RequestParam(required = false) @Nullable Long minAmountMinor,
                @RequestParam(required = false) @Nullable String currency, @RequestParam String queue,
                @RequestParam(required = false) @Nullable Priority priority, RedirectAttributes redirect) {
        return run(redirect, () -> settings.addRoutingRule(new CaseSettings.RoutingRule(0, position, blank(category), blank(market),
                blank(language), blank(provider), minAmountMinor, blank(currency), queue, priority)), "Routing rule added");
    }

    @PostMapping("/cases/settings/rules/delete")
    String deleteRule(@RequestParam long id, RedirectAttributes redirect) {
        return run(redirect, () -> settings.deleteRoutingRule(id), "Routing rule deleted");
    }

    @PostMapping("/cases/settings/policies")
    String policy(@RequestParam(defaultValue = "0") long id, @RequestParam String name,
                  @RequestParam(required = false) @Nullable String category, @RequestParam(required = false) @Nullable String market,
                  @RequestParam(required = false) @Nullable Priority priority,
                  @RequestParam(required = false) @Nullable Integer firstResponseMinutes,
                  @RequestParam(required = false) @Nullable Integer nextResponseMinutes,
                  @RequestParam(required = false) @Nullable Integer resolutionMinutes,
                  @RequestParam(defaultValue = "60") int warnBeforeMinutes,
                  @RequestParam(required = false) @Nullable List<WaitingReason> pauseReasons,
                  @RequestParam(defaultValue = "FIRST_REPLY") FirstResponseRule firstResponseRule, RedirectAttributes redirect) {
        Set<WaitingReason> reasons = pauseReasons == null || pauseReasons.isEmpty() ? Set.of() : EnumSet.copyOf(pauseReasons);
        return run(redirect, () -> settings.savePolicy(new CaseSettings.SlaPolicy(id, name, blank(category), blank(market), priority,
                firstResponseMinutes, nextResponseMinutes, resolutionMinutes, warnBeforeMinutes, reasons, firstResponseRule)),
                "SLA policy saved; open cases' clocks were recomputed");
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

    private static List<String> split(String s) {
        return Arrays.stream(s.split("[,\\s]+")).filter(x -> !x.isBlank()).toList();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
