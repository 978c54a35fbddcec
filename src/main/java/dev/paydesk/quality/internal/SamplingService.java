package dev.paydesk.quality.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.ClockState;
import dev.paydesk.cases.MoneyAction;
import dev.paydesk.cases.MoneyActions;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.Role;
import dev.paydesk.platform.UserAffiliations;
import dev.paydesk.platform.UserDirectory;
import dev.paydesk.quality.Assignment;
import dev.paydesk.quality.Sample;
import dev.paydesk.quality.sampling.Pick;
import dev.paydesk.quality.sampling.ResolvedCase;
import dev.paydesk.quality.sampling.Reviewer;
import dev.paydesk.quality.sampling.Sampler;
import dev.paydesk.quality.sampling.SamplingRules;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;
import dev.paydesk.shared.NotFoundException;

/**
 * Runs the sampler over a market's resolved cases, read through the case desk's API: as a preview (nothing
 * stored) or as a stored sample with review assignments (by hand or the weekly job).
 */
@Service
public class SamplingService {

    /** Most resolved cases one preview looks at. */
    static final int MAX_CASES = 500;

    private final CaseDesk cases;
    private final CaseWorkbench workbench;
    private final MoneyActions money;
    private final SampleStore store;
    private final UserDirectory users;
    private final MarketCatalog markets;
    private final AuditLog audit;
    private final Clock clock;
    private final UserAffiliations affiliations;

    private final dev.paydesk.disputes.Disputes disputes;

    SamplingService(CaseDesk cases, CaseWorkbench workbench, MoneyActions money, SampleStore store, UserDirectory users,
                    MarketCatalog markets, AuditLog audit, Clock clock, UserAffiliations affiliations,
                    dev.paydesk.disputes.Disputes disputes) {
        this.disputes = disputes;
        this.affiliations = affiliations;
        this.cases = cases;
        this.workbench = workbench;
        this.money = money;
        this.store = store;
        this.users = users;
        this.markets = markets;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Pick> preview(String market, LocalDate from, LocalDate to, SamplingRules rules, List<Reviewer> reviewers,
                              long seed, LocalDate today) {
        CurrentUser.requireInScope(market, () -> new NotFoundException("no market " + market));
        return pick(market, from, to, rules, reviewers, seed, today);
    }

    /**
     * Draws and stores the sample of a market and period with review assignments. Idempotent: a period
     * already sampled answers with the stored sample. Reviewers default to the market's enabled quality
     * reviewers. Background work (the weekly job) is not market-scoped.
     */
    @Transactional
    public Sample draw(String market, LocalDate from, LocalDate to, SamplingRules rules, @Nullable List<Reviewer> reviewers,
                       long seed, LocalDate today) {
        if (CurrentUser.principal().isPresent()) {
            CurrentUser.requireInScope(market, () -> new NotFoundException("no market " + market));
        }
        Optional<Sample> existing = store.sample(market, from, to);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<Reviewer> who = reviewers != null ? reviewers : qualityReviewers(market);
        UUID id = UUID.randomUUID();
        List<Assignment> assignments = pick(market, from, to, rules, who, seed, today).stream()
                .map(p -> new Assignment(UUID.randomUUID(), id, p.caseKey(), market, p.agent(), p.reviewer(), p.reason(),
                        p.dueOn(), null))
                .toList();
        Sample sample = new Sample(id, market, from, to, seed, clock.instant(), CurrentUser.actorName(), assignments);
        store.insert(sample);
        audit.record("quality.sample.drawn", "quality_sample", id.toString(), market, null,
                java.util.Map.of("from", from.toString(), "to", to.toString(), "seed", seed, "cases", assignments.size()));
        return sample;
    }

    /** The weekly job: every market's previous week (Monday to Sunday), seeded by market and week. */
    @Transactional
    public List<Sample> weekly(LocalDate today, SamplingRules rules) {
        LocalDate from = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        LocalDate to = from.plusDays(6);
        return markets.markets().stream()
                .map(m -> draw(m.code(), from, to, rules, null, seedOf(m.code(), from), today))
                .toList();
    }

    /** A week's seed: the same market and week always give the same sample. */
    public static long seedOf(String market, LocalDate from) {
        return from.toEpochDay() * 31 + market.hashCode();
    }

    /** Assignments of the caller's markets; {@code mine}: only those assigned to the caller. */
    @Transactional(readOnly = true)
    public List<Assignment> assignments(boolean mine) {
        return store.assignments(CurrentUser.marketScope(), mine ? CurrentUser.actorName() : null, 1000);
    }

    private List<Reviewer> qualityReviewers(String market) {
        return users.users().stream()
                .filter(u -> u.enabled() && u.roles().contains(Role.QUALITY_REVIEWER)
                        && (u.allMarkets() || u.markets().contains(market)))
                .map(u -> new Reviewer(u.username(), null))
                .toList();
    }

    private List<Pick> pick(String market, LocalDate from, LocalDate to, SamplingRules rules, List<Reviewer> reviewers,
                            long seed, LocalDate today) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "the period ends before it starts");
        }
        Map<String, UserAffiliations.Affiliation> agentSuppliers = affiliations.all();
        Map<String, LocalDate> agentsSince = new java.util.HashMap<>();
        users.users().forEach(u -> agentsSince.put(u.username().toLowerCase(java.util.Locale.ROOT),
                LocalDate.ofInstant(u.since(), ZoneOffset.UTC)));
        List<ResolvedCase> resolved = cases.list(new CaseQuery(CaseQuery.View.ALL, null,
                        Set.of(CaseStatus.RESOLVED, CaseStatus.CLOSED), market, null, null, null, null, null, MAX_CASES, 0))
                .stream()
                .filter(c -> c.assignee() != null)
                .filter(c -> {
                    LocalDate day = LocalDate.ofInstant(c.updatedAt(), ZoneOffset.UTC);
                    return !day.isBefore(from) && !day.isAfter(to);
                })
                .map(c -> facts(cases.get(c.id()), agentSuppliers, agentsSince))
                .toList();
        // a reviewer named without supplier (API) gets the one of their user, so the same-supplier rule applies
        List<Reviewer> known = reviewers.stream().map(r -> r.supplier() != null ? r : new Reviewer(r.name(),
                agentSuppliers.getOrDefault(r.name().toLowerCase(java.util.Locale.ROOT),
                        UserAffiliations.Affiliation.IN_HOUSE).supplier().orElse(null))).toList();
        return Sampler.sample(resolved, rules, known, today, seed);
    }

    private ResolvedCase facts(CaseDetail detail, Map<String, UserAffiliations.Affiliation> agentSuppliers,
                               Map<String, LocalDate> agentsSince) {
        CaseSummary c = detail.summary();
        Integer csat = workbench.csat(c.id()).map(CaseWorkbench.Survey::rating).orElse(null);
        boolean reopened = detail.timeline().stream().anyMatch(e -> e.kind() == dev.paydesk.cases.EntryKind.STATUS
                && ("RESOLVED".equals(e.data().get("from")) || "CLOSED".equals(e.data().get("from"))));
        boolean breached = c.breached() || detail.clocks().stream()
                .anyMatch(k -> k.state() == ClockState.BREACHED || k.breachedAt() != null);
        Money largest = money.forCase(c.id()).stream().map(MoneyAction::amount)
                .max(Comparator.comparingLong(Money::minor)).orElse(null);
        String agent = java.util.Objects.requireNonNull(c.assignee());
        UserAffiliations.Affiliation affiliation = agentSuppliers.get(agent.toLowerCase(java.util.Locale.ROOT));
        String supplier = affiliation == null ? null : affiliation.supplier().orElse(null);
        return new ResolvedCase(c.key(), agent, supplier, csat, reopened, breached,
                largest, agentsSince.get(agent.toLowerCase(java.util.Locale.ROOT)), disputeLost(detail),
                LocalDate.ofInstant(c.updatedAt(), ZoneOffset.UTC));
    }

    /** Whether a dispute linked to the case ended lost (a linked id that is not a dispute Paydesk knows counts as not lost). */
    private boolean disputeLost(CaseDetail detail) {
        for (dev.paydesk.cases.CaseLink link : detail.links()) {
            if (link.kind() != dev.paydesk.cases.LinkKind.DISPUTE) {
                continue;
            }
            try {
                if (disputes.dispute(java.util.UUID.fromString(link.ref())).status() == dev.paydesk.disputes.DisputeStatus.LOST) {
                    return true;
                }
            } catch (IllegalArgumentException | dev.paydesk.shared.NotFoundException e) {
                // a free-text link or a dispute no longer known: nothing to learn from it
            }
        }
        return false;
    }
}
