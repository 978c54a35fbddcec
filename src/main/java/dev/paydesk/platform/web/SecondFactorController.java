package dev.paydesk.platform.web;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import dev.paydesk.platform.internal.LoginThrottle;
import dev.paydesk.platform.internal.Passkeys;
import dev.paydesk.platform.internal.SecondFactorGate;
import dev.paydesk.platform.internal.SecondFactors;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;

/**
 * The second factor in the UI: the sign-in step that asks for a code, and the account page where a
 * user sets up their authenticator app and receives recovery codes. Wrong codes count as failed
 * sign-ins for the account (progressive delay and lockout, {@link LoginThrottle}).
 */
@Controller
class SecondFactorController {

    private final SecondFactors factors;
    private final LoginThrottle throttle;
    private final Passkeys passkeys;
    private final boolean passkeysEnabled;
    private final org.springframework.context.support.MessageSourceAccessor texts;

    SecondFactorController(SecondFactors factors, LoginThrottle throttle, Passkeys passkeys, Passkeys.Settings settings, org.springframework.context.MessageSource messages) {
        this.texts = new org.springframework.context.support.MessageSourceAccessor(messages);
        this.factors = factors;
        this.throttle = throttle;
        this.passkeys = passkeys;
        this.passkeysEnabled = Boolean.TRUE.equals(settings.enabled());
    }

    @ModelAttribute
    void factorStatus(@AuthenticationPrincipal @Nullable UserAccount me, Model model) {
        if (me != null) {
            SecondFactors.Status status = factors.status(me);
            model.addAttribute("status", new SecondFactors.Status(status.enrolled(), status.required(),
                    status.recoveryCodesLeft(), passkeysEnabled && status.passkey()));
            model.addAttribute("passkeysEnabled", passkeysEnabled);
            model.addAttribute("passkeyList", passkeys.list(me.username()));
        }
    }

    @GetMapping("/login/second-factor")
    String codePage() {
        return "login-second-factor";
    }

    /** Removes one of the signed-in user's own passkeys (audited); asked to confirm on the page. */
    @PostMapping("/account/passkeys/remove")
    String removePasskey(@AuthenticationPrincipal UserAccount me, @Nullable String id) {
        passkeys.remove(me.username(), id == null ? "" : id);
        return "redirect:/account/second-factor";
    }

    @PostMapping("/login/second-factor")
    String verify(@AuthenticationPrincipal UserAccount me, @Nullable String code, Model model, HttpServletRequest request) {
        HttpSession session = request.getSession();
        if (!SecondFactorGate.VERIFY.equals(session.getAttribute(SecondFactorGate.PENDING))) {
            return "redirect:/";
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.refusal(me.username(), address);
        if (wait.isPresent()) {
            model.addAttribute("error", texts.getMessage("error.secondFactor.throttled", new Object[] {String.valueOf(wait.get().toSeconds())}));
            return "login-second-factor";
        }
        switch (factors.verify(me, code)) {
            case ACCEPTED -> {
                throttle.succeeded(me.username());
                session.removeAttribute(SecondFactorGate.PENDING);
                request.changeSessionId();
                return "redirect:/";
            }
            case REUSED -> model.addAttribute("error", texts.getMessage("error.secondFactor.reused"));
            case WRONG -> {
                throttle.failed(me.username(), address);
                model.addAttribute("error", texts.getMessage("error.secondFactor.wrong"));
            }
        }
        return "login-second-factor";
    }

    @GetMapping("/account/second-factor")
    String page(@AuthenticationPrincipal UserAccount me, Model model) {
        factorStatus(me, model);
        return "account/second-factor";
    }

    @PostMapping("/account/second-factor/start")
    String start(@AuthenticationPrincipal UserAccount me, Model model) {
        try {
            model.addAttribute("enrolment", factors.start(me));
        } catch (ConflictException e) {
            model.addAttribute("error", e.getMessage());
        }
        return page(me, model);
    }

    @PostMapping("/account/second-factor/confirm")
    String confirm(@AuthenticationPrincipal UserAccount me, @Nullable String code, Model model, HttpSession session) {
        try {
            model.addAttribute("recoveryCodes", factors.confirm(me, code == null ? "" : code));
            session.removeAttribute(SecondFactorGate.PENDING);
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
        }
        return page(me, model);
    }
}
