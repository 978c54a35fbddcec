package dev.paydesk.cases.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Asks whether a payment or order has an open dispute, so a refund on it is routed for approval.
 * Answers from the dispute cases on the desk (source DISPUTE, still open, linked to the payment).
 */
@Component
class DisputeGuard {

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    DisputeGuard(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> openDispute(String paymentOrOrderRef) {
        return jdbc.sql("""
                select l2.ref from cases_case c
                join cases_link l on l.case_id = c.id and l.kind in ('PAYMENT', 'ORDER') and l.ref = ?
                join cases_link l2 on l2.case_id = c.id and l2.kind = 'DISPUTE'
                where c.source = 'DISPUTE' and c.status not in ('RESOLVED', 'CLOSED') limit 1""")
                .param(paymentOrOrderRef).query(String.class).optional().map(ref -> "dispute " + ref);
    }
}
