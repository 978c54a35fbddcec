package dev.paydesk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.paydesk.platform.PlatformTestSupport;
import dev.paydesk.platform.Role;
import dev.paydesk.reconciliation.Reconciliation;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;

/**
 * Bank statements in ISO 20022 camt.053.001.08 (fixture {@code payments/camt053-statement.xml},
 * written after the BankToCustomerStatementV08 message definition): movements, remittance to order,
 * re-import, a bad entry, the order timeline, and reconciliation finding a transfer paid short.
 */
@SpringBootTest
@AutoConfigureMockMvc
class Camt053ImportTests extends PlatformTestSupport {

    @Autowired
    FileImports imports;

    @Autowired
    PaymentQueries payments;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private String run;
    private String order1;
    private String order2;
    private String statement;

    @BeforeEach
    void statement() throws IOException {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
        run = UUID.randomUUID().toString().substring(0, 8);
        order1 = "ORD-" + run + "-1";
        order2 = "ORD-" + run + "-2";
        statement = Files.readString(Path.of("src/test/resources/payments/camt053-statement.xml"))
                .replace("{RUN}", run).replace("{ORDER1}", order1).replace("{ORDER2}", order2);
        run("orders", "orders.csv", "merchant_reference,market,customer_reference,amount,currency,expected_method\n"
                + order1 + ",DE,cust-" + run + ",59.90,EUR,bank_transfer\n"
                + order2 + ",DE,cust-" + run + ",100.00,EUR,bank_transfer\n");
    }

    @Test
    void bookedEntriesBecomeBankMovementsInMinorUnitsLinkedToTheOrderTheirRemittanceNames() {
        ImportResult result = run("camt053", "camt053-" + run + ".xml", statement);
        assertThat(result.rowsRead()).as("six Ntry elements").isEqualTo(6);
        assertThat(result.rowsNew()).as("entries 1, 2, 4 and the two transfers of batch entry 3").isEqualTo(5);
        assertThat(result.rowsQuarantined()).isEqualTo(1);

        PaymentQueries.PaymentSummary credit = byReference(run + "-A1");
        assertThat(credit.provider()).isEqualTo(Provider.BANK);
        assertThat(credit.kind()).isEqualTo(TransactionKind.BANK_CREDIT);
        assertThat(credit.amount()).isEqualTo(Money.of(5990, "EUR"));
        assertThat(credit.merchantReference()).as("Ustrd 'Order <ref>, thank you'").isEqualTo(order1);
        assertThat(credit.customerReference()).isEqualTo("cust-" + run);
        assertThat(byReference(run + "-A2").merchantReference()).as("Strd creditor reference").isEqualTo(order2);
        assertThat(byReference(run + "-A2").amount()).isEqualTo(Money.of(8000, "EUR"));
        PaymentQueries.PaymentSummary refund = byReference(run + "-A4");
        assertThat(refund.kind()).isEqualTo(TransactionKind.BANK_DEBIT);
        assertThat(refund.amount()).isEqualTo(Money.of(1234, "EUR"));
        assertThat(byReference(run + "-A3/1").amount()).isEqualTo(Money.of(1000, "EUR"));
        assertThat(byReference(run + "-A3/2").amount()).isEqualTo(Money.of(1550, "EUR"));
        assertThat(byReference(run + "-A3/1").merchantReference()).isNull();
        assertThat(payments.search(new PaymentQueries.SearchCriteria(null, run + "-A6", null, null, null, null, null,
                10))).as("pending entries wait until booked").isEmpty();

        Map<String, Object> details = jdbc.sql("""
                select b.booking_date, b.value_date, b.remittance, b.counterparty_name, b.counterparty_iban, b.entry_number,
                       b.account
                from payments_bank_entry b join payments_transaction t on t.id = b.transaction_id
                where t.provider_reference = :ref""").param("ref", run + "-A1").query().singleRow();
        assertThat(details.get("booking_date").toString()).isEqualTo(LocalDate.of(2026, 11, 20).toString());
        assertThat(details.get("value_date").toString()).isEqualTo(LocalDate.of(2026, 11, 21).toString());
        assertThat(details.get("remittance")).isEqualTo("Order " + order1 + ", thank you");
        assertThat(details.get("counterparty_name")).isEqualTo("Max M.");
        assertThat(details.get("counterparty_iban")).isEqualTo("DE89 **** 3000");
        assertThat(details.get("entry_number")).isEqualTo(1);
        assertThat(details.get("account")).isEqualTo("DE02120300000000202051");
    }

    @Test
    void importingTheSameStatementAgainAddsNothingAndDoesNotQuarantineTwice() {
        String name = "camt053-" + run + ".xml";
        assertThat(run("camt053", name, statement).rowsNew()).isEqualTo(5);
        ImportResult again = run("camt053", name, statement);
        assertThat(again.rowsNew()).isZero();
        assertThat(jdbc.sql("select count(*) from payments_transaction where provider = 'BANK' and provider_reference like :p")
                .param("p", run + "-%").query(Integer.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from payments_quarantine where source = :s").param("s", "file:" + name)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from payments_settlement_line where provider = 'BANK' and psp_reference like :p")
                .param("p", run + "-%").query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void aBadEntryIsQuarantinedWithItsEntryNumberAndLineWhileTheOthersImport() {
        String name = "camt053-" + run + ".xml";
        run("camt053", name, statement);
        int expectedLine = lineOfNthEntry(statement, 5);
        assertThat(payments.quarantine(200)).filteredOn(q -> q.source().equals("file:" + name)).singleElement()
                .satisfies(q -> {
                    assertThat(q.provider()).isEqualTo("BANK");
                    assertThat(q.lineNumber()).isEqualTo(expectedLine);
                    assertThat(q.reason()).contains("entry 5").contains("12.345");
                    assertThat(q.payload()).contains(run + "-A5");
                });
    }

    @Test
    void aFileThatIsNotACamt053StatementIsRejectedWhole() {
        assertThatThrownBy(() -> run("camt053", "pain.xml",
                "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"><CstmrCdtTrfInitn/></Document>"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("camt.053");
        assertThatThrownBy(() -> run("camt053", "broken.xml", "<Document"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theOrderTimelineShowsTheBankCreditAndTheRefundByTransfer() throws Exception {
        run("camt053", "camt053-" + run + ".xml", statement);
        OrderTimeline timeline = payments.timeline(order1).orElseThrow();
        assertThat(timeline.steps()).extracting(OrderTimeline.Step::kind)
                .containsExactly(TransactionKind.BANK_CREDIT, TransactionKind.BANK_DEBIT);
        assertThat(timeline.balance().captured()).isEqualTo(Money.of(5990, "EUR"));
        assertThat(timeline.balance().refunded()).isEqualTo(Money.of(1234, "EUR"));
        assertThat(timeline.balance().net()).isEqualTo(Money.of(5990 - 1234, "EUR"));

        var agent = newUser(Role.AGENT, List.of("DE"));
        mvc.perform(get("/payments/orders/" + order1).with(user(agent))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(">Bank credit<")))
                .andExpect(content().string(Matchers.containsString(run + "-A1")));
    }

    @Test
    void reconciliationFindsTheTransferPaidShortAsUnderpayment() {
        run("camt053", "camt053-" + run + ".xml", statement);
        reconciliation.reconcileOrders(List.of(order1, order2));
        assertThat(jdbc.sql("select type from reconciliation_finding where order_ref = :o and status <> 'RESOLVED'")
                .param("o", order2).query(String.class).list()).contains("UNDERPAYMENT");
        assertThat(jdbc.sql("select amount_minor from reconciliation_finding where order_ref = :o and type = 'UNDERPAYMENT'")
                .param("o", order2).query(Long.class).single()).as("100.00 due, 80.00 paid").isEqualTo(2000);
        assertThat(jdbc.sql("select type from reconciliation_finding where order_ref = :o and type = 'UNDERPAYMENT'")
                .param("o", order1).query(String.class).list()).as("paid in full").isEmpty();
    }

    private PaymentQueries.PaymentSummary byReference(String reference) {
        return payments.search(new PaymentQueries.SearchCriteria(null, reference, null, null, null, null, null, 10))
                .stream().filter(p -> p.providerReference().equals(reference)).findFirst().orElseThrow();
    }

    private static int lineOfNthEntry(String xml, int n) {
        String[] lines = xml.split("\n", -1);
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().equals("<Ntry>") && ++seen == n) {
                return i + 1;
            }
        }
        throw new IllegalStateException("the fixture has fewer than " + n + " entries");
    }

    private ImportResult run(String kind, String name, String text) {
        ImportResult[] result = new ImportResult[1];
        asSystem(() -> result[0] = imports.importFile(kind, name,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
        return result[0];
    }
}
