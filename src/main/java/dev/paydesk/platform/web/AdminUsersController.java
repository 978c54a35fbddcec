package dev.paydesk.platform.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.springframework.security.access.AccessDeniedException;

import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.internal.LoginThrottle;
import dev.paydesk.platform.internal.MarketService;
import dev.paydesk.platform.internal.UserAffiliationService;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.platform.internal.UserService;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;

/** Admin pages for users (the whole of {@code /admin/**} requires the admin role). */
@Controller
@RequestMapping("/admin/users")
class AdminUsersController {

    private final UserService users;
    private final MarketService markets;
    private final LoginThrottle logins;
    private final UserAffiliationService affiliations;
    private final org.springframework.context.support.MessageSourceAccessor texts;

    AdminUsersController(UserService users, MarketService markets, LoginThrottle logins,
                         UserAffiliationService affiliations, org.springframework.context.MessageSource messages) {
        this.texts = new org.springframework.context.support.MessageSourceAccessor(messages);
        this.users = users;
        this.markets = markets;
        this.logins = logins;
        this.affiliations = affiliations;
    }

    record UserForm(@Nullable String username, @Nullable String displayName, @Nullable String email,
                    @Nullable List<String> roles, @Nullable List<String> markets, @Nullable Boolean allMarkets,
                    @Nullable String supplier, @Nullable String teams) {
        UserService.UserSpec spec() {
            return new UserService.UserSpec(username == null ? "" : username, displayName == null ? "" : displayName,
                    email, roles == null ? List.of() : roles, markets == null ? List.of() : markets,
                    Boolean.TRUE.equals(allMarkets));
        }
    }

    private static final java.util.Map<String, java.util.Comparator<UserAccount>> SORTS = java.util.Map.of(
            "user", dev.paydesk.shared.ListQuery.byText(UserAccount::displayName),
            "username", dev.paydesk.shared.ListQuery.byText(UserAccount::username),
            "status", java.util.Comparator.comparing(UserAccount::enabled));

    @GetMapping
    String list(dev.paydesk.shared.ListQuery list, Model model) {
        model.addAttribute("page", list.page(users.managed().stream()
                .filter(u -> (list.filter("role") == null || u.roles().stream().anyMatch(r -> list.is("role", r)))
                        && list.matches(u.username(), u.displayName(), u.email(), u.markets()))
                .toList(), SORTS));
        model.addAttribute("roles", dev.paydesk.platform.Role.values());
        model.addAttribute("lockedUntil", logins.locks().stream().filter(l -> l.kind() == LoginThrottle.Kind.ACCOUNT)
                .collect(java.util.stream.Collectors.toMap(LoginThrottle.Lock::key, LoginThrottle.Lock::lockedUntil)));
        return "admin/users";
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        logins.unlock(LoginThrottle.Kind.ACCOUNT, users.requireManaged(id).username());
        redirect.addFlashAttribute("flash", texts.getMessage("flash.user.unlocked"));
        return "redirect:/admin/users";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        return form(model, new UserForm("", "", "", List.of("AGENT"), List.of(), false, "", ""), null, true);
    }

    @PostMapping
    String create(UserForm form, Model model, RedirectAttributes redirect) {
        try {
            UserAffiliationService.Affiliation affiliation = affiliations.validate(form.supplier(), form.teams());
            String password = UserService.generatePassword();
            UserAccount created = users.create(form.spec(), password, true);
            affiliations.set(created.id(), affiliation);
            redirect.addFlashAttribute("oneTimePassword", password);
            redirect.addFlashAttribute("oneTimeUser", created.username());
            return "redirect:/admin/users";
        } catch (InvalidInputException | ConflictException | AccessDeniedException e) {
            model.addAttribute("error", e.getMessage());
            return form(model, form, null, true);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        UserAccount u = users.requireManaged(id);
        UserAffiliationService.Affiliation a = affiliations.of(id);
        return form(model, new UserForm(u.username(), u.displayName(), u.email(),
                u.roles().stream().map(Enum::name).toList(), List.copyOf(u.markets()), u.allMarkets(),
                a.supplier().orElse(""), String.join(", ", a.teams())), id, u.enabled());
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, UserForm form, Model model, RedirectAttributes redirect) {
        try {
            UserAffiliationService.Affiliation affiliation = affiliations.validate(form.supplier(), form.teams());
            users.update(id, form.spec());
            affiliations.set(id, affiliation);
            redirect.addFlashAttribute("flash", texts.getMessage("flash.user.saved"));
            return "redirect:/admin/users";
        } catch (InvalidInputException | ConflictException | AccessDeniedException e) {
            model.addAttribute("error", e.getMessage());
            return form(model, form, id, users.requireManaged(id).enabled());
        }
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable UUID id, boolean enabled, RedirectAttributes redirect) {
        users.setEnabled(id, enabled);
        redirect.addFlashAttribute("flash", texts.getMessage(enabled ? "flash.user.enabled" : "flash.user.disabled"));
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/reset-password")
    String reset(@PathVariable UUID id, RedirectAttributes redirect) {
        String password = users.resetPassword(id);
        redirect.addFlashAttribute("oneTimePassword", password);
        redirect.addFlashAttribute("oneTimeUser", users.requireManaged(id).username());
        return "redirect:/admin/users";
    }

    private String form(Model model, UserForm form, @Nullable UUID id, boolean enabled) {
        model.addAttribute("form", form);
        model.addAttribute("userId", id);
        model.addAttribute("enabled", enabled);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("allSuppliers", affiliations.suppliers());
        model.addAttribute("allMarkets", markets.markets().stream().filter(m -> CurrentUser.canAccessMarket(m.code())).toList());
        return "admin/user-form";
    }
}
