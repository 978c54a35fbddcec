package dev.paydesk.quality.web;

import dev.paydesk.platform.access.CaseWorker;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;
import dev.paydesk.platform.access.QualityReader;
import dev.paydesk.platform.access.QualityReviewerOrLead;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.quality.Answer;
import dev.paydesk.quality.Criterion;
import dev.paydesk.quality.NewReview;
import dev.paydesk.quality.Review;
import dev.paydesk.quality.Reviews;
import dev.paydesk.quality.Scale;
import dev.paydesk.quality.Scorecard;
import dev.paydesk.quality.ScorecardDraft;
import dev.paydesk.quality.Scorecards;
import dev.paydesk.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Quality API: scorecard versions (process managers and admins edit), reviews of resolved cases
 * (process managers and admins review; agents see, acknowledge or dispute their own; auditors read).
 */
@RestController
@RequestMapping("/api/v1/quality")
@Tag(name = "Quality", description = "Scorecards, reviews of resolved cases and their lifecycle")
class QualityApiController {


    private final Scorecards scorecards;
    private final Reviews reviews;

    QualityApiController(Scorecards scorecards, Reviews reviews) {
        this.scorecards = scorecards;
        this.reviews = reviews;
    }

    /** A criterion as sent; validated into a {@link Criterion}. */
    record CriterionRequest(@Nullable String code, @Nullable String label, @Nullable String section,
                            @Nullable Integer weight, @Nullable String scale, @Nullable Boolean critical,
                            @Nullable String check) {
        Criterion toCriterion() {
            if (weight == null) {
                throw new InvalidInputException("criteria", "criterion '" + code + "' needs a weight");
            }
            return new Criterion(code == null ? "" : code, label == null ? "" : label, section == null ? "" : section,
                    weight, scale(scale), Boolean.TRUE.equals(critical), check);
        }

        private static Scale scale(@Nullable String text) {
            if (text == null) {
                return Scale.YES_NO;
            }
            try {
                return Scale.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("criteria", "unknown scale '" + text + "' (YES_NO or ONE_TO_FIVE)");
            }
        }
    }

    /** A new scorecard version as sent. */
    record ScorecardRequest(@Nullable String name, @Nullable String categoryGroup, @Nullable String market,
                            @Nullable List<@Nullable CriterionRequest> criteria) {
        ScorecardDraft toDraft() {
            List<Criterion> list = criteria == null ? List.of() : criteria.stream().map(c -> {
                if (c == null) {
                    throw new InvalidInputException("criteria", "a criterion is empty");
                }
                return c.toCriterion();
            }).toList();
            return new ScorecardDraft(name == null ? "" : name, categoryGroup, market, list);
        }
    }

    record ReviewRequest(@Nullable String caseRef, @Nullable UUID scorecardId, @Nullable List<@Nullable Answer> answers) {
    }

    record AgentAnswer(@Nullable String comment) {
    }

    record Decision(@Nullable Boolean uphold, @Nullable String note) {
    }

    @GetMapping("/scorecards")
    @QualityReader
    @Operation(summary = "Scorecard versions in the caller's markets, newest version first")
    List<Scorecard> scorecards(@RequestParam(defaultValue = "false") boolean activeOnly) {
        return scorecards.list(activeOnly);
    }

    @PostMapping("/scorecards")
    @ProcessManagerOrAdmin
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save the next version of a scorecard (same name = new version; the previous is retired)")
    Scorecard saveScorecard(@RequestBody ScorecardRequest request) {
        return scorecards.save(request.toDraft());
    }

    @GetMapping("/scorecards/{id}")
    @QualityReader
    @Operation(summary = "One scorecard version")
    Scorecard scorecard(@PathVariable UUID id) {
        return scorecards.version(id);
    }

    @PostMapping("/scorecards/{id}/retire")
    @ProcessManagerOrAdmin
    @Operation(summary = "Retire a scorecard version: its reviews stay, no new review may use it")
    Scorecard retire(@PathVariable UUID id) {
        return scorecards.retire(id);
    }

    @PostMapping("/reviews")
    @QualityReviewerOrLead
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit a review of a resolved case the reviewer did not work")
    Review submit(@RequestBody ReviewRequest request) {
        if (request.answers() == null || request.answers().stream().anyMatch(a -> a == null)) {
            throw new InvalidInputException("answers", "answer every criterion of the scorecard");
        }
        if (request.scorecardId() == null) {
            throw new InvalidInputException("scorecardId", "name the scorecard version used");
        }
        List<Answer> answers = request.answers().stream().map(a -> java.util.Objects.requireNonNull(a)).toList();
        return reviews.submit(new NewReview(request.caseRef() == null ? "" : request.caseRef(),
                request.scorecardId(), answers));
    }

    @GetMapping("/reviews")
    @QualityReader
    @Operation(summary = "Reviews in the caller's markets, newest first (agents: their own only)")
    List<Review> reviews(@RequestParam(required = false) @Nullable String agent,
                         @RequestParam(name = "case", required = false) @Nullable String caseRef,
                         @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        return reviews.list(agent, caseRef, limit, offset);
    }

    @GetMapping("/reviews/{id}")
    @QualityReader
    @Operation(summary = "One review with its answers and score")
    Review review(@PathVariable UUID id) {
        return reviews.get(id);
    }

    @PostMapping("/reviews/{id}/acknowledge")
    @CaseWorker
    @Operation(summary = "The reviewed agent acknowledges the review")
    Review acknowledge(@PathVariable UUID id, @RequestBody(required = false) @Nullable AgentAnswer body) {
        return reviews.acknowledge(id, body == null ? null : body.comment());
    }

    @PostMapping("/reviews/{id}/dispute")
    @CaseWorker
    @Operation(summary = "The reviewed agent disputes the review, with a reason in comment")
    Review dispute(@PathVariable UUID id, @RequestBody AgentAnswer body) {
        return reviews.dispute(id, body.comment() == null ? "" : body.comment());
    }

    @PostMapping("/reviews/{id}/decision")
    @ProcessManagerOrAdmin
    @Operation(summary = "A lead upholds or overturns a disputed review")
    Review decide(@PathVariable UUID id, @RequestBody Decision body) {
        if (body.uphold() == null) {
            throw new InvalidInputException("uphold", "say whether the review is upheld (true) or overturned (false)");
        }
        return reviews.decide(id, body.uphold(), body.note() == null ? "" : body.note());
    }
}
