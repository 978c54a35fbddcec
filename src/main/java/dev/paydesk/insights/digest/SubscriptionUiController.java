package dev.paydesk.insights.digest;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.access.AnyRole;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.ListQuery;
import dev.paydesk.shared.NotFoundException;

/** My digest subscriptions: list (sortable, paged), subscribe, unsubscribe (confirmed). */
@Controller
@AnyRole
class SubscriptionUiController {

    private static final String HOME = "redirect:/insights/subscriptions";

    private final Subscriptions subscriptions;
    private final MarketCatalog markets;

    SubscriptionUiController(Subscriptions subscriptions, MarketCatalog markets) {
        this.subscriptions = subscriptions;
        this.markets = markets;
    }

    @GetMapping("/insights/subscriptions")
    String list(ListQuery list, Model model) {
        model.addAttribute("page", subscriptions.mine(list));
        model.addAttribute("markets", markets.markets().stream().filter(m -> CurrentUser.canAccessMarket(m.code())).toList());
        model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
        model.addAttribute("language", LocaleContextHolder.getLocale().getLanguage().equals("de") ? "de" : "en");
        return "insights/subscriptions";
    }

    @PostMapping("/insights/subscriptions")
    String subscribe(@RequestParam(defaultValue = "DAILY") String frequency,
                     @RequestParam(required = false) @Nullable List<String> markets,
                     @RequestParam(required = false) @Nullable String timeZone,
                     @RequestParam(required = false) @Nullable String language,
                     @RequestParam(required = false) @Nullable String sendHour,
                     @RequestParam(defaultValue = "false") boolean targetAlerts, RedirectAttributes redirect) {
        return step(redirect, "insights.subscriptions.subscribed", () -> subscriptions.create(new Subscriptions.Form(frequency,
                markets, timeZone, language, hour(sendHour), targetAlerts), LocaleContextHolder.getLocale()));
    }

    @PostMapping("/insights/subscriptions/{id}/delete")
    String unsubscribe(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirmed,
                       RedirectAttributes redirect) {
        return step(redirect, "insights.subscriptions.deleted", () -> {
            if (!confirmed) {
                throw new InvalidInputException("confirmed", "please confirm the unsubscription");
            }
            subscriptions.delete(id);
        });
    }

    private static @Nullable Integer hour(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("sendHour", "the hour to send is a whole number 0 to 23");
        }
    }

    private static String step(RedirectAttributes redirect, String okKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flashKey", okKey);
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return HOME;
    }
}
