package dev.paydesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import dev.paydesk.platform.PlatformTestSupport;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail intake and replies against a real mail server (GreenMail, SMTP + IMAP on loopback): a new
 * mail opens a case, our reply goes out over SMTP with the case key, the customer's answer threads
 * back by In-Reply-To or by the key in the subject, and polling again changes nothing.
 */
@SpringBootTest
class EmailThreadingTests extends PlatformTestSupport {

    static final GreenMail MAIL = dev.paydesk.TestMailbox.start();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        dev.paydesk.TestMailbox.register(registry, MAIL);
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
    }

    @Autowired
    dev.paydesk.cases.internal.MailIntakeProbe intake;

    @Autowired
    CaseDesk desk;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void market() {
        ensureMarket("DE", "EUR", "Europe/Berlin", "de");
    }

    @Test
    void aMailThreadBecomesOneCase() throws Exception {
        String customer = "kunde-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        GreenMailUtil.sendTextEmail("support@paydesk.local", customer, "Doppelt abgebucht",
                "Sie haben 49,90 EUR zweimal abgebucht, Karte 4111 1111 1111 1111.", MAIL.getSmtp().getServerSetup());
        assertThat(intake.poll()).containsExactly(1, 0, 0);

        CaseSummary c = desk.linkedTo(LinkKind.ORDER, "none").stream().findFirst().orElse(null);
        assertThat(c).isNull();
        UUID id = jdbc.sql("select id from cases_case where customer_email = ?").param(customer).query(UUID.class).single();
        List<CaseDetail> detail = List.of(asSystemGet(id));
        assertThat(detail.getFirst().summary().source()).isEqualTo(CaseSource.EMAIL);
        assertThat(detail.getFirst().timeline()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.MESSAGE_IN);
            assertThat(e.body()).contains("4111 11** **** 1111").doesNotContain("4111 1111 1111 1111");
        });

        asSystem(() -> desk.reply(id, "Wir prüfen das und melden uns.", CaseStatus.WAITING, WaitingReason.CUSTOMER));
        MimeMessage[] toCustomer = MAIL.getReceivedMessagesForDomain("example.com");
        MimeMessage reply = java.util.Arrays.stream(toCustomer)
                .filter(m -> { try { return m.getAllRecipients()[0].toString().equals(customer); } catch (Exception e) { return false; } })
                .findFirst().orElseThrow();
        String key = detail.getFirst().summary().key();
        assertThat(reply.getSubject()).startsWith("[" + key + "]");
        String ourMessageId = reply.getMessageID();
        assertThat(ourMessageId).contains(key);

        MimeMessage answer = GreenMailUtil.createTextEmail("support@paydesk.local", customer, "Re: Doppelt abgebucht",
                "Hier ist der Kontoauszug.", MAIL.getSmtp().getServerSetup());
        answer.setHeader("In-Reply-To", ourMessageId);
        GreenMailUtil.sendMimeMessage(answer);
        GreenMailUtil.sendTextEmail("support@paydesk.local", customer, "Noch etwas [" + key + "]", "Und noch eine Frage.",
                MAIL.getSmtp().getServerSetup());
        assertThat(intake.poll()).containsExactly(0, 2, 0);
        assertThat(intake.poll()).containsExactly(0, 0, 0);

        CaseDetail after = asSystemGet(id);
        assertThat(after.timeline().stream().filter(e -> e.kind() == EntryKind.MESSAGE_IN)).hasSize(3);
        assertThat(after.timeline().stream().filter(e -> e.kind() == EntryKind.MESSAGE_OUT)).hasSize(1);
        // the customer's answer reopened the waiting case
        assertThat(after.summary().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(jdbc.sql("select count(*) from cases_case where customer_email = ?").param(customer).query(Long.class).single())
                .isEqualTo(1);
    }

    private CaseDetail asSystemGet(UUID id) {
        CaseDetail[] out = new CaseDetail[1];
        asSystem(() -> out[0] = desk.get(id));
        return out[0];
    }
}
