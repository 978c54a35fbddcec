package dev.paydesk.payments;

import java.time.Duration;

/** Outcome of one file import: rows read, new rows stored, rows sent to quarantine (with line numbers). */
public record ImportResult(String kind, String fileName, int rowsRead, int rowsNew, int rowsQuarantined,
                           Duration took) {
}
