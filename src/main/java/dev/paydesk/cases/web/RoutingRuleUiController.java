package dev.paydesk.cases.web;

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
import dev.paydesk.cases.Priority;
import dev.paydesk.shared.Money;
import dev.paydesk.shared.NotFoundException;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;

/** Routing rules: listed by position, edited by clicking, deleted after a confirmation. */
@Controller
@ProcessManagerOrAdmin
class RoutingRuleUiController {

    private final CaseSettings settings;
    private final MessageSource messages;

    RoutingRuleUiController(CaseSettings settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/cases/settings/rules")
    String list(Model model, Locale locale) {
        return page(model, new SettingsForm(messages, locale, Map.of()).set("id", 0).set("position", 10));
    }

    @GetMapping("/cases/settings/rules/{id}")
    String edit(@PathVariable long id, Model model, Locale locale) {
        CaseSettings.RoutingRule r = rule(id);
        SettingsForm form = new SettingsForm(messages, locale, Map.of()).set("id", r.id()).set("position", r.position())
                .set("category", r.category()).set("market", r.market()).set("language", r.language())
                .set("provider", r.provider()).set("currency", r.currency()).set("queue", r.queue()).set("priority", r.priority());
        if (r.minAmountMinor() != null && r.currency() != null) {
            form.set("minAmount", dev.paydesk.shared.MoneyParser.toText(new Money(r.minAmountMinor(), java.util.Currency.getInstance(r.currency())), locale));
        }
        return page(model, form);
    }

    @PostMapping("/cases/settings/rules")
    String save(@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect) {
        SettingsForm form = new SettingsForm(messages, locale, params);
        long id = form.integer("id", 0);
        Integer position = form.integer("position");
        if (position == null && !form.hasErrors()) {
            form.reject("position", messages.getMessage("settings.error.required", null, locale));
        }
        String queue = form.required("queue");
        Priority priority = form.choice("priority", Priority.class);
        String currency = upper(form.text("currency"));
        form.set("currency", currency);
        Money min = form.amount("minAmount", "currency");
        if (min == null && currency != null && form.text("minAmount") == null) {
            form.reject("minAmount", messages.getMessage("settings.rules.amountNeedsBoth", null, locale));
        }
        if (form.submit(() -> {
            CaseSettings.RoutingRule rule = new CaseSettings.RoutingRule(id, position, form.text("category"),
                    upper(form.text("market")), lower(form.text("language")), upper(form.text("provider")),
                    min == null ? null : min.minor(), min == null ? null : currency, queue, priority);
            return id == 0 ? settings.addRoutingRule(rule) : settings.updateRoutingRule(rule);
        }).isPresent()) {
            redirect.addFlashAttribute("flash", messages.getMessage("settings.rules.saved", null, locale));
            return "redirect:/cases/settings/rules";
        }
        return page(model, form);
    }

    @PostMapping("/cases/settings/rules/{id}/delete")
    String delete(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        settings.deleteRoutingRule(id);
        redirect.addFlashAttribute("flash", messages.getMessage("settings.rules.deleted", null, locale));
        return "redirect:/cases/settings/rules";
    }

    private CaseSettings.RoutingRule rule(long id) {
        return settings.routingRules().stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("routing rule " + id + " not found"));
    }

    private String page(Model model, SettingsForm form) {
        java.util.List<CaseSettings.RoutingRule> rules = settings.routingRules();
        java.util.Map<Long, String> amounts = new java.util.HashMap<>();
        rules.stream().filter(r -> r.minAmountMinor() != null && r.currency() != null).forEach(r -> amounts.put(r.id(),
                dev.paydesk.shared.MoneyParser.toText(new Money(r.minAmountMinor(), java.util.Currency.getInstance(r.currency())), form.locale())));
        model.addAttribute("rules", rules);
        model.addAttribute("amounts", amounts);
        model.addAttribute("queues", settings.queues());
        model.addAttribute("priorities", Priority.values());
        return form.render(model, "rules", !"0".equals(form.getValues().getOrDefault("id", "0")));
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
