package dev.paydesk.reconciliation.engine;

/**
 * How far a provider's settled amount and date may drift from the movement and still count as the
 * same money.
 *
 * @param roundingMinor absolute difference always accepted (rounding)
 * @param fxBasisPoints relative difference accepted for currency conversion (1 bp = 0.01 %)
 * @param feeBasisPoints when only a net amount is reported, fees up to this share of the amount explain the gap
 * @param feeFixedMinor plus this fixed fee per line
 * @param bookingDriftDays days a line may be booked after the movement when matched without a reference
 */
public record Tolerance(long roundingMinor, int fxBasisPoints, int feeBasisPoints, long feeFixedMinor,
                        int bookingDriftDays) {

    public static final Tolerance STRICT = new Tolerance(0, 0, 0, 0, 3);

    public Tolerance {
        if (roundingMinor < 0 || fxBasisPoints < 0 || feeBasisPoints < 0 || feeFixedMinor < 0 || bookingDriftDays < 0) {
            throw new IllegalArgumentException("tolerances must not be negative");
        }
    }

    /** Whether a line of {@code lineAmount} settles {@code expected}. */
    boolean accepts(long expected, long lineAmount) {
        long difference = Math.abs(lineAmount - expected);
        return difference <= roundingMinor + Math.abs(expected) * fxBasisPoints / 10_000;
    }

    /** Whether a net-only line of {@code net} plus at most the fee allowance settles {@code expected}. */
    boolean acceptsNet(long expected, long net) {
        long gap = expected - net;
        return gap >= -roundingMinor && gap <= roundingMinor + feeFixedMinor + Math.abs(expected) * feeBasisPoints / 10_000;
    }
}
