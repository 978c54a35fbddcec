package dev.paydesk.cases;

import java.util.List;
import java.util.UUID;

/**
 * The automatic quality checks of a case, as the case page shows them. The case desk owns this interface
 * and the quality module implements it, so the case page needs no arrow to quality; without an
 * implementation the page shows no checks.
 */
public interface CaseQualityChecks {

    /** The checks of a case the caller may see; an unknown or other market's case is not found. */
    List<AutomaticCheck> checks(UUID caseId);

    /** One check: a stable code (e.g. {@code clock.FIRST_RESPONSE}), a label, its outcome and what it found. */
    record AutomaticCheck(String code, String label, Outcome outcome, String detail) {
    }

    /** {@code NOTED} marks a fact without a verdict (e.g. the reply came from a macro). */
    enum Outcome {
        PASSED, FAILED, NOTED, NOT_APPLICABLE
    }
}
