package dev.paydesk.cases;

import java.io.Reader;
import java.util.List;

/**
 * Bulk intake from CSV with a header row: {@code subject, market} required; {@code external_id}
 * (idempotency key), {@code description, language, priority, category, customer_ref, customer_email,
 * order_ref, payment_ref, tags} (separated by {@code ;}) optional. Every good row is imported; each
 * bad row is reported with its line number and imports nothing.
 */
public interface CaseImport {

    record RowError(long line, String message) {
    }

    record Result(int created, int alreadyImported, List<RowError> errors) {
    }

    Result importCsv(Reader csv);
}
