package dev.paydesk.reconciliation.engine;

import java.util.Currency;
import java.util.Set;

/**
 * What detectors need besides the facts: thresholds, the business calendars, the run's "now"
 * (epoch seconds) and which providers delivered settlement lines in this run.
 */
record DetectionContext(Thresholds thresholds, BusinessDays businessDays, long now, Set<String> providersWithLines) {

    static String format(long minor, String currency) {
        try {
            return dev.paydesk.shared.Money.of(minor, currency).toString();
        } catch (IllegalArgumentException e) {
            return minor + " " + currency;
        }
    }

    static int digits(String currency) {
        try {
            return Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}
