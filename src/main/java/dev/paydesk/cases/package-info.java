/**
 * Case desk: payment cases with routing, several clocks per case (SLA targets on business calendars,
 * external deadlines, OLAs), four-eyes money actions, bulk clean-up, e-mail intake and CSAT. The
 * public API is this package: {@link dev.paydesk.cases.CaseDesk}, {@link dev.paydesk.cases.MoneyActions}
 * and the events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case desk")
@org.jspecify.annotations.NullMarked
package dev.paydesk.cases;
