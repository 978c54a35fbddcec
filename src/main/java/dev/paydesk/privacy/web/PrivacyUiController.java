package dev.paydesk.privacy.web;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.platform.NavItem;
import dev.paydesk.platform.Role;
import dev.paydesk.privacy.DataKind;
import dev.paydesk.privacy.internal.RetentionService;
import dev.paydesk.privacy.internal.SubjectRequests;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;

/** The privacy page: retention periods with a dry run and a run, erasure requests to decide, legal holds. */
@Controller
@ProcessManagerOrAdmin
class PrivacyUiController {

    private final RetentionService retention;
    private final SubjectRequests requests;

    PrivacyUiController(RetentionService retention, SubjectRequests requests) {
        this.retention = retention;
        this.requests = requests;
    }

    @GetMapping("/privacy")
    String page(Model model) {
        model.addAttribute("settings", retention.settings());
        model.addAttribute("requests", requests.requests(50));
        model.addAttribute("holds", requests.holdsList());
        return "privacy/privacy";
    }

    @PostMapping("/privacy/retention")
    String save(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<DataKind, @Nullable Integer> days = new EnumMap<>(DataKind.class);
        for (DataKind kind : DataKind.values()) {
            String value = form.get("days_" + kind.name());
            if (value != null) {
                try {
                    days.put(kind, value.isBlank() ? null : Integer.valueOf(value.strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("days_" + kind.name(), "a whole number of days, or empty");
                }
            }
        }
        return act(redirect, () -> retention.update(days), "privacy.retention.saved");
    }

    @PostMapping("/privacy/retention/preview")
    String preview(Model model) {
        PrivacyApiController.requireAllMarkets();
        model.addAttribute("report", retention.run(true));
        return page(model);
    }

    @PostMapping("/privacy/retention/run")
    String run(Model model) {
        PrivacyApiController.requireAllMarkets();
        model.addAttribute("report", retention.run(false));
        return page(model);
    }

    @PostMapping("/privacy/erasure-requests/{id}/approve")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, () -> requests.approve(id), "privacy.erasure.done");
    }

    @PostMapping("/privacy/erasure-requests/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return act(redirect, () -> requests.reject(id, note), "privacy.erasure.rejected");
    }

    private static String act(RedirectAttributes redirect, Runnable action, String okKey) {
        try {
            PrivacyApiController.requireAllMarkets();
            action.run();
            redirect.addFlashAttribute("flashKey", okKey);
        } catch (InvalidInputException | NotFoundException | ConflictException | AccessDeniedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/privacy";
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavItem privacyNav() {
            return new NavItem("Settings", "Privacy", "/privacy", "shield", Set.of(Role.PROCESS_MANAGER, Role.ADMIN), 40);
        }
    }
}
