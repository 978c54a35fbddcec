package dev.paydesk.reconciliation.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.paydesk.reconciliation.engine.Thresholds;
import dev.paydesk.reconciliation.engine.Tolerance;

/**
 * {@code paydesk.reconciliation.*} settings: detector thresholds, per-provider tolerances
 * ({@code paydesk.reconciliation.tolerances.adyen.rounding-minor=1}) and run timing.
 *
 * @param debounce an order is reconciled incrementally once no new movement arrived for it this long
 * @param lookback scheduled runs cover this much history up to now
 * @param runAfterImport reconcile an imported settlement file's booking days right after the import
 */
@ConfigurationProperties("paydesk.reconciliation")
public record ReconciliationProperties(@DefaultValue("5") int refundSettlementBusinessDays,
                                       @DefaultValue("3") int missingSettlementDays,
                                       @DefaultValue("P1D") Duration duplicateCaptureWindow,
                                       @DefaultValue("0") long balanceToleranceMinor,
                                       @DefaultValue Map<String, ToleranceSettings> tolerances,
                                       @DefaultValue("PT30S") Duration debounce,
                                       @DefaultValue("P45D") Duration lookback,
                                       @DefaultValue("PT1H") Duration lease,
                                       @DefaultValue("true") boolean runAfterImport) {

    /** One provider's tolerances (see {@link Tolerance}). */
    public record ToleranceSettings(@DefaultValue("0") long roundingMinor, @DefaultValue("0") int fxBasisPoints,
                                    @DefaultValue("0") int feeBasisPoints, @DefaultValue("0") long feeFixedMinor,
                                    @DefaultValue("3") int bookingDriftDays) {
        Tolerance tolerance() {
            return new Tolerance(roundingMinor, fxBasisPoints, feeBasisPoints, feeFixedMinor, bookingDriftDays);
        }
    }

    public Thresholds thresholds() {
        Map<String, Tolerance> byProvider = tolerances.entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().toUpperCase(Locale.ROOT), e -> e.getValue().tolerance()));
        Tolerance fallback = byProvider.getOrDefault("DEFAULT", Tolerance.STRICT);
        return new Thresholds(refundSettlementBusinessDays, missingSettlementDays, duplicateCaptureWindow,
                balanceToleranceMinor, fallback, byProvider);
    }
}
