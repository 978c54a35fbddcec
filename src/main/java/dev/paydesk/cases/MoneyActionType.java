package dev.paydesk.cases;

/** Money a specialist can move on a case; each is approved under four-eyes above its limit. */
public enum MoneyActionType {
    REFUND, RE_REFUND, GOODWILL, WRITE_OFF
}
