package dev.paydesk.platform.web;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.platform.internal.SessionDirectory;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.platform.internal.UserService;
import dev.paydesk.platform.access.AdminOnly;

/** "Your sessions": where you are signed in, and signing out the others; administrators end a user's sessions. */
@Controller
class SessionsController {

    private final SessionDirectory sessions;
    private final UserService users;
    private final org.springframework.context.support.MessageSourceAccessor texts;

    SessionsController(SessionDirectory sessions, UserService users, org.springframework.context.MessageSource messages) {
        this.texts = new org.springframework.context.support.MessageSourceAccessor(messages);
        this.sessions = sessions;
        this.users = users;
    }

    @GetMapping("/account/sessions")
    String page(@AuthenticationPrincipal UserAccount me, HttpSession session, Model model) {
        model.addAttribute("sessions", sessions.sessions(me.username(), session.getId()));
        return "account/sessions";
    }

    @PostMapping("/account/sessions/{key}/end")
    String end(@AuthenticationPrincipal UserAccount me, @PathVariable String key, HttpSession session,
               RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", texts.getMessage(sessions.end(me.username(), key, session.getId())
                ? "flash.session.ended" : "flash.session.none"));
        return "redirect:/account/sessions";
    }

    @PostMapping("/account/sessions/end-others")
    String endOthers(@AuthenticationPrincipal UserAccount me, HttpSession session, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", texts.getMessage("flash.session.othersEnded",
                new Object[] {sessions.endOthers(me.username(), session.getId())}));
        return "redirect:/account/sessions";
    }

    @PostMapping("/admin/users/{id}/end-sessions")
    @AdminOnly
    String endAllFromUi(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", texts.getMessage("flash.session.allEnded", new Object[] {users.endAllSessions(id)}));
        return "redirect:/admin/users/" + id;
    }
}
