package dev.paydesk.quality.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;
import dev.paydesk.platform.access.QualityReviewerOrLead;
import dev.paydesk.quality.CalibrationSession;
import dev.paydesk.quality.Calibrations;
import dev.paydesk.quality.Scorecards;
import dev.paydesk.quality.calibration.CalibrationRating;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.ListQuery;
import dev.paydesk.shared.NotFoundException;

/** Calibration pages: the sessions, a session's blind rating forms and, once revealed, the agreement. */
@Controller
@QualityReviewerOrLead
class QualityCalibrationUiController {

    private static final Map<String, Comparator<CalibrationSession>> SORTS = Map.of(
            "name", ListQuery.byText(CalibrationSession::name),
            "market", ListQuery.byText(CalibrationSession::market),
            "status", ListQuery.byText(CalibrationSession::status),
            "created", ListQuery.by(CalibrationSession::createdAt));

    private final Calibrations calibrations;
    private final Scorecards scorecards;

    QualityCalibrationUiController(Calibrations calibrations, Scorecards scorecards) {
        this.calibrations = calibrations;
        this.scorecards = scorecards;
    }

    @GetMapping("/quality/calibrations")
    String sessions(ListQuery list, Model model) {
        model.addAttribute("page", list.page(calibrations.list().stream()
                .filter(s -> list.matches(s.name(), s.market(), s.createdBy())).toList(), SORTS));
        model.addAttribute("cards", scorecards.list(true));
        return "quality/calibrations";
    }

    @PostMapping("/quality/calibrations")
    @ProcessManagerOrAdmin
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String market,
                  @RequestParam(required = false) @Nullable UUID scorecardId, @RequestParam(defaultValue = "") String cases,
                  @RequestParam(defaultValue = "") String reviewers, RedirectAttributes redirect) {
        try {
            if (scorecardId == null) {
                throw new InvalidInputException("scorecardId", "choose a scorecard");
            }
            CalibrationSession s = calibrations.create(name, market, scorecardId, split(cases), split(reviewers));
            redirect.addFlashAttribute("flashKey", "quality.flash.calibrationCreated");
            return "redirect:/quality/calibrations/" + s.id();
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/quality/calibrations";
        }
    }

    @GetMapping("/quality/calibrations/{id}")
    String session(@PathVariable UUID id, Model model) {
        Calibrations.View view = calibrations.view(id);
        String me = CurrentUser.actorName();
        model.addAttribute("view", view);
        model.addAttribute("mayRate", view.session().status() == CalibrationSession.Status.OPEN && view.session().takesPart(me));
        model.addAttribute("mine", view.session().caseKeys().stream().collect(java.util.stream.Collectors.toMap(k -> k,
                k -> QualityUiController.rows(view.scorecard(), view.ratings().stream()
                        .filter(r -> r.reviewer().equals(me) && r.caseKey().equals(k)).findFirst()
                        .map(CalibrationRating::answers).orElse(List.of())))));
        return "quality/calibration";
    }

    @PostMapping("/quality/calibrations/{id}/ratings")
    String rate(@PathVariable UUID id, @RequestParam(defaultValue = "") String caseKey,
                @RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
        Calibrations.View view = calibrations.view(id);
        return QualityUiController.step(redirect, "quality.flash.rated",
                () -> calibrations.rate(id, caseKey,
                        QualityUiController.answered(QualityUiController.answers(view.scorecard(), params))),
                "/quality/calibrations/" + id);
    }

    @PostMapping("/quality/calibrations/{id}/reveal")
    @ProcessManagerOrAdmin
    String reveal(@PathVariable UUID id, RedirectAttributes redirect) {
        return QualityUiController.step(redirect, "quality.flash.revealed", () -> calibrations.reveal(id),
                "/quality/calibrations/" + id);
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
    }
}
