package dev.paydesk.workforce;

import java.util.Map;
import java.util.Optional;

/**
 * The QA score the allocation uses for a supplier: the measured IQS when there is one, else the typed score.
 *
 * @param typedQa  the QA score typed in for the supplier
 * @param measured the IQS measured from reviews, with the period it covers
 * @param usedQa   what the allocation uses
 */
public record SupplierQuality(String supplier, double typedQa, Optional<MeasuredQuality.Measured> measured,
                              double usedQa) {

    public static SupplierQuality of(Supplier s, Map<String, MeasuredQuality.Measured> measured) {
        Optional<MeasuredQuality.Measured> m = Optional.ofNullable(measured.get(s.code()));
        return new SupplierQuality(s.code(), s.qaScore(), m, m.map(MeasuredQuality.Measured::iqs).orElse(s.qaScore()));
    }
}
