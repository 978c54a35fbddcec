package dev.paydesk.quality.web;

import dev.paydesk.platform.access.CaseWorker;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;
import dev.paydesk.platform.access.QualityReader;
import dev.paydesk.platform.access.QualityReviewerOrLead;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.quality.Assignment;
import dev.paydesk.quality.Sample;
import dev.paydesk.quality.internal.SamplingService;
import dev.paydesk.quality.sampling.Pick;
import dev.paydesk.quality.sampling.Reviewer;
import dev.paydesk.quality.sampling.SamplingRules;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;
import dev.paydesk.shared.MoneyParser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A sample of resolved cases for review, reproducible for a seed: a preview, or stored with review assignments. */
@RestController
@RequestMapping("/api/v1/quality/samples")
@Tag(name = "Quality", description = "Scorecards, reviews of resolved cases and their lifecycle")
class QualitySamplingApiController {

    private final SamplingService sampling;
    private final Clock clock;

    QualitySamplingApiController(SamplingService sampling, Clock clock) {
        this.sampling = sampling;
        this.clock = clock;
    }

    /** Omitted rules take the standard values (5 %, at least 2 per agent, CSAT ≤ 2, reopened, breached, 30 days, 5 days due). */
    record SampleRequest(@Nullable String market, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable Long seed,
                         @Nullable Double randomShare, @Nullable Integer minPerAgent, @Nullable Integer csatAtMost,
                         @Nullable String moneyAbove, @Nullable String currency, @Nullable Integer newAgentDays,
                         @Nullable Integer dueDays, @Nullable Boolean allowSameSupplier,
                         @Nullable List<@Nullable Reviewer> reviewers) {
    }

    @PostMapping("/preview")
    @ProcessManagerOrAdmin
    @Operation(summary = "Pick resolved cases of a market and period for review and assign reviewers (same seed, same sample)")
    List<Pick> preview(@RequestBody SampleRequest r) {
        if (r.market() == null || r.from() == null || r.to() == null || r.seed() == null) {
            throw new InvalidInputException("market", "market, from, to and seed are required");
        }
        if (r.reviewers() == null || r.reviewers().isEmpty()
                || r.reviewers().stream().anyMatch(v -> v == null || v.name() == null || v.name().isBlank())) {
            throw new InvalidInputException("reviewers", "name at least one reviewer");
        }
        SamplingRules rules = rules(r);
        List<Reviewer> reviewers = r.reviewers().stream().map(java.util.Objects::requireNonNull).toList();
        return sampling.preview(r.market().strip().toUpperCase(java.util.Locale.ROOT), r.from(), r.to(), rules, reviewers,
                r.seed(), LocalDate.now(clock));
    }

    @PostMapping
    @ProcessManagerOrAdmin
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draw and store the sample of a market and period with review assignments (a period sampled "
            + "before answers with its stored sample); reviewers default to the market's quality reviewers")
    Sample draw(@RequestBody SampleRequest r) {
        if (r.market() == null || r.from() == null || r.to() == null || r.seed() == null) {
            throw new InvalidInputException("market", "market, from, to and seed are required");
        }
        List<Reviewer> reviewers = r.reviewers() == null ? null
                : r.reviewers().stream().map(v -> {
                    if (v == null || v.name() == null || v.name().isBlank()) {
                        throw new InvalidInputException("reviewers", "a reviewer needs a name");
                    }
                    return v;
                }).toList();
        return sampling.draw(r.market().strip().toUpperCase(java.util.Locale.ROOT), r.from(), r.to(), rules(r), reviewers,
                r.seed(), LocalDate.now(clock));
    }

    @GetMapping("/assignments")
    @QualityReviewerOrLead
    @Operation(summary = "Review assignments in the caller's markets, open first by due date (mine=true: the caller's)")
    List<Assignment> assignments(@RequestParam(defaultValue = "false") boolean mine) {
        return sampling.assignments(mine);
    }

    private static SamplingRules rules(SampleRequest r) {
        Money above = r.moneyAbove() == null ? null : MoneyParser.decimal("moneyAbove", r.moneyAbove(), "currency",
                r.currency() == null ? "" : r.currency(), MoneyParser.Sign.POSITIVE);
        SamplingRules standard = SamplingRules.standard(above);
        SamplingRules rules = new SamplingRules(
                r.randomShare() == null ? standard.randomShare() : r.randomShare(),
                r.minPerAgent() == null ? standard.minPerAgent() : r.minPerAgent(),
                r.csatAtMost() == null ? standard.csatAtMost() : r.csatAtMost(), true, true, above,
                r.newAgentDays() == null ? standard.newAgentDays() : r.newAgentDays(), true,
                r.dueDays() == null ? standard.dueDays() : r.dueDays(),
                r.allowSameSupplier() == null || r.allowSameSupplier());
        return rules;
    }
}
