package dev.paydesk.payments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.payments.PaymentRecorded;
import dev.paydesk.payments.PaymentsRecorded;
import dev.paydesk.payments.Provider;
import dev.paydesk.payments.TransactionKind;
import dev.paydesk.platform.PanRedactor;

/**
 * Stores a camt.053 statement (inside the caller's import transaction): each booked movement once,
 * keyed by (BANK, kind, provider reference), with its statement details, linked to the order whose
 * reference its remittance information contains, and as a bank settlement line so reconciliation
 * sees the statement too. Bad entries go to the quarantine (once per file, entry and reason).
 */
@Component
class BankStatementImport {

    private final JdbcClient jdbc;
    private final PaymentsStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BankStatementImport(JdbcClient jdbc, PaymentsStore store, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    ReportImports.Counts camt053(String fileName, InputStream content) {
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Camt053Reader.Document document = Camt053Reader.read(bytes);
        List<PaymentRecorded> recorded = new ArrayList<>();
        for (Camt053Reader.BankMovement m : document.movements()) {
            store(fileName, m).ifPresent(recorded::add);
        }
        int added = recorded.size();
        if (!recorded.isEmpty()) {
            events.publishEvent(new PaymentsRecorded(recorded));
        }
        for (Camt053Reader.BadEntry bad : document.bad()) {
            quarantineOnce("file:" + fileName, bad);
        }
        return new ReportImports.Counts(document.entries(), added, document.bad().size());
    }

    private Optional<PaymentRecorded> store(String fileName, Camt053Reader.BankMovement m) {
        String order = orderIn(m.referenceCandidates());
        String customer = order == null ? null : store.order(order).map(PaymentsStore.OrderRow::customerReference)
                .orElse(null);
        String remittance = m.remittance() == null ? null : PanRedactor.redact(m.remittance());
        NormalizedTransaction tx = new NormalizedTransaction(m.kind(), m.providerReference(), null, order, customer,
                m.status(), m.amount(), "bank_transfer", null, null, null, m.bookedAt());
        PaymentsStore.Upserted upserted = store.upsertAll(List.of(new PaymentsStore.Movement(Provider.BANK, m.account(), tx)))
                .getFirst();
        if (!upserted.inserted()) {
            return Optional.empty();
        }
        UUID txId = upserted.id();
        jdbc.sql("update payments_transaction set booked_at = :at where id = :id")
                .param("at", Timestamp.from(m.bookedAt())).param("id", txId).update();
        jdbc.sql("""
                insert into payments_bank_entry (transaction_id, account, statement_id, entry_number, line_number,
                    entry_reference, account_servicer_ref, end_to_end_id, booking_date, value_date, bank_transaction_code,
                    remittance, counterparty_name, counterparty_iban, source_file)
                values (:id, :account, :statement, :entry, :line, :entryRef, :servicer, :e2e, :booking, :value, :code,
                    :remittance, :name, :iban, :file)
                on conflict (transaction_id) do nothing""")
                .param("id", txId).param("account", m.account()).param("statement", m.statementId())
                .param("entry", m.entryNumber()).param("line", m.line()).param("entryRef", m.entryReference())
                .param("servicer", m.accountServicerReference()).param("e2e", m.endToEndId())
                .param("booking", m.bookingDate()).param("value", m.valueDate())
                .param("code", m.bankTransactionCode()).param("remittance", remittance)
                .param("name", m.counterpartyName()).param("iban", m.counterpartyIban()).param("file", fileName)
                .update();
        settlementLine(fileName, m, order, remittance);
        return Optional.of(new PaymentRecorded(txId, Provider.BANK, m.account(), m.kind(), m.providerReference(),
                null, order, m.amount(), m.status(), m.bookedAt()));
    }

    /**
     * The statement line for reconciliation: record type CRDT/DBIT, the movement's reference, and as
     * merchant reference the order found or else the remittance text (reconciliation looks for order
     * references in it once the order is known).
     */
    private void settlementLine(String fileName, Camt053Reader.BankMovement m, @Nullable String order,
                                @Nullable String remittance) {
        boolean credit = m.kind() == TransactionKind.BANK_CREDIT;
        long minor = m.amount().minor();
        UUID key = UUID.nameUUIDFromBytes(("BANK\u001f" + m.account() + "\u001f" + m.kind() + "\u001f"
                + m.providerReference()).getBytes(StandardCharsets.UTF_8));
        jdbc.sql("""
                insert into payments_settlement_line_p0 (line_key, provider, merchant_account, batch, line_number, psp_reference,
                    merchant_reference, modification_reference, payment_method, record_type, booked_at, gross_currency,
                    gross_debit_minor, gross_credit_minor, net_currency, net_debit_minor, net_credit_minor, fees_minor, source_file)
                values (:key, 'BANK', :account, :batch, :line, :ref, :order, null, 'bank_transfer', :type, :at, :cur,
                    :debit, :credit, :cur, :debit, :credit, 0, :file)
                on conflict (line_key) do nothing""")
                .param("key", key).param("account", m.account()).param("batch", m.statementId())
                .param("line", m.line() == null ? m.entryNumber() : m.line()).param("ref", m.providerReference())
                .param("order", order != null ? order : remittance).param("type", credit ? "CRDT" : "DBIT")
                .param("at", Timestamp.from(m.bookedAt())).param("cur", m.amount().currency().getCurrencyCode())
                .param("debit", credit ? null : minor).param("credit", credit ? minor : null).param("file", fileName)
                .update();
    }

    /** The first candidate (structured references first, then remittance words, then end-to-end id) that is a known order. */
    private @Nullable String orderIn(List<String> candidates) {
        if (candidates.isEmpty()) {
            return null;
        }
        List<String> known = jdbc.sql("select merchant_reference from payments_order where merchant_reference = any(:refs)")
                .param("refs", candidates.toArray(String[]::new)).query(String.class).list();
        return candidates.stream().filter(known::contains).findFirst().orElse(null);
    }

    private void quarantineOnce(String source, Camt053Reader.BadEntry bad) {
        boolean open = jdbc.sql("""
                select exists (select 1 from payments_quarantine where source = :source and provider = 'BANK'
                    and reason = :reason and replayed_at is null)""")
                .param("source", source).param("reason", bad.reason()).query(Boolean.class).single();
        if (!open) {
            store.quarantine(source, Provider.BANK, bad.account(), bad.line(), bad.reason(),
                    PanRedactor.redact(bad.raw()), clock.instant());
        }
    }
}
