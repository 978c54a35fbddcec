package dev.paydesk.cases.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.cases.CaseWebhooks;
import dev.paydesk.platform.access.AdminOnly;

/** Outbound webhook targets and their delivery log (admins, as on the API). */
@Controller
@AdminOnly
class WebhooksUiController {

    private final CaseWebhooks webhooks;
    private final MessageSource messages;

    WebhooksUiController(CaseWebhooks webhooks, MessageSource messages) {
        this.webhooks = webhooks;
        this.messages = messages;
    }

    @GetMapping("/cases/settings/webhooks")
    String page(@RequestParam(required = false) @Nullable UUID webhook, Model model, Locale locale) {
        return page(webhook, model, new SettingsForm(messages, locale, Map.of()).set("events", "*"));
    }

    @PostMapping("/cases/settings/webhooks")
    String subscribe(@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect) {
        SettingsForm form = new SettingsForm(messages, locale, params);
        String url = form.required("url");
        List<String> events = form.list("events");
        var created = form.submit(() -> webhooks.subscribe(url, events));
        if (created.isPresent()) {
            redirect.addFlashAttribute("flash", messages.getMessage("settings.webhooks.created", null, locale));
            redirect.addFlashAttribute("secret", created.get().secret());
            return "redirect:/cases/settings/webhooks";
        }
        return page(null, model, form);
    }

    @PostMapping("/cases/settings/webhooks/{id}/deactivate")
    String deactivate(@PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
        webhooks.deactivate(id);
        redirect.addFlashAttribute("flash", messages.getMessage("settings.webhooks.deactivated", null, locale));
        return "redirect:/cases/settings/webhooks";
    }

    private String page(@Nullable UUID webhook, Model model, SettingsForm form) {
        model.addAttribute("webhooks", webhooks.subscriptions());
        model.addAttribute("deliveries", webhooks.deliveries(webhook, 100));
        model.addAttribute("selected", webhook);
        return form.render(model, "webhooks", false);
    }
}
