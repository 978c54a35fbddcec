package dev.paydesk.quality.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

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
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.quality.sampling.Pick;
import dev.paydesk.quality.sampling.ResolvedCase;
import dev.paydesk.quality.sampling.Reviewer;
import dev.paydesk.quality.sampling.Sampler;
import dev.paydesk.quality.sampling.SamplingRules;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;
import dev.paydesk.shared.NotFoundException;

/** Runs the sampler over a market's resolved cases, read through the case desk's API (a preview: nothing is stored). */
@Service
public class SamplingService {

    /** Most resolved cases one preview looks at. */
    static final int MAX_CASES = 500;

    private final CaseDesk cases;
    private final CaseWorkbench workbench;
    private final MoneyActions money;

    SamplingService(CaseDesk cases, CaseWorkbench workbench, MoneyActions money) {
        this.cases = cases;
        this.workbench = workbench;
        this.money = money;
    }

    @Transactional(readOnly = true)
    public List<Pick> preview(String market, LocalDate from, LocalDate to, SamplingRules rules, List<Reviewer> reviewers,
                              long seed, LocalDate today) {
        CurrentUser.requireInScope(market, () -> new NotFoundException("no market " + market));
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "the period ends before it starts");
        }
        List<ResolvedCase> resolved = cases.list(new CaseQuery(CaseQuery.View.ALL, null,
                        Set.of(CaseStatus.RESOLVED, CaseStatus.CLOSED), market, null, null, null, null, null, MAX_CASES, 0))
                .stream()
                .filter(c -> c.assignee() != null)
                .filter(c -> {
                    LocalDate day = LocalDate.ofInstant(c.updatedAt(), ZoneOffset.UTC);
                    return !day.isBefore(from) && !day.isAfter(to);
                })
                .map(c -> facts(cases.get(c.id())))
                .toList();
        return Sampler.sample(resolved, rules, reviewers, today, seed);
    }

    private ResolvedCase facts(CaseDetail detail) {
        CaseSummary c = detail.summary();
        Integer csat = workbench.csat(c.id()).map(CaseWorkbench.Survey::rating).orElse(null);
        boolean reopened = detail.timeline().stream().anyMatch(e -> e.kind() == dev.paydesk.cases.EntryKind.STATUS
                && ("RESOLVED".equals(e.data().get("from")) || "CLOSED".equals(e.data().get("from"))));
        boolean breached = c.breached() || detail.clocks().stream()
                .anyMatch(k -> k.state() == ClockState.BREACHED || k.breachedAt() != null);
        Money largest = money.forCase(c.id()).stream().map(MoneyAction::amount)
                .max(Comparator.comparingLong(Money::minor)).orElse(null);
        return new ResolvedCase(c.key(), java.util.Objects.requireNonNull(c.assignee()), null, csat, reopened, breached,
                largest, null, false, LocalDate.ofInstant(c.updatedAt(), ZoneOffset.UTC));
    }
}
