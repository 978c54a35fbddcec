package dev.paydesk.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.MarketService;
import dev.paydesk.platform.internal.SingleSignOn;
import dev.paydesk.platform.internal.SsoRule;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.platform.access.AdminOnly;

/** The sign-on rules page: every administrator reads them, an all-markets administrator changes them. */
@Controller
@RequestMapping("/admin/sso-rules")
@AdminOnly
class AdminSsoRulesController {

    private final SingleSignOn sso;
    private final MarketService markets;

    AdminSsoRulesController(SingleSignOn sso, MarketService markets) {
        this.sso = sso;
        this.markets = markets;
    }

    /** The add-a-rule form. */
    record RuleForm(@Nullable String provider, @Nullable String claim, @Nullable String value,
                    @Nullable List<String> roles, @Nullable List<String> markets, @Nullable Boolean allMarkets) {
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("rules", sso.rules());
        model.addAttribute("mayChange", CurrentUser.principal().map(p -> p.allMarkets()).orElse(false));
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("allMarkets", markets.markets());
        return "admin/sso-rules";
    }

    @PostMapping
    String add(RuleForm form, RedirectAttributes redirect) {
        return change(redirect, rules -> rules.add(new SsoRule(form.provider() == null ? SsoRule.ANY_PROVIDER
                : form.provider(), form.claim(), form.value(),
                form.roles() == null ? Set.of() : Set.copyOf(form.roles().stream().map(Role::parse).toList()),
                form.markets() == null ? Set.of() : Set.copyOf(form.markets()), Boolean.TRUE.equals(form.allMarkets()))));
    }

    @PostMapping("/{index}/delete")
    String delete(@PathVariable int index, RedirectAttributes redirect) {
        return change(redirect, rules -> {
            if (index < 0 || index >= rules.size()) {
                throw new InvalidInputException("index", "there is no rule " + (index + 1));
            }
            rules.remove(index);
        });
    }

    private String change(RedirectAttributes redirect, java.util.function.Consumer<List<SsoRule>> edit) {
        try {
            List<SsoRule> rules = new ArrayList<>(sso.rules());
            edit.accept(rules);
            sso.replaceRules(rules);
        } catch (InvalidInputException | AccessDeniedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/sso-rules";
    }
}
