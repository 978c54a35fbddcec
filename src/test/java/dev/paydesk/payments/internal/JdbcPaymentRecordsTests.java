package dev.paydesk.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.payments.PaymentRecords;

/**
 * The read without a scope table ({@code readWhole}, used when the range holds every movement,
 * refund request and booked line) returns exactly the records of the read through the scope table,
 * including the edge cases of the scope: an order created outside the range with no activity (left
 * out), one named only by a word of a line's free text (read), lines without a booking time that name
 * an order in scope, a movement, or nothing (left out), a movement without an order (left out).
 * The range is 1970..2100, which holds every record of the shared test database; the edge cases are
 * created in 1960. Everything is rolled back.
 */
@SpringBootTest
class JdbcPaymentRecordsTests {

    @Autowired
    JdbcPaymentRecords records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void theReadWithoutScopeTableFindsExactlyWhatTheScopeFinds() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Instant from = Instant.parse("1970-01-01T00:00:00Z");
        Instant to = Instant.parse("2100-01-01T00:00:00Z");
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            order("ORD-IDLE-" + id, "1960-01-01T00:00:00Z");
            order("ORD-WORD-" + id, "1960-01-01T00:00:00Z");
            order("ORD-PAID-" + id, "1960-01-01T00:00:00Z");
            order("ORD-NEW-" + id, "2026-11-01T00:00:00Z");
            order("ORD-UNBOOKED-" + id, "1960-01-01T00:00:00Z");
            movement("PSP-" + id, "ORD-PAID-" + id);
            movement("LOOSE-" + id, null);
            line("bank credit ORD-WORD-" + id + ", thanks", null, "2026-11-03T00:00:00Z");
            line("ORD-PAID-" + id, null, null);
            line(null, "PSP-" + id, null);
            line("ORD-UNBOOKED-" + id, null, null);
            line(null, "LOOSE-" + id, null);
            line("ORD-NOTHING-" + id, null, null);

            Collected whole = new Collected();
            records.createScope();
            records.readWhole(from, to, whole);
            Collected scoped = new Collected();
            records.createScope();
            records.readScoped(from, to, scoped);

            assertThat(whole.orders).isEqualTo(scoped.orders);
            assertThat(whole.movements).isEqualTo(scoped.movements);
            assertThat(whole.requests).isEqualTo(scoped.requests);
            assertThat(whole.lines).isEqualTo(scoped.lines);
            assertThat(whole.orderRefs()).contains("ORD-WORD-" + id, "ORD-PAID-" + id, "ORD-NEW-" + id)
                    .doesNotContain("ORD-IDLE-" + id, "ORD-UNBOOKED-" + id);
            assertThat(whole.lineRefs()).contains("ORD-PAID-" + id, "PSP-" + id)
                    .doesNotContain("ORD-UNBOOKED-" + id, "LOOSE-" + id, "ORD-NOTHING-" + id);
            assertThat(whole.movements).extracting(PaymentRecords.TransactionRecord::providerReference)
                    .contains("PSP-" + id).doesNotContain("LOOSE-" + id);
            assertThat(whole.duplicates).as("each record comes once").isZero();
            assertThat(scoped.duplicates).as("each record comes once").isZero();
            assertThat(whole.wordsFollowed).isTrue();
            assertThat(scoped.wordsFollowed).isFalse();
        });
    }

    /** The binary COPY's fields decode to the values stored: text with a backslash, amounts, microseconds, UUIDs, char(3), nulls. */
    @Test
    void theReadDecodesEveryKindOfFieldAsStored() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            order("ORD-DEC-" + id, "1960-01-01T00:00:00Z");
            UUID movement = movement("PSP-DEC-" + id, "ORD-DEC-" + id);
            UUID line = line("ORD-DEC-" + id, "PSP-DEC-" + id, "2026-11-03T12:34:56.000789Z");
            Collected read = new Collected();
            records.readOrders(java.util.List.of("ORD-DEC-" + id), read);

            assertThat(read.orders).containsExactly(new PaymentRecords.OrderRecord("ORD-DEC-" + id, "DE", "c\\t1", 1000L,
                    "EUR", "card"));
            assertThat(read.movements).containsExactly(new PaymentRecords.TransactionRecord(movement,
                    dev.paydesk.payments.Provider.ADYEN, "acc", dev.paydesk.payments.TransactionKind.CAPTURE, "PSP-DEC-" + id,
                    null, "ORD-DEC-" + id, null, "captured", 1000, "EUR", "card",
                    Instant.parse("2026-11-02T10:00:00.123456Z")));
            assertThat(read.lines).containsExactly(new PaymentRecords.SettlementLineRecord(line,
                    dev.paydesk.payments.Provider.ADYEN, "acc", null, "PSP-DEC-" + id, "ORD-DEC-" + id, null, null, "Settled",
                    Instant.parse("2026-11-03T12:34:56.000789Z"), "EUR", 1000, "EUR", 980, 20));
            assertThat(read.duplicates).isZero();
        });
    }

    @Test
    void aFewOrdersReadByTheirIndexGiveWhatTheScopeTableGives() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String odd = "ORD-O'Brien \\\"q\", {x} " + id;
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            order("ORD-PAID-" + id, "2026-11-01T00:00:00Z");
            order(odd, "2026-11-01T00:00:00Z");
            order("ORD-OTHER-" + id, "2026-11-01T00:00:00Z");
            movement("PSP-" + id, "ORD-PAID-" + id);
            movement("PSP-ODD-" + id, odd);
            movement("PSP-OTHER-" + id, "ORD-OTHER-" + id);
            line("ORD-PAID-" + id, null, "2026-11-03T00:00:00Z");
            line(null, "PSP-" + id, null);
            line("ORD-PAID-" + id, "PSP-" + id, "2026-11-05T00:00:00Z"); // names the order and its movement
            line(odd, null, "2026-11-04T00:00:00Z");
            line(null, "PSP-OTHER-" + id, "2026-11-04T00:00:00Z");
            java.util.List<String> few = java.util.List.of("ORD-PAID-" + id, odd, "ORD-MISSING-" + id);
            // more than are looked up one by one: the lines come from one pass instead, the same ones
            java.util.List<String> many = new java.util.ArrayList<>(few);
            for (int i = 0; many.size() <= JdbcPaymentRecords.PROBED_LIMIT; i++) {
                many.add("ORD-NONE-" + i + "-" + id);
            }
            Collected passed = new Collected();
            records.streamListed(many, passed);
            java.util.List<String> asked = few;

            Collected listed = new Collected();
            records.streamListed(asked, listed);
            Collected scoped = new Collected();
            records.readOrdersThroughScope(asked, scoped);
            assertThat(passed.lines).isEqualTo(scoped.lines);
            assertThat(passed.orders).isEqualTo(scoped.orders);

            assertThat(listed.orders).isEqualTo(scoped.orders);
            assertThat(listed.movements).isEqualTo(scoped.movements);
            assertThat(listed.requests).isEqualTo(scoped.requests);
            assertThat(listed.lines).isEqualTo(scoped.lines);
            assertThat(listed.duplicates).isZero();
            assertThat(scoped.duplicates).isZero();
            assertThat(listed.orderRefs()).containsExactlyInAnyOrder("ORD-PAID-" + id, odd);
            assertThat(listed.movements).extracting(PaymentRecords.TransactionRecord::providerReference)
                    .containsExactlyInAnyOrder("PSP-" + id, "PSP-ODD-" + id);
            assertThat(listed.lineRefs()).contains("ORD-PAID-" + id, "PSP-" + id, odd).doesNotContain("PSP-OTHER-" + id);
        });
    }

    private void order(String ref, String created) {
        jdbc.sql("""
                insert into payments_order (merchant_reference, market, customer_reference, amount_due_minor, currency,
                    expected_method, created_at) values (:ref, 'DE', 'c\\t1', 1000, 'EUR', 'card', cast(:at as timestamptz))""")
                .param("ref", ref).param("at", created).update();
    }

    private UUID movement(String ref, String order) {
        UUID key = UUID.randomUUID();
        jdbc.sql("""
                insert into payments_transaction (id, provider, merchant_account, kind, provider_reference, merchant_reference,
                    status, amount_minor, currency, method, occurred_at)
                values (:id, 'ADYEN', 'acc', 'CAPTURE', :ref, :order, 'captured', 1000, 'EUR', 'card',
                    cast('2026-11-02T10:00:00.123456Z' as timestamptz))""")
                .param("id", key).param("ref", ref).param("order", order).update();
        return key;
    }

    private UUID line(String merchantReference, String psp, String booked) {
        UUID key = UUID.randomUUID();
        jdbc.sql("""
                insert into payments_settlement_line (line_key, provider, merchant_account, line_number, psp_reference,
                    merchant_reference, record_type, booked_at, gross_currency, gross_credit_minor, net_currency,
                    net_credit_minor, fees_minor)
                values (:key, 'ADYEN', 'acc', 1, :psp, :ref, 'Settled', cast(:at as timestamptz), 'EUR', 1000, 'EUR', 980, 20)""")
                .param("key", key).param("psp", psp).param("ref", merchantReference).param("at", booked)
                .update();
        return key;
    }

    private static final class Collected implements PaymentRecords.RecordSink {
        final Set<PaymentRecords.OrderRecord> orders = new HashSet<>();
        final Set<PaymentRecords.TransactionRecord> movements = new HashSet<>();
        final Set<PaymentRecords.RefundRequestRecord> requests = new HashSet<>();
        final Set<PaymentRecords.SettlementLineRecord> lines = new HashSet<>();
        int duplicates;
        boolean wordsFollowed;

        @Override
        public void remittanceWordsFollowed() {
            wordsFollowed = true;
        }

        @Override
        public void order(PaymentRecords.OrderRecord order) {
            duplicates += orders.add(order) ? 0 : 1;
        }

        @Override
        public void transaction(PaymentRecords.TransactionRecord transaction) {
            duplicates += movements.add(transaction) ? 0 : 1;
        }

        @Override
        public void refundRequest(PaymentRecords.RefundRequestRecord request) {
            duplicates += requests.add(request) ? 0 : 1;
        }

        @Override
        public void settlementLine(PaymentRecords.SettlementLineRecord line) {
            duplicates += lines.add(line) ? 0 : 1;
        }

        Set<String> orderRefs() {
            Set<String> refs = new HashSet<>();
            orders.forEach(o -> refs.add(o.merchantReference()));
            return refs;
        }

        Set<String> lineRefs() {
            Set<String> refs = new HashSet<>();
            lines.forEach(l -> refs.add(l.merchantReference() != null ? l.merchantReference() : l.pspReference()));
            return refs;
        }
    }
}
