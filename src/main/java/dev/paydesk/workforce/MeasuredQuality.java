package dev.paydesk.workforce;

import java.time.LocalDate;
import java.util.Map;

/**
 * Supplier quality measured from reviews (the quality module implements it; workforce does not depend on
 * quality). Where a supplier has a measured IQS, the supplier allocation uses it instead of the typed QA score.
 */
public interface MeasuredQuality {

    /** The IQS (0..100) of a supplier's agents' counting reviews submitted {@code from}..{@code to}. */
    record Measured(double iqs, long reviews, LocalDate from, LocalDate to) {
    }

    /** Measured IQS by supplier code; suppliers without reviews in the period are absent. */
    Map<String, Measured> iqsBySupplier();
}
