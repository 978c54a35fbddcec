package dev.paydesk.quality.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.platform.access.ProcessManagerOrAdmin;
import dev.paydesk.platform.access.QualityReviewerOrLead;
import dev.paydesk.quality.Answer;
import dev.paydesk.quality.CalibrationSession;
import dev.paydesk.quality.Calibrations;
import dev.paydesk.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Calibration sessions: a lead creates one, the reviewers score its cases blind, the lead reveals the agreement. */
@RestController
@RequestMapping("/api/v1/quality/calibrations")
@Tag(name = "Quality", description = "Scorecards, reviews of resolved cases and their lifecycle")
class QualityCalibrationApiController {

    private final Calibrations calibrations;

    QualityCalibrationApiController(Calibrations calibrations) {
        this.calibrations = calibrations;
    }

    record SessionRequest(@Nullable String name, @Nullable String market, @Nullable UUID scorecardId,
                          @Nullable List<String> cases, @Nullable List<String> reviewers) {
    }

    record RatingRequest(@Nullable List<@Nullable Answer> answers) {
    }

    @GetMapping
    @QualityReviewerOrLead
    @Operation(summary = "Calibration sessions of the caller's markets the caller takes part in (leads: all)")
    List<CalibrationSession> sessions() {
        return calibrations.list();
    }

    @PostMapping
    @ProcessManagerOrAdmin
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a session: resolved cases of one market, a scorecard version and the reviewers "
            + "(the creator rates too and is the reference)")
    CalibrationSession create(@RequestBody SessionRequest r) {
        if (r.scorecardId() == null) {
            throw new InvalidInputException("scorecardId", "name the scorecard version to calibrate on");
        }
        return calibrations.create(r.name() == null ? "" : r.name(), r.market() == null ? "" : r.market(), r.scorecardId(),
                r.cases() == null ? List.of() : r.cases(), r.reviewers() == null ? List.of() : r.reviewers());
    }

    @GetMapping("/{id}")
    @QualityReviewerOrLead
    @Operation(summary = "A session: while open the caller's own ratings only; once revealed everyone's, alpha per "
            + "criterion, disagreements and deviations from the lead")
    Calibrations.View session(@PathVariable UUID id) {
        return calibrations.view(id);
    }

    @PutMapping("/{id}/ratings/{caseKey}")
    @QualityReviewerOrLead
    @Operation(summary = "The caller's blind answers for one case of an open session (again = replaced)")
    Calibrations.View rate(@PathVariable UUID id, @PathVariable String caseKey, @RequestBody RatingRequest r) {
        if (r.answers() == null || r.answers().stream().anyMatch(a -> a == null)) {
            throw new InvalidInputException("answers", "answer every criterion of the scorecard");
        }
        calibrations.rate(id, caseKey, r.answers().stream().map(java.util.Objects::requireNonNull).toList());
        return calibrations.view(id);
    }

    @PostMapping("/{id}/reveal")
    @ProcessManagerOrAdmin
    @Operation(summary = "End the blind phase and show the agreement")
    CalibrationSession reveal(@PathVariable UUID id) {
        return calibrations.reveal(id);
    }
}
