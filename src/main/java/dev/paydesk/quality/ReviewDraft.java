package dev.paydesk.quality;

import java.util.List;

import dev.paydesk.cases.CaseQualityChecks.AutomaticCheck;

/**
 * What the review workspace starts from: the scorecard for the case, answers prefilled from the automatic
 * checks (criteria linked to a check by its code; the reviewer may override them) and the checks themselves.
 */
public record ReviewDraft(String caseKey, Scorecard scorecard, List<Answer> prefilled, List<AutomaticCheck> checks) {
}
