package dev.paydesk.quality.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.Role;
import dev.paydesk.quality.Answer;
import dev.paydesk.quality.CalibrationSession;
import dev.paydesk.quality.Calibrations;
import dev.paydesk.quality.Scorecard;
import dev.paydesk.quality.Scorecards;
import dev.paydesk.quality.calibration.CalibrationAnalysis;
import dev.paydesk.quality.calibration.CalibrationRating;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/** Calibration sessions: blind while open, analysed (alpha per criterion, disagreements, deviations) once revealed. */
@Service
class CalibrationService implements Calibrations {

    static final int MAX_CASES = 50;

    private final CalibrationStore store;
    private final Scorecards scorecards;
    private final CaseDesk cases;
    private final AuditLog audit;
    private final Clock clock;

    CalibrationService(CalibrationStore store, Scorecards scorecards, CaseDesk cases, AuditLog audit, Clock clock) {
        this.store = store;
        this.scorecards = scorecards;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CalibrationSession create(String name, String market, UUID scorecardId, List<String> caseKeys,
                                     List<String> reviewers) {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new InvalidInputException("name", "a session needs a name of 1-120 characters");
        }
        String m = market == null ? "" : market.strip().toUpperCase(java.util.Locale.ROOT);
        CurrentUser.requireInScope(m, () -> new NotFoundException("no market " + market));
        Scorecard card = scorecards.version(scorecardId);
        if (card.market() != null && !card.market().equals(m)) {
            throw new NotFoundException("no scorecard " + scorecardId + " for market " + m);
        }
        List<String> keys = new ArrayList<>();
        for (String ref : new LinkedHashSet<>(caseKeys == null ? List.<String>of() : caseKeys)) {
            if (ref == null || ref.isBlank()) {
                continue;
            }
            CaseSummary c = cases.find(ref.strip()).orElseThrow(() -> new NotFoundException("no case " + ref)).summary();
            if (!c.market().equals(m) || c.status().isOpen()) {
                throw new ConflictException("case " + c.key() + " is not a resolved case of " + m);
            }
            keys.add(c.key());
        }
        if (keys.isEmpty() || keys.size() > MAX_CASES) {
            throw new InvalidInputException("cases", "a session has 1 to " + MAX_CASES + " resolved cases");
        }
        List<String> who = (reviewers == null ? List.<String>of() : reviewers).stream()
                .filter(r -> r != null && !r.isBlank()).map(String::strip).distinct().toList();
        if (who.isEmpty()) {
            throw new InvalidInputException("reviewers", "name at least one reviewer besides you");
        }
        CalibrationSession s = new CalibrationSession(UUID.randomUUID(), name.strip(), m, card.id(), keys, who,
                CalibrationSession.Status.OPEN, CurrentUser.actorName(), clock.instant());
        store.insert(s);
        audit.record("quality.calibration.created", "quality_calibration", s.id().toString(), m, null, s);
        return s;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CalibrationSession> list() {
        String me = CurrentUser.actorName();
        return store.sessions(CurrentUser.marketScope()).stream().filter(s -> isLead() || s.takesPart(me)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public View view(UUID id) {
        CalibrationSession s = session(id);
        Scorecard card = scorecards.version(s.scorecardId());
        List<CalibrationRating> all = store.ratings(id);
        if (s.status() == CalibrationSession.Status.OPEN) {
            String me = CurrentUser.actorName();
            return new View(s, card, all.stream().filter(r -> r.reviewer().equals(me)).toList(), null);
        }
        return new View(s, card, all, CalibrationAnalysis.analyse(card, s.caseKeys(), all, s.createdBy()));
    }

    @Override
    @Transactional
    public void rate(UUID id, String caseKey, List<Answer> answers) {
        CalibrationSession s = session(id);
        String me = CurrentUser.actorName();
        if (!s.takesPart(me)) {
            throw new ConflictException(me + " does not take part in calibration session " + s.name());
        }
        if (s.status() != CalibrationSession.Status.OPEN) {
            throw new ConflictException("calibration session " + s.name() + " is revealed: no more ratings");
        }
        if (!s.caseKeys().contains(caseKey)) {
            throw new NotFoundException("case " + caseKey + " is not in session " + s.name());
        }
        scorecards.version(s.scorecardId()).score(answers);
        store.rate(id, new CalibrationRating(me, caseKey, answers), clock.instant());
        audit.record("quality.calibration.rated", "quality_calibration", id.toString(), s.market(), null,
                java.util.Map.of("case", caseKey, "reviewer", me));
    }

    @Override
    @Transactional
    public CalibrationSession reveal(UUID id) {
        CalibrationSession s = session(id);
        if (!CurrentUser.actorName().equals(s.createdBy()) && !isLead()) {
            throw new ConflictException("only the session's lead reveals it");
        }
        if (!store.reveal(id)) {
            throw new ConflictException("calibration session " + s.name() + " is already revealed");
        }
        audit.record("quality.calibration.revealed", "quality_calibration", id.toString(), s.market(),
                CalibrationSession.Status.OPEN, CalibrationSession.Status.REVEALED);
        return session(id);
    }

    private CalibrationSession session(UUID id) {
        CalibrationSession s = store.session(id).orElseThrow(() -> notFound(id));
        CurrentUser.requireInScope(s.market(), () -> notFound(id));
        if (!isLead() && !s.takesPart(CurrentUser.actorName())) {
            throw notFound(id);
        }
        return s;
    }

    private static boolean isLead() {
        return CurrentUser.principal().map(p -> p.hasRole(Role.PROCESS_MANAGER) || p.hasRole(Role.ADMIN)
                || p.hasRole(Role.AUDITOR)).orElse(true);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no calibration session " + id);
    }
}
