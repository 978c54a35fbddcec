package dev.paydesk.cases.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.cases.CaseSettings;
import dev.paydesk.cases.FirstResponseRule;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.shared.NotFoundException;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;

/** SLA policies: a list, and a form opened by clicking a policy (never by typing its id). */
@Controller
@ProcessManagerOrAdmin
class SlaPolicyUiController {

    private final CaseSettings settings;
    private final MessageSource messages;

    SlaPolicyUiController(CaseSettings settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/cases/settings/policies")
    String list(Model model, Locale locale) {
        return page(model, new SettingsForm(messages, locale, Map.of()).set("id", 0).set("warnBeforeMinutes", 60)
                .set("pauseReasons", "CUSTOMER,PROVIDER").set("firstResponseRule", FirstResponseRule.FIRST_REPLY), false);
    }

    @GetMapping("/cases/settings/policies/{id}")
    String edit(@PathVariable long id, Model model, Locale locale) {
        CaseSettings.SlaPolicy p = settings.policies().stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("SLA policy " + id + " not found"));
        SettingsForm form = new SettingsForm(messages, locale, Map.of()).set("id", p.id()).set("name", p.name())
                .set("category", p.category()).set("market", p.market()).set("priority", p.priority())
                .set("firstResponseMinutes", p.firstResponseMinutes()).set("nextResponseMinutes", p.nextResponseMinutes())
                .set("resolutionMinutes", p.resolutionMinutes()).set("warnBeforeMinutes", p.warnBeforeMinutes())
                .set("pauseReasons", String.join(",", p.pauseReasons().stream().map(Enum::name).sorted().toList()))
                .set("firstResponseRule", p.firstResponseRule());
        return page(model, form, true);
    }

    @PostMapping("/cases/settings/policies")
    String save(@RequestParam Map<String, String> params, @RequestParam(required = false) @Nullable List<String> pauseReasons,
                Model model, Locale locale, RedirectAttributes redirect) {
        SettingsForm form = new SettingsForm(messages, locale, params)
                .set("pauseReasons", pauseReasons == null ? "" : String.join(",", pauseReasons));
        long id = form.integer("id", 0);
        String name = form.required("name");
        Priority priority = form.choice("priority", Priority.class);
        Integer first = form.integer("firstResponseMinutes");
        Integer next = form.integer("nextResponseMinutes");
        Integer resolution = form.integer("resolutionMinutes");
        int warn = form.integer("warnBeforeMinutes", 60);
        FirstResponseRule rule = form.choice("firstResponseRule", FirstResponseRule.class);
        Set<WaitingReason> reasons = EnumSet.noneOf(WaitingReason.class);
        form.list("pauseReasons").forEach(r -> {
            try {
                reasons.add(WaitingReason.valueOf(r));
            } catch (IllegalArgumentException e) {
                form.reject("pauseReasons", messages.getMessage("settings.error.choice", new Object[] {r}, locale));
            }
        });
        String market = form.text("market");
        var saved = form.submit(() -> settings.savePolicy(new CaseSettings.SlaPolicy(id, name, form.text("category"),
                market == null ? null : market.toUpperCase(Locale.ROOT), priority, first, next, resolution, warn, reasons, rule)));
        if (saved.isPresent()) {
            redirect.addFlashAttribute("flash", messages.getMessage("settings.policies.saved", new Object[] {saved.get().name()}, locale));
            return "redirect:/cases/settings/policies";
        }
        return page(model, form, id != 0);
    }

    private String page(Model model, SettingsForm form, boolean editing) {
        model.addAttribute("policies", settings.policies());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("firstResponseRules", FirstResponseRule.values());
        model.addAttribute("waitingReasons", WaitingReason.values());
        return form.render(model, "policies", editing);
    }
}
