package dev.paydesk.cases.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.cases.CaseSettings;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.FindingCaseIntake;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;
import dev.paydesk.platform.access.AdminOnly;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;

/**
 * The case desk settings for process managers: an overview linking one page per kind of setting, and the
 * pages for queues, agents with their skills, and the CSAT results. SLA policies, routing rules, macros,
 * SOPs and webhooks have their own controllers.
 */
@Controller
@ProcessManagerOrAdmin
class CaseSettingsUiController {

    private static final List<String> STRATEGIES = List.of("MANUAL", "ROUND_ROBIN", "LEAST_LOADED");
    private static final List<String> PEER_FUNCTIONS = List.of("TECH", "RISK", "FINANCE", "PRODUCT");

    private final CaseSettings settings;
    private final CaseWorkbench workbench;
    private final FindingCaseIntake findings;
    private final MessageSource messages;

    CaseSettingsUiController(CaseSettings settings, CaseWorkbench workbench, FindingCaseIntake findings, MessageSource messages) {
        this.settings = settings;
        this.workbench = workbench;
        this.findings = findings;
        this.messages = messages;
    }

    @GetMapping("/cases/settings")
    String overview(Model model) {
        model.addAttribute("counts", Map.of("policies", settings.policies().size(), "rules", settings.routingRules().size(),
                "queues", settings.queues().size(), "agents", settings.agents().size()));
        model.addAttribute("findingIntake", findings.state());
        model.addAttribute("settingsPage", "overview");
        return "cases/settings/overview";
    }

    @PostMapping("/cases/settings/finding-intake/resume")
    @AdminOnly
    String resumeFindingIntake(Locale locale, RedirectAttributes redirect) {
        findings.resume();
        redirect.addFlashAttribute("flash", messages.getMessage("settings.findingIntake.resumed", null, locale));
        return "redirect:/cases/settings";
    }

    @GetMapping("/cases/settings/queues")
    String queues(Model model, Locale locale) {
        return queuePage(model, new SettingsForm(messages, locale, Map.of()).set("strategy", "LEAST_LOADED"), false);
    }

    @GetMapping("/cases/settings/queues/{code}")
    String queue(@PathVariable String code, Model model, Locale locale) {
        CaseSettings.Queue q = settings.queues().stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("queue " + code + " not found"));
        return queuePage(model, new SettingsForm(messages, locale, Map.of()).set("code", q.code()).set("name", q.name())
                .set("strategy", q.strategy()).set("peerFunction", q.peerFunction()).set("olaMinutes", q.olaMinutes()), true);
    }

    @PostMapping("/cases/settings/queues")
    String saveQueue(@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect) {
        SettingsForm form = new SettingsForm(messages, locale, params);
        String code = form.required("code");
        String name = form.required("name");
        String strategy = form.required("strategy");
        String peer = form.text("peerFunction");
        Integer ola = form.integer("olaMinutes");
        if (peer != null && !PEER_FUNCTIONS.contains(peer)) {
            form.reject("peerFunction", messages.getMessage("settings.error.choice", new Object[] {peer}, locale));
        }
        if (ola != null && ola <= 0) {
            form.reject("olaMinutes", messages.getMessage("settings.error.positive", null, locale));
        }
        if (form.submit(() -> settings.saveQueue(new CaseSettings.Queue(code, name, strategy, peer, ola, List.of()))).isPresent()) {
            redirect.addFlashAttribute("flash", messages.getMessage("settings.queues.saved", new Object[] {name}, locale));
            return "redirect:/cases/settings/queues";
        }
        return queuePage(model, form, "true".equals(params.get("editing")));
    }

    private String queuePage(Model model, SettingsForm form, boolean editing) {
        model.addAttribute("queues", settings.queues());
        model.addAttribute("strategies", STRATEGIES);
        model.addAttribute("peerFunctions", PEER_FUNCTIONS);
        return form.render(model, "queues", editing);
    }

    @GetMapping("/cases/settings/agents")
    String agents(Model model, Locale locale) {
        return agentPage(model, new SettingsForm(messages, locale, Map.of()).set("capacity", 20).set("active", "true"), false);
    }

    @GetMapping("/cases/settings/agents/{username}")
    String agent(@PathVariable String username, Model model, Locale locale) {
        CaseSettings.Agent a = settings.agents().stream().filter(x -> x.username().equals(username)).findFirst()
                .orElseThrow(() -> new NotFoundException("agent " + username + " not found"));
        return agentPage(model, new SettingsForm(messages, locale, Map.of()).set("username", a.username())
                .set("capacity", a.capacity()).set("languages", String.join(", ", a.languages()))
                .set("providers", String.join(", ", a.providers())).set("queues", String.join(",", a.queues()))
                .set("active", a.active()), true);
    }

    @PostMapping("/cases/settings/agents")
    String saveAgent(@RequestParam Map<String, String> params, @RequestParam(required = false) List<String> queues,
                     Model model, Locale locale, RedirectAttributes redirect) {
        SettingsForm form = new SettingsForm(messages, locale, params).set("queues", queues == null ? "" : String.join(",", queues))
                .set("active", "true".equals(params.get("active")));
        String username = form.required("username");
        Integer capacity = form.integer("capacity");
        if (capacity == null && !form.getErrors().containsKey("capacity")) {
            form.reject("capacity", messages.getMessage("settings.error.required", null, locale));
        }
        if (form.submit(() -> {
            try {
                return settings.saveAgent(new CaseSettings.Agent(username, capacity, form.list("languages"), form.list("providers"),
                        "true".equals(params.get("active")), queues == null ? List.of() : queues));
            } catch (NotFoundException e) {
                throw new InvalidInputException("username", messages.getMessage("settings.agents.unknownUser", new Object[] {username}, locale));
            }
        }).isPresent()) {
            redirect.addFlashAttribute("flash", messages.getMessage("settings.agents.saved", new Object[] {username}, locale));
            return "redirect:/cases/settings/agents";
        }
        return agentPage(model, form, "true".equals(params.get("editing")));
    }

    private String agentPage(Model model, SettingsForm form, boolean editing) {
        model.addAttribute("agents", settings.agents());
        model.addAttribute("queues", settings.queues());
        return form.render(model, "agents", editing);
    }

    @GetMapping("/cases/settings/csat")
    String csat(@RequestParam(defaultValue = "queue") String by, Model model) {
        String dimension = List.of("queue", "agent", "category").contains(by) ? by : "queue";
        List<CaseWorkbench.CsatRow> rows = workbench.csatBy(dimension);
        long sent = rows.stream().mapToLong(CaseWorkbench.CsatRow::sent).sum();
        long answered = rows.stream().mapToLong(CaseWorkbench.CsatRow::answered).sum();
        double average = answered == 0 ? 0 : rows.stream().mapToDouble(r -> r.averageRating() * r.answered()).sum() / answered;
        model.addAttribute("rows", rows);
        model.addAttribute("by", dimension);
        model.addAttribute("total", new CaseWorkbench.CsatRow("", sent, answered, average));
        model.addAttribute("settingsPage", "csat");
        return "cases/settings/csat";
    }
}
