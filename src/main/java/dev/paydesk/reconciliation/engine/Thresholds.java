package dev.paydesk.reconciliation.engine;

import java.time.Duration;
import java.util.Map;

/**
 * The detectors' configurable thresholds and the per-provider tolerances.
 *
 * @param refundSettlementBusinessDays a requested refund must settle within this many business days of the market
 * @param missingSettlementDays a capture must appear in a settlement within this many calendar days
 * @param duplicateCaptureWindow two equal captures of one order within this window are a duplicate
 * @param balanceToleranceMinor over- and underpayments up to this are ignored
 * @param tolerances per provider (upper-case name); others use {@code defaultTolerance}
 */
public record Thresholds(int refundSettlementBusinessDays, int missingSettlementDays, Duration duplicateCaptureWindow,
                         long balanceToleranceMinor, Tolerance defaultTolerance, Map<String, Tolerance> tolerances) {

    public static final Thresholds DEFAULTS = new Thresholds(5, 3, Duration.ofDays(1), 0, Tolerance.STRICT, Map.of());

    public Thresholds {
        if (refundSettlementBusinessDays < 0 || missingSettlementDays < 0 || balanceToleranceMinor < 0
                || duplicateCaptureWindow.isNegative()) {
            throw new IllegalArgumentException("thresholds must not be negative");
        }
        tolerances = Map.copyOf(tolerances);
    }

    public Tolerance tolerance(String provider) {
        return tolerances.getOrDefault(provider, defaultTolerance);
    }

    public Thresholds withTolerance(String provider, Tolerance tolerance) {
        Map<String, Tolerance> copy = new java.util.HashMap<>(tolerances);
        copy.put(provider, tolerance);
        return new Thresholds(refundSettlementBusinessDays, missingSettlementDays, duplicateCaptureWindow,
                balanceToleranceMinor, defaultTolerance, copy);
    }

    public Thresholds withRefundSettlementBusinessDays(int days) {
        return new Thresholds(days, missingSettlementDays, duplicateCaptureWindow, balanceToleranceMinor,
                defaultTolerance, tolerances);
    }

    public Thresholds withMissingSettlementDays(int days) {
        return new Thresholds(refundSettlementBusinessDays, days, duplicateCaptureWindow, balanceToleranceMinor,
                defaultTolerance, tolerances);
    }

    public Thresholds withDuplicateCaptureWindow(Duration window) {
        return new Thresholds(refundSettlementBusinessDays, missingSettlementDays, window, balanceToleranceMinor,
                defaultTolerance, tolerances);
    }

    public Thresholds withBalanceTolerance(long minor) {
        return new Thresholds(refundSettlementBusinessDays, missingSettlementDays, duplicateCaptureWindow, minor,
                defaultTolerance, tolerances);
    }
}
