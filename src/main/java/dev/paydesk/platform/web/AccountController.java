package dev.paydesk.platform.web;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.platform.internal.ApiTokenService;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.platform.internal.UserService;
import dev.paydesk.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The signed-in user's own password and API tokens. */
@Controller
class AccountController {

    private final UserService users;
    private final ApiTokenService tokens;
    private final org.springframework.context.support.MessageSourceAccessor texts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountController(UserService users, ApiTokenService tokens, org.springframework.context.MessageSource messages) {
        this.texts = new org.springframework.context.support.MessageSourceAccessor(messages);
        this.users = users;
        this.tokens = tokens;
    }

    @GetMapping("/account/password")
    String passwordPage() {
        return "account/password";
    }

    record PasswordForm(String currentPassword, String newPassword, String repeatPassword) {
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal UserAccount me, PasswordForm form, Model model,
                          RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        try {
            if (form.newPassword() == null || !form.newPassword().equals(form.repeatPassword())) {
                throw new InvalidInputException("repeatPassword", "the two new passwords differ");
            }
            users.changePassword(me.id(), form.currentPassword(), form.newPassword());
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return "account/password";
        }
        UserAccount fresh = users.require(me.id());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        redirect.addFlashAttribute("flash", texts.getMessage("flash.account.passwordChanged"));
        return "redirect:/";
    }

    @GetMapping("/account/tokens")
    String tokens(@AuthenticationPrincipal UserAccount me, Model model) {
        model.addAttribute("tokens", tokens.tokens(me.id()));
        return "account/tokens";
    }

    @PostMapping("/account/tokens")
    String issue(@AuthenticationPrincipal UserAccount me, String name, @Nullable LocalDate expires, Model model) {
        try {
            var issued = tokens.issue(me.id(), name,
                    expires == null ? null : expires.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            model.addAttribute("issued", issued.token());
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("tokens", tokens.tokens(me.id()));
        return "account/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal UserAccount me, @PathVariable java.util.UUID id, RedirectAttributes redirect) {
        tokens.revoke(me.id(), id);
        redirect.addFlashAttribute("flash", texts.getMessage("flash.account.tokenRevoked"));
        return "redirect:/account/tokens";
    }
}
