package dev.paydesk.cases.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import dev.paydesk.shared.InvalidInputException;

/**
 * The public survey page behind a signed, expiring link: no sign-in, CSRF-protected form. A tampered,
 * expired or replaced link shows "invalid or expired" and stores nothing.
 */
@Controller
class CsatController {

    private final CaseWorkbenchService workbench;

    CsatController(CaseWorkbenchService workbench) {
        this.workbench = workbench;
    }

    @GetMapping("/csat/{token}")
    String show(@PathVariable String token, Model model) {
        CaseWorkbenchService.PublicSurvey survey = workbench.survey(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "This survey link is invalid or has expired."));
        model.addAttribute("survey", survey);
        model.addAttribute("token", token);
        return "cases/csat";
    }

    @PostMapping("/csat/{token}")
    String answer(@PathVariable String token, @RequestParam int rating, @RequestParam(required = false) @Nullable String comment,
                  Model model) {
        try {
            model.addAttribute("survey", workbench.answer(token, rating, comment));
        } catch (dev.paydesk.shared.NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This survey link is invalid or has expired.");
        } catch (InvalidInputException e) {
            model.addAttribute("survey", workbench.survey(token).orElseThrow());
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("token", token);
        return "cases/csat";
    }
}
