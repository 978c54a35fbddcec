package dev.paydesk;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The support mailbox for tests of the e-mail intake: a GreenMail SMTP + IMAP server on loopback ports
 * with the support account, and the properties that point the case desk at it (polling left to the test).
 */
public final class TestMailbox {

    private TestMailbox() {
    }

    /** A started mail server with the support account. */
    public static GreenMail start() {
        GreenMail mail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(),
                ServerSetupTest.IMAP.dynamicPort()});
        mail.start();
        mail.setUser("support@paydesk.local", "support", "mailbox-secret");
        return mail;
    }

    /** Points the case desk's SMTP and IMAP settings at the server. */
    public static void register(DynamicPropertyRegistry registry, GreenMail mail) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
        registry.add("paydesk.cases.mail.imap-host", () -> "127.0.0.1");
        registry.add("paydesk.cases.mail.imap-port", () -> mail.getImap().getPort());
        registry.add("paydesk.cases.mail.imap-ssl", () -> "false");
        registry.add("paydesk.cases.mail.imap-username", () -> "support");
        registry.add("paydesk.cases.mail.imap-password", () -> "mailbox-secret");
        registry.add("paydesk.cases.mail.default-market", () -> "DE");
        registry.add("paydesk.cases.mail.poll-interval", () -> "PT1H");
    }
}
