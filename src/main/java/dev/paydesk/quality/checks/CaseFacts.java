package dev.paydesk.quality.checks;

import java.util.List;
import java.util.Optional;

import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.MoneyAction;

/**
 * What the automatic checks look at, read through the case desk's API.
 *
 * @param macros       the macros in the case's language
 * @param laterContacts other cases of the same customer
 */
public record CaseFacts(CaseDetail detail, Optional<CaseWorkbench.Sop> sop, List<MoneyAction> moneyActions,
                        List<CaseWorkbench.Macro> macros, List<CaseSummary> laterContacts) {
}
