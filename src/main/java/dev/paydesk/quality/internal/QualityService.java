package dev.paydesk.quality.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.platform.Role;
import dev.paydesk.quality.NewReview;
import dev.paydesk.quality.Review;
import dev.paydesk.quality.ReviewStatus;
import dev.paydesk.quality.Reviews;
import dev.paydesk.quality.Score;
import dev.paydesk.quality.Scorecard;
import dev.paydesk.quality.ScorecardDraft;
import dev.paydesk.quality.ScorecardStatus;
import dev.paydesk.quality.Scorecards;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/** Scorecard versions and the review lifecycle; reads cases through the case desk's API. */
@Service
class QualityService implements Scorecards, Reviews {

    private final QualityStore store;
    private final SampleStore samples;
    private final CaseDesk cases;
    private final AuditLog audit;
    private final Clock clock;

    QualityService(QualityStore store, SampleStore samples, CaseDesk cases, AuditLog audit, Clock clock) {
        this.store = store;
        this.samples = samples;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Scorecard> list(boolean activeOnly) {
        return store.scorecards(activeOnly).stream().filter(s -> s.market() == null || CurrentUser.canAccessMarket(s.market()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Scorecard version(UUID id) {
        Scorecard s = store.scorecard(id).orElseThrow(() -> scorecardNotFound(id));
        if (s.market() != null) {
            CurrentUser.requireInScope(s.market(), () -> scorecardNotFound(id));
        }
        return s;
    }

    @Override
    @Transactional
    public Scorecard save(ScorecardDraft draft) {
        if (draft.market() != null) {
            CurrentUser.requireInScope(draft.market(), () -> new NotFoundException("no market " + draft.market()));
        } else if (!CurrentUser.principal().map(PaydeskPrincipal::allMarkets).orElse(true)) {
            throw new ConflictException("a scorecard for every market needs an all-markets user; name a market");
        }
        Optional<Scorecard> previous = store.activeScorecard(draft.name());
        previous.ifPresent(p -> store.setStatus(p.id(), ScorecardStatus.RETIRED));
        Scorecard next = new Scorecard(UUID.randomUUID(), draft.name(), store.lastVersion(draft.name()) + 1,
                draft.categoryGroup(), draft.market(), ScorecardStatus.ACTIVE, draft.criteria(), clock.instant(),
                CurrentUser.actorName());
        store.insert(next);
        audit.record("quality.scorecard.saved", "quality_scorecard", next.id().toString(), next.market(),
                previous.map(Scorecard::id).orElse(null), next);
        return next;
    }

    @Override
    @Transactional
    public Scorecard retire(UUID id) {
        Scorecard s = version(id);
        if (s.status() == ScorecardStatus.RETIRED) {
            throw new ConflictException("scorecard " + s.name() + " v" + s.version() + " is already retired");
        }
        store.setStatus(id, ScorecardStatus.RETIRED);
        audit.record("quality.scorecard.retired", "quality_scorecard", id.toString(), s.market(), s.status(),
                ScorecardStatus.RETIRED);
        return version(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Scorecard> forCase(@Nullable String category, String market) {
        return store.scorecards(true).stream().filter(s -> s.covers(category, market))
                .max(Comparator.comparingInt(Scorecard::specificity).thenComparing(Scorecard::createdAt));
    }

    @Override
    @Transactional
    public Review submit(NewReview review) {
        if (review.caseRef() == null || review.caseRef().isBlank()) {
            throw new InvalidInputException("caseRef", "name the case to review (key or id)");
        }
        if (review.scorecardId() == null) {
            throw new InvalidInputException("scorecardId", "name the scorecard version used");
        }
        CaseDetail detail = cases.find(review.caseRef().strip())
                .orElseThrow(() -> new NotFoundException("no case " + review.caseRef()));
        CaseSummary c = detail.summary();
        String reviewer = CurrentUser.actorName();
        if (c.status().isOpen()) {
            throw new ConflictException("case " + c.key() + " is " + c.status() + ": only resolved cases are reviewed");
        }
        if (dev.paydesk.quality.ReviewPolicy.worked(detail, reviewer)) {
            throw new ConflictException(reviewer + " worked case " + c.key() + " and may not review it");
        }
        Scorecard card = store.scorecard(review.scorecardId())
                .filter(s -> s.market() == null || s.market().equals(c.market()))
                .orElseThrow(() -> scorecardNotFound(review.scorecardId()));
        if (card.status() == ScorecardStatus.RETIRED) {
            throw new ConflictException("scorecard " + card.name() + " v" + card.version()
                    + " is retired: use the active version");
        }
        if (review.answers() == null) {
            throw new InvalidInputException("answers", "answer every criterion of the scorecard");
        }
        Score score = card.score(review.answers());
        Instant now = clock.instant();
        Review stored = new Review(UUID.randomUUID(), c.id(), c.key(), c.market(), c.category(), card.id(),
                card.name(), card.version(), reviewer, c.assignee(), ReviewStatus.SUBMITTED,
                List.copyOf(review.answers()), score, null, null, now, now);
        store.insert(stored);
        samples.complete(c.key(), stored.id());
        audit.record("quality.review.submitted", "quality_review", stored.id().toString(), c.market(), null, stored);
        return stored;
    }

    @Override
    @Transactional(readOnly = true)
    public Review get(UUID id) {
        Review r = store.review(id).orElseThrow(() -> reviewNotFound(id));
        CurrentUser.requireInScope(r.market(), () -> reviewNotFound(id));
        if (!seesAllReviews() && !CurrentUser.actorName().equals(r.agent())) {
            throw reviewNotFound(id);
        }
        return r;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Review> list(@Nullable String agent, @Nullable String caseRef, int limit, int offset) {
        String who = seesAllReviews() ? agent : CurrentUser.actorName();
        UUID caseId = null;
        if (caseRef != null && !caseRef.isBlank()) {
            caseId = cases.resolve(caseRef.strip()).orElse(null);
            if (caseId == null) {
                return List.of();
            }
        }
        return store.reviews(CurrentUser.marketScope(), who, caseId, Math.clamp(limit, 1, 500), Math.max(0, offset));
    }

    @Override
    @Transactional
    public Review acknowledge(UUID id, @Nullable String comment) {
        return agentAnswer(id, ReviewStatus.ACKNOWLEDGED, comment, "quality.review.acknowledged");
    }

    @Override
    @Transactional
    public Review dispute(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "say why the review is disputed");
        }
        return agentAnswer(id, ReviewStatus.DISPUTED, reason.strip(), "quality.review.disputed");
    }

    private Review agentAnswer(UUID id, ReviewStatus to, @Nullable String comment, String action) {
        Review r = get(id);
        if (!CurrentUser.actorName().equals(r.agent())) {
            throw new ConflictException("only the reviewed agent (" + r.agent() + ") acknowledges or disputes a review");
        }
        return move(r, ReviewStatus.SUBMITTED, to, limit(comment), null, action);
    }

    @Override
    @Transactional
    public Review decide(UUID id, boolean uphold, String note) {
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "a decision needs a note for the agent");
        }
        Review r = get(id);
        if (CurrentUser.actorName().equals(r.reviewer())) {
            throw new ConflictException("the reviewer may not decide a dispute of their own review");
        }
        return move(r, ReviewStatus.DISPUTED, uphold ? ReviewStatus.UPHELD : ReviewStatus.OVERTURNED, null,
                limit(note.strip()), uphold ? "quality.review.upheld" : "quality.review.overturned");
    }

    private Review move(Review r, ReviewStatus from, ReviewStatus to, @Nullable String comment, @Nullable String note,
                        String action) {
        if (r.status() != from || !store.transition(r.id(), from, to, comment, note, clock.instant())) {
            throw new ConflictException("review " + r.id() + " is " + r.status() + ", not " + from);
        }
        Review after = store.review(r.id()).orElseThrow();
        audit.record(action, "quality_review", r.id().toString(), r.market(), r.status(), after.status());
        return after;
    }

    private static @Nullable String limit(@Nullable String text) {
        if (text != null && text.length() > 2000) {
            throw new InvalidInputException("comment", "at most 2000 characters");
        }
        return text;
    }

    static boolean seesAllReviews() {
        return CurrentUser.principal().map(p -> p.hasRole(Role.PROCESS_MANAGER) || p.hasRole(Role.ADMIN)
                || p.hasRole(Role.AUDITOR) || p.hasRole(Role.QUALITY_REVIEWER)).orElse(true);
    }

    private static NotFoundException scorecardNotFound(UUID id) {
        return new NotFoundException("no scorecard " + id);
    }

    private static NotFoundException reviewNotFound(UUID id) {
        return new NotFoundException("no review " + id);
    }
}
