package dev.paydesk.payments;

import java.util.List;

/**
 * New money movements stored in the mirror by one ingest transaction (a batch of webhooks, a bank
 * statement), in the order they were stored. Published once per transaction rather than once per
 * movement, so listeners handle a webhook burst in one go.
 */
public record PaymentsRecorded(List<PaymentRecorded> payments) {

    public PaymentsRecorded {
        payments = List.copyOf(payments);
    }
}
