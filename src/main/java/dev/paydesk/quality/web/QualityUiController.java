package dev.paydesk.quality.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.access.CaseWorker;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;
import dev.paydesk.platform.access.QualityReader;
import dev.paydesk.platform.access.QualityReviewerOrLead;
import dev.paydesk.quality.Answer;
import dev.paydesk.quality.Assignment;
import dev.paydesk.quality.Sample;
import dev.paydesk.quality.sampling.SamplingRules;
import dev.paydesk.quality.internal.SamplingService;
import dev.paydesk.quality.Criterion;
import dev.paydesk.quality.NewReview;
import dev.paydesk.quality.Review;
import dev.paydesk.quality.ReviewDraft;
import dev.paydesk.quality.ReviewStatus;
import dev.paydesk.quality.Reviews;
import dev.paydesk.quality.Scorecard;
import dev.paydesk.quality.Scorecards;
import dev.paydesk.quality.internal.AutomaticCheckService;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.ListQuery;
import dev.paydesk.shared.NotFoundException;

/**
 * Quality pages: reviews (of me, by me, disputed, all), one review with the agent's acknowledge/dispute and
 * the lead's decision, the review workspace on a case (timeline beside the scorecard, answers prefilled from
 * the automatic checks) and the scorecard editor (each save is a new version).
 */
@Controller
@QualityReader
class QualityUiController {

    private static final Map<String, Comparator<Review>> REVIEW_SORTS = Map.of(
            "submitted", ListQuery.by(Review::submittedAt),
            "case", ListQuery.byText(Review::caseKey),
            "agent", ListQuery.byText(Review::agent),
            "reviewer", ListQuery.byText(Review::reviewer),
            "score", ListQuery.by(r -> r.score().percent()),
            "status", ListQuery.byText(Review::status));

    private static final Map<String, Comparator<Scorecard>> CARD_SORTS = Map.of(
            "name", ListQuery.byText(Scorecard::name),
            "version", ListQuery.by(Scorecard::version),
            "group", ListQuery.byText(Scorecard::categoryGroup),
            "market", ListQuery.byText(Scorecard::market),
            "status", ListQuery.byText(Scorecard::status),
            "created", ListQuery.by(Scorecard::createdAt));

    private static final Map<String, Comparator<Assignment>> ASSIGNMENT_SORTS = Map.of(
            "due", ListQuery.by(Assignment::dueOn),
            "case", ListQuery.byText(Assignment::caseKey),
            "agent", ListQuery.byText(Assignment::agent),
            "reviewer", ListQuery.byText(Assignment::reviewer),
            "reason", ListQuery.byText(Assignment::reason),
            "done", ListQuery.by(Assignment::done));

    private final Reviews reviews;
    private final Scorecards scorecards;
    private final AutomaticCheckService checks;
    private final SamplingService sampling;
    private final CaseDesk cases;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    QualityUiController(Reviews reviews, Scorecards scorecards, AutomaticCheckService checks, SamplingService sampling,
                        CaseDesk cases, Clock clock, org.springframework.context.MessageSource messages) {
        this.reviews = reviews;
        this.scorecards = scorecards;
        this.checks = checks;
        this.sampling = sampling;
        this.cases = cases;
        this.clock = clock;
        this.messages = messages;
    }

    @org.springframework.web.bind.annotation.ModelAttribute
    void choices(Model model) {
        model.addAttribute("scales", dev.paydesk.quality.Scale.values());
        model.addAttribute("cardStatuses", dev.paydesk.quality.ScorecardStatus.values());
    }

    /** Views: {@code mine} (reviews of me), {@code byme}, {@code disputed}, or every review I may see. */
    @GetMapping("/quality")
    String reviews(ListQuery list, Model model) {
        String me = CurrentUser.actorName();
        String view = list.filter("view");
        List<Review> rows = reviews.list(null, null, 500, 0).stream()
                .filter(r -> view == null || switch (view) {
                    case "mine" -> me.equals(r.agent());
                    case "byme" -> me.equals(r.reviewer());
                    case "disputed" -> r.status() == ReviewStatus.DISPUTED;
                    default -> true;
                })
                .filter(r -> list.is("status", r.status()) && list.matches(r.caseKey(), r.agent(), r.reviewer(),
                        r.scorecardName(), r.category()))
                .toList();
        model.addAttribute("page", list.page(rows, REVIEW_SORTS));
        model.addAttribute("statuses", ReviewStatus.values());
        return "quality/reviews";
    }

    @GetMapping("/quality/reviews/{id}")
    String review(@PathVariable UUID id, Model model) {
        Review r = reviews.get(id);
        Scorecard card = scorecards.version(r.scorecardId());
        model.addAttribute("review", r);
        model.addAttribute("rows", rows(card, r.answers()));
        model.addAttribute("isAgent", CurrentUser.actorName().equals(r.agent()));
        model.addAttribute("isReviewer", CurrentUser.actorName().equals(r.reviewer()));
        return "quality/review";
    }

    /** One line of a review: the criterion and its answer. */
    record AnswerRow(Criterion criterion, @Nullable Answer answer) {
        public boolean failed() {
            return answer != null && java.util.Set.of("no", "1", "2").contains(answer.value().strip().toLowerCase(java.util.Locale.ROOT));
        }
    }

    static List<AnswerRow> rows(Scorecard card, List<Answer> answers) {
        Map<String, Answer> byCode = new LinkedHashMap<>();
        answers.forEach(a -> byCode.put(a.criterion(), a));
        return card.criteria().stream().map(c -> new AnswerRow(c, byCode.get(c.code()))).toList();
    }

    @PostMapping("/quality/reviews/{id}/acknowledge")
    @CaseWorker
    String acknowledge(@PathVariable UUID id, @RequestParam(required = false) @Nullable String comment,
                       RedirectAttributes redirect) {
        return lifecycle(id, redirect, "quality.flash.acknowledged", () -> reviews.acknowledge(id, blankToNull(comment)));
    }

    @PostMapping("/quality/reviews/{id}/dispute")
    @CaseWorker
    String dispute(@PathVariable UUID id, @RequestParam(required = false) @Nullable String criterion,
                   @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        String text = reason.isBlank() || criterion == null || criterion.isBlank() ? reason
                : "[" + criterion.strip() + "] " + reason.strip();
        return lifecycle(id, redirect, "quality.flash.disputed", () -> reviews.dispute(id, text));
    }

    @PostMapping("/quality/reviews/{id}/decision")
    @ProcessManagerOrAdmin
    String decide(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean uphold,
                  @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return lifecycle(id, redirect, uphold ? "quality.flash.upheld" : "quality.flash.overturned",
                () -> reviews.decide(id, uphold, note));
    }

    private static String lifecycle(UUID id, RedirectAttributes redirect, String okKey, Runnable step) {
        return step(redirect, okKey, step, "/quality/reviews/" + id);
    }

    /** Runs a page's step: the flash message when it worked, the reason when it was refused; back to {@code target}. */
    static String step(RedirectAttributes redirect, String okKey, Runnable step, String target) {
        try {
            step.run();
            redirect.addFlashAttribute("flashKey", okKey);
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + target;
    }

    @GetMapping("/quality/cases/{key}/review")
    @QualityReviewerOrLead
    String reviewForm(@PathVariable String key, @RequestParam(required = false) @Nullable UUID scorecard, Model model) {
        ReviewDraft draft = checks.draft(key, scorecard);
        return workspace(key, draft.scorecard(), draft.prefilled(), draft, model);
    }

    @PostMapping("/quality/cases/{key}/review")
    @QualityReviewerOrLead
    String submit(@PathVariable String key, @RequestParam MultiValueMap<String, String> params, Model model,
                  RedirectAttributes redirect) {
        UUID cardId = parseId(params.getFirst("scorecardId"));
        Scorecard card = scorecards.version(cardId);
        List<Answer> answers = answers(card, params);
        try {
            Review r = reviews.submit(new NewReview(key, cardId, answered(answers)));
            redirect.addFlashAttribute("flashKey", "quality.flash.submitted");
            return "redirect:/quality/reviews/" + r.id();
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("error", e.getMessage());
            return workspace(key, card, answers, checks.draft(key, cardId), model);
        }
    }

    /** The live score beside the review form (htmx, on every change): the score so far or what is missing. */
    @PostMapping("/quality/cases/{key}/score")
    @QualityReviewerOrLead
    String scorePreview(@PathVariable String key, @RequestParam MultiValueMap<String, String> params, Model model) {
        Scorecard card = scorecards.version(parseId(params.getFirst("scorecardId")));
        try {
            model.addAttribute("score", card.score(answered(answers(card, params))));
        } catch (InvalidInputException e) {
            model.addAttribute("missing", e.getMessage());
        }
        return "quality/panels :: score";
    }

    /** The answers of a scorecard form: {@code answer.<code>} and {@code comment.<code>} per criterion ("" = unanswered). */
    static List<Answer> answers(Scorecard card, MultiValueMap<String, String> params) {
        List<Answer> answers = new ArrayList<>();
        for (Criterion c : card.criteria()) {
            String value = params.getFirst("answer." + c.code());
            answers.add(new Answer(c.code(), value == null ? "" : value.strip(),
                    blankToNull(params.getFirst("comment." + c.code()))));
        }
        return answers;
    }

    /** The answers given, for scoring: an unanswered criterion is then reported as not answered. */
    static List<Answer> answered(List<Answer> answers) {
        return answers.stream().filter(a -> !a.value().isBlank()).toList();
    }

    private String workspace(String key, Scorecard card, List<Answer> answers, ReviewDraft draft, Model model) {
        model.addAttribute("caseKey", draft.caseKey());
        model.addAttribute("card", card);
        model.addAttribute("rows", rows(card, answers));
        model.addAttribute("checks", draft.checks());
        model.addAttribute("timeline", cases.find(key).map(d -> d.timeline()).orElse(List.of()));
        return "quality/review-form";
    }

    /** Sampled cases to review: mine (default for quality reviewers) or every assignment of my markets. */
    @GetMapping("/quality/assignments")
    @QualityReviewerOrLead
    String assignments(ListQuery list, Model model) {
        boolean all = "all".equals(list.filter("view"));
        boolean open = !"all".equals(list.filter("state"));
        model.addAttribute("page", list.page(sampling.assignments(!all).stream()
                .filter(a -> !open || !a.done())
                .filter(a -> list.matches(a.caseKey(), a.agent(), a.reviewer(), a.reason()))
                .toList(), ASSIGNMENT_SORTS));
        model.addAttribute("today", LocalDate.now(clock));
        return "quality/assignments";
    }

    @PostMapping("/quality/samples")
    @ProcessManagerOrAdmin
    String drawSample(@RequestParam(defaultValue = "") String market, @RequestParam(required = false) @Nullable LocalDate from,
                      @RequestParam(required = false) @Nullable LocalDate to, @RequestParam(required = false) @Nullable Long seed,
                      @RequestParam(defaultValue = "false") boolean otherSupplier, RedirectAttributes redirect) {
        try {
            if (market.isBlank() || from == null || to == null) {
                throw new InvalidInputException("market", "market, from and to are required");
            }
            String m = market.strip().toUpperCase(java.util.Locale.ROOT);
            SamplingRules rules = SamplingRules.standard(null);
            if (otherSupplier) {
                rules = new SamplingRules(rules.randomShare(), rules.minPerAgent(), rules.csatAtMost(), rules.reopened(),
                        rules.clockBreached(), rules.moneyAbove(), rules.newAgentDays(), rules.lostDisputes(),
                        rules.dueDays(), false);
            }
            Sample sample = sampling.draw(m, from, to, rules, null,
                    seed == null ? SamplingService.seedOf(m, from) : seed, LocalDate.now(clock));
            redirect.addFlashAttribute("flash", messages.getMessage("quality.flash.sampled", new Object[] {
                    sample.assignments().size(), sample.market(), sample.from().toString(), sample.to().toString(),
                    Long.toString(sample.seed())}, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        } catch (InvalidInputException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/quality/assignments?view=all";
    }

    @GetMapping("/quality/scorecards")
    String scorecardList(ListQuery list, Model model) {
        model.addAttribute("page", list.page(scorecards.list(false).stream()
                .filter(s -> list.is("status", s.status()) && list.matches(s.name(), s.categoryGroup(), s.market()))
                .toList(), CARD_SORTS));
        return "quality/scorecards";
    }

    @GetMapping("/quality/scorecards/{id}")
    String scorecard(@PathVariable UUID id, Model model) {
        model.addAttribute("card", scorecards.version(id));
        return "quality/scorecard";
    }

    @GetMapping("/quality/scorecards/new")
    @ProcessManagerOrAdmin
    String newScorecard(@RequestParam(required = false) @Nullable UUID from, Model model) {
        model.addAttribute("form", from == null ? ScorecardForm.empty() : ScorecardForm.of(scorecards.version(from)));
        return "quality/scorecard-edit";
    }

    @PostMapping("/quality/scorecards")
    @ProcessManagerOrAdmin
    String saveScorecard(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        ScorecardForm form = ScorecardForm.of(params);
        try {
            Scorecard saved = scorecards.save(form.draft());
            redirect.addFlashAttribute("flashKey", "quality.flash.scorecardSaved");
            return "redirect:/quality/scorecards/" + saved.id();
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", form.withBlankRows());
            return "quality/scorecard-edit";
        }
    }

    @PostMapping("/quality/scorecards/{id}/retire")
    @ProcessManagerOrAdmin
    String retire(@PathVariable UUID id, RedirectAttributes redirect) {
        return step(redirect, "quality.flash.retired", () -> scorecards.retire(id), "/quality/scorecards/" + id);
    }

    private static UUID parseId(@Nullable String text) {
        try {
            return UUID.fromString(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no scorecard " + text);
        }
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
