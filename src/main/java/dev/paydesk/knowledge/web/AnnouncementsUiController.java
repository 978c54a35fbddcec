package dev.paydesk.knowledge.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.knowledge.internal.Announcements;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.NavItem;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.access.AnyRole;
import dev.paydesk.platform.access.ManagerAdminOrAuditor;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;
import dev.paydesk.shared.InvalidInputException;

/**
 * Announcements in the UI: everyone sees their unread ones and confirms reading; process managers and
 * admins publish one to chosen roles, markets and suppliers; managers and auditors see read-confirmation
 * rates per market and supplier and who has read.
 */
@Controller
@AnyRole
class AnnouncementsUiController {

    private static final int PAGE = 20;

    private final Announcements announcements;
    private final dev.paydesk.platform.SupplierDirectory supplierDirectory;

    AnnouncementsUiController(Announcements announcements, dev.paydesk.platform.SupplierDirectory supplierDirectory) {
        this.announcements = announcements;
        this.supplierDirectory = supplierDirectory;
    }

    @GetMapping("/knowledge/announcements")
    String page(@RequestParam(defaultValue = "rate") String sort, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("unread", announcements.unread());
        model.addAttribute("roles", Role.values());
        model.addAttribute("suppliers", supplierDirectory.suppliers());
        boolean manager = CurrentUser.principal().map(p -> p.roles().stream().anyMatch(Set.of(Role.REALTIME_MANAGER,
                Role.PROCESS_MANAGER, Role.AUDITOR, Role.ADMIN)::contains)).orElse(false);
        if (manager) {
            Comparator<Announcements.ReadRate> order = switch (sort) {
                case "title" -> Comparator.comparing(Announcements.ReadRate::title, String.CASE_INSENSITIVE_ORDER);
                case "targeted" -> Comparator.comparingInt(Announcements.ReadRate::targeted).reversed();
                default -> Comparator.comparingDouble(Announcements.ReadRate::rate);
            };
            List<Announcements.ReadRate> rates = announcements.readRates().stream().sorted(order).toList();
            int p = Math.max(0, page);
            model.addAttribute("rates", rates.stream().skip((long) p * PAGE).limit(PAGE).toList());
            model.addAttribute("hasNext", rates.size() > (p + 1) * PAGE);
            model.addAttribute("page", p);
            model.addAttribute("sort", sort);
        }
        return "knowledge/announcements";
    }

    @GetMapping("/knowledge/announcements/{id}")
    @ManagerAdminOrAuditor
    String readers(@PathVariable UUID id, Model model) {
        model.addAttribute("announcement", announcements.announcement(id));
        model.addAttribute("readers", announcements.readers(id));
        return "knowledge/announcement";
    }

    @PostMapping("/knowledge/announcements")
    @ProcessManagerOrAdmin
    String publish(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
                   @RequestParam(required = false) @Nullable List<String> roles,
                   @RequestParam(defaultValue = "") String markets,
                   @RequestParam(required = false) @Nullable List<String> suppliers,
                   @RequestParam(defaultValue = "") String articleId, RedirectAttributes redirect) {
        try {
            announcements.publish(title, body, roles, markets.isBlank() ? List.of() : List.of(markets.trim().split("\\s*,\\s*")),
                    suppliers, articleId.isBlank() ? null : articleId.trim());
            redirect.addFlashAttribute("flashKey", "knowledge.announcement.published");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("draftTitle", title);
            redirect.addFlashAttribute("draftBody", body);
        }
        return "redirect:/knowledge/announcements";
    }

    @PostMapping("/knowledge/announcements/{id}/read")
    String confirm(@PathVariable UUID id, RedirectAttributes redirect) {
        announcements.confirmRead(id);
        redirect.addFlashAttribute("flashKey", "knowledge.announcement.confirmed");
        return "redirect:/knowledge/announcements";
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavItem announcementsNav() {
            return new NavItem("Work", "Announcements", "/knowledge/announcements", "megaphone", Set.of(Role.values()), 51);
        }
    }
}
