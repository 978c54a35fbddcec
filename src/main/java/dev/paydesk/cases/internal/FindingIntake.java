package dev.paydesk.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.FindingCaseIntake;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.NewCase;
import dev.paydesk.cases.Priority;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.UserDirectory;
import dev.paydesk.reconciliation.FindingOpened;
import dev.paydesk.reconciliation.FindingResolved;

/**
 * Reconciliation findings on the case desk ({@link CaseIntake}'s steps): a finding joins an open case
 * about the same order (or payment), otherwise it opens a case (idempotent per finding) whose category
 * is the finding type, routed by the routing rules (the reconciliation queue unless a rule says otherwise) with a priority
 * by the money at risk. Findings of one group (one batch or incident) share one case that lists them.
 * New cases are limited by {@link FindingCaseLimit}: past the limit the breaker opens, findings wait,
 * process managers and admins are notified, and an admin resumes. A finding that resolves itself is
 * noted, and a case opened only for it (or for its whole group) resolves too.
 */
@Component
class FindingIntake implements FindingCaseIntake {

    static final String QUEUE = "reconciliation";
    private static final int RESUME_BATCH = 5_000;

    private final CaseDesk desk;
    private final CaseIntake intake;
    private final MarketCatalog markets;
    private final FindingGroups groups;
    private final FindingCaseLimit limit;
    private final AuditLog audit;
    private final UserDirectory users;
    private final JdbcClient jdbc;
    private final Clock clock;

    FindingIntake(CaseDesk desk, CaseIntake intake, MarketCatalog markets, FindingGroups groups, CasesProperties properties,
                  AuditLog audit, UserDirectory users, JdbcClient jdbc, Clock clock) {
        this.desk = desk;
        this.intake = intake;
        this.markets = markets;
        this.groups = groups;
        this.limit = new FindingCaseLimit(properties.findings().maxNewCases(), properties.findings().window());
        this.audit = audit;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(FindingOpened f) {
        groups.lock();
        handle(f);
    }

    /** Returns false when the finding had to wait. */
    private boolean handle(FindingOpened f) {
        String ref = f.findingId().toString();
        List<CaseSummary> already = desk.linkedTo(LinkKind.FINDING, ref);
        if (already.stream().anyMatch(c -> c.status().isOpen()) || groups.listed(f.findingId())) {
            return true;
        }
        CaseIntake.Arrival arrival = arrival(f);
        Optional<CaseSummary> joinable = intake.openCaseAbout(arrival, c -> c.source() != CaseSource.FINDING);
        String what = f.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (joinable.isPresent()) {
            intake.join(joinable.get().id(), arrival,
                    "Reconciliation found " + what + " (" + f.amountAtRisk() + " at risk): " + f.summary());
            return true;
        }
        if (!already.isEmpty()) {
            CaseSummary previous = already.getFirst();
            desk.changeStatus(previous.id(), CaseStatus.OPEN, null);
            desk.addNote(previous.id(), "The finding came back: " + f.summary());
            return true;
        }
        Optional<UUID> groupCase = f.group() == null ? Optional.empty() : groups.caseOf(f.group());
        if (groupCase.isPresent()) {
            groups.add(f.group(), groupCase.get(), f, clock.instant());
            return true;
        }
        Instant now = clock.instant();
        switch (limit.decide(groups.paused().isPresent(), groups.openedWithin(now, limit.window()))) {
            case FindingCaseLimit.Decision.Wait w -> {
                groups.await(f, now);
                if (w.trip()) {
                    pause(now, w.why());
                }
                return false;
            }
            case FindingCaseLimit.Decision.Open o -> open(f, what, now);
        }
        return true;
    }

    private void open(FindingOpened f, String what, Instant now) {
        String market = CaseIntake.marketFor(markets, f.market());
        String category = "reconciliation." + f.type().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Priority priority = CaseIntake.priorityFor(f.amountAtRisk());
        if (f.group() != null) {
            String source = f.provider() == null ? "" : " from " + f.provider();
            UUID caseId = intake.open(CaseIntake.Arrival.NOTHING_LINKED,
                    NewCase.builder(NewCase.cut(capitalise(what) + source + " (grouped)", NewCase.MAX_SUBJECT), market,
                                    CaseSource.FINDING)
                            .description("Reconciliation found " + what + " findings" + source + " that belong together "
                                    + "(one batch or run). They are listed on the case (API: /api/v1/cases/{key}/findings); "
                                    + "the first: " + f.summary() + "\nSuggested action: " + f.type().suggestedAction())
                            .priority(priority).category(category).provider(provider(f))
                            .tags(List.of("reconciliation", "grouped")).idempotencyKey(NewCase.refOrNull("group:" + f.group())))
                    .caseId();
            groups.startGroup(f.group(), caseId);
            groups.add(f.group(), caseId, f, now);
            return;
        }
        intake.open(arrival(f), NewCase.builder(NewCase.cut(capitalise(what) + " · " + f.amountAtRisk()
                        + (f.orderRef() == null ? "" : " · " + f.orderRef()), NewCase.MAX_SUBJECT), market, CaseSource.FINDING)
                .description(f.summary() + "\nSuggested action: " + f.type().suggestedAction())
                .priority(priority).category(category).customer(NewCase.refOrNull(f.customerRef()), null)
                .provider(provider(f)).amount(f.amountAtRisk()).tags(List.of("reconciliation"))
                .idempotencyKey(f.findingId().toString()));
    }

    /** A finding is about its order, then its payment; a case it lands on links the finding. */
    private static CaseIntake.Arrival arrival(FindingOpened f) {
        return new CaseIntake.Arrival(new CaseLink(LinkKind.FINDING, f.findingId().toString()),
                new CaseIntake.Ref(LinkKind.ORDER, f.orderRef()), new CaseIntake.Ref(LinkKind.PAYMENT, f.paymentRef()));
    }

    /** Opens the breaker once, tells every process manager and admin in the app, and audits it. */
    private void pause(Instant now, String why) {
        groups.pause(now, why);
        String text = "Cases from reconciliation findings are paused: " + why + ". Findings wait until an admin resumes "
                + "(Case settings, or POST /api/v1/case-settings/finding-intake/resume).";
        for (UserDirectory.User u : users.users()) {
            if (u.roles().contains(Role.ADMIN) || u.roles().contains(Role.PROCESS_MANAGER)) {
                jdbc.sql("""
                        insert into cases_notification (username, case_id, kind, text, created_at) values (?, null, 'INTAKE_PAUSED', ?, ?)""")
                        .params(u.username(), text, java.sql.Timestamp.from(now)).update();
            }
        }
        audit.record("finding-intake.paused", "finding_intake", "breaker", null, null, Map.of("reason", why));
    }

    @ApplicationModuleListener
    void on(FindingResolved f) {
        // serialised with other resolutions, so the last finding of a group sees the others resolved
        groups.lock();
        for (CaseSummary c : desk.linkedTo(LinkKind.FINDING, f.findingId().toString())) {
            desk.addNote(c.id(), "Reconciliation: the finding resolved itself (" + f.resolution() + ")");
            if (c.source() == CaseSource.FINDING && c.status().isOpen()) {
                desk.changeStatus(c.id(), CaseStatus.RESOLVED, null);
            }
        }
        groups.resolve(f.findingId(), clock.instant()).ifPresent(caseId -> {
            desk.addNote(caseId, "Reconciliation: every finding listed on this case resolved itself");
            if (desk.get(caseId).summary().status().isOpen()) {
                desk.changeStatus(caseId, CaseStatus.RESOLVED, null);
            }
        });
        groups.handled(f.findingId());
    }

    @Override
    public State state() {
        Optional<String[]> paused = groups.paused();
        return new State(paused.isPresent(), FindingGroups.pausedAt(paused), paused.map(p -> p[1]).orElse(null),
                groups.waitingCount());
    }

    @Override
    @Transactional
    public State resume() {
        if (CurrentUser.principal().isPresent() && CurrentUser.marketScope() != null) {
            throw new AccessDeniedException("resuming case creation from findings needs an admin of all markets");
        }
        groups.lock();
        if (groups.paused().isPresent()) {
            groups.unpause();
            audit.record("finding-intake.resumed", "finding_intake", "breaker", null, null,
                    Map.of("waiting", groups.waitingCount()));
        }
        for (FindingOpened f : groups.waiting(RESUME_BATCH)) {
            if (!handle(f)) {
                break;
            }
            groups.handled(f.findingId());
        }
        return state();
    }

    @Override
    public List<GroupedFinding> grouped(UUID caseId, int limit, int offset) {
        desk.get(caseId);
        return groups.list(caseId, limit, offset);
    }

    private static @Nullable String provider(FindingOpened f) {
        return f.provider() != null && f.provider().length() <= NewCase.MAX_SHORT ? f.provider() : null;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
