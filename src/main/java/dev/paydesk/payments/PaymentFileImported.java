package dev.paydesk.payments;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A payment file was imported. For settlement reports, the booking dates of its lines, so reconciliation
 * can check that range (and report the file's batches) right away instead of at its next scheduled run.
 * A merchant captures feed too large to announce capture by capture ({@link PaymentsRecorded}) gives
 * the first and last capture time instead.
 *
 * @param firstBookedAt earliest booking date of the file's settlement lines (earliest capture of a captures feed), null when it has none
 * @param lastBookedAt latest booking date of the file's settlement lines (latest capture of a captures feed), null when it has none
 */
public record PaymentFileImported(String kind, String fileName, int rowsNew, @Nullable Instant firstBookedAt,
                                  @Nullable Instant lastBookedAt) {
}
