package dev.paydesk.quality.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CaseQualityChecks;
import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.MoneyActions;
import dev.paydesk.quality.ReviewDraft;
import dev.paydesk.quality.Scorecards;
import dev.paydesk.quality.checks.AutomaticChecks;
import dev.paydesk.quality.checks.CaseFacts;
import dev.paydesk.quality.checks.Prefill;
import dev.paydesk.shared.NotFoundException;

/** Quality's side of the case page: the automatic checks, read through the case desk's API. */
@Service
public class AutomaticCheckService implements CaseQualityChecks {

    private final CaseDesk cases;
    private final CaseWorkbench workbench;
    private final MoneyActions money;
    private final Scorecards scorecards;

    AutomaticCheckService(CaseDesk cases, CaseWorkbench workbench, MoneyActions money, Scorecards scorecards) {
        this.cases = cases;
        this.workbench = workbench;
        this.money = money;
        this.scorecards = scorecards;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AutomaticCheck> checks(UUID caseId) {
        return AutomaticChecks.evaluate(facts(cases.get(caseId)));
    }

    /** The checks of a case already read (the case page's panel). */
    @Transactional(readOnly = true)
    public List<AutomaticCheck> checks(CaseDetail detail) {
        return AutomaticChecks.evaluate(facts(detail));
    }

    /** The checks of a case by key or id. */
    @Transactional(readOnly = true)
    public List<AutomaticCheck> checks(String caseRef) {
        return AutomaticChecks.evaluate(facts(find(caseRef)));
    }

    /** The scorecard for the case with answers prefilled from its checks. */
    @Transactional(readOnly = true)
    public ReviewDraft draft(String caseRef) {
        return draft(caseRef, null);
    }

    /** The draft with a chosen scorecard version (of the case's market or every market), or the one covering the case. */
    @Transactional(readOnly = true)
    public ReviewDraft draft(String caseRef, @org.jspecify.annotations.Nullable UUID scorecardId) {
        CaseDetail detail = find(caseRef);
        CaseSummary c = detail.summary();
        var card = scorecardId == null ? scorecards.forCase(c.category(), c.market())
                .orElseThrow(() -> new NotFoundException("no active scorecard covers " + c.key()))
                : java.util.Optional.of(scorecards.version(scorecardId))
                .filter(s -> s.market() == null || s.market().equals(c.market()))
                .orElseThrow(() -> new NotFoundException("no scorecard " + scorecardId + " for market " + c.market()));
        List<AutomaticCheck> checks = AutomaticChecks.evaluate(facts(detail));
        return new ReviewDraft(c.key(), card, Prefill.answers(card, checks), checks);
    }

    private CaseDetail find(String caseRef) {
        return cases.find(caseRef.strip()).orElseThrow(() -> new NotFoundException("no case " + caseRef));
    }

    private CaseFacts facts(CaseDetail detail) {
        CaseSummary c = detail.summary();
        List<CaseSummary> others = c.customerRef() == null ? List.of()
                : cases.list(new CaseQuery(CaseQuery.View.ALL, c.customerRef(), Set.of(), c.market(), null, null, null,
                        null, null, 200, 0));
        return new CaseFacts(detail, workbench.sop(c), money.forCase(c.id()), workbench.macros(c.language()), others);
    }
}
