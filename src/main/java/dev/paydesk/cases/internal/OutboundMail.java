package dev.paydesk.cases.internal;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseSummary;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends replies and notifications by e-mail when an SMTP server is configured
 * ({@code spring.mail.host}). Replies carry the case key in the subject and a Message-ID under the
 * configured domain, so the customer's answer threads back into the case.
 */
@Component
class OutboundMail {

    private final ObjectProvider<JavaMailSender> sender;
    private final CasesProperties properties;

    OutboundMail(ObjectProvider<JavaMailSender> sender, CasesProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    /** Sends a reply; returns its Message-ID, or empty when mail is off or the case has no address. */
    Optional<String> send(CaseSummary c, @Nullable String to, String body) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || to == null || to.isBlank()) {
            return Optional.empty();
        }
        String messageId = "<" + c.key() + "." + UUID.randomUUID() + "@" + properties.mail().domain() + ">";
        try {
            MimeMessage message = new MimeMessage(mail.createMimeMessage().getSession()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.mail().from());
            helper.setTo(to);
            helper.setSubject("[" + c.key() + "] " + c.subject());
            helper.setText(body);
            mail.send(message);
            return Optional.of(messageId);
        } catch (MessagingException | MailException e) {
            throw new IllegalStateException("could not send the reply to " + to + ": " + e.getMessage(), e);
        }
    }

    /** A plain notification (clock warnings) to an agent; failures are reported, not thrown. */
    boolean notify(String to, String subject, String body) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || to.isBlank()) {
            return false;
        }
        try {
            org.springframework.mail.SimpleMailMessage message = new org.springframework.mail.SimpleMailMessage();
            message.setFrom(properties.mail().from());
            message.setTo(to);
            message.setSubject(subject);
            message.setText(body);
            mail.send(message);
            return true;
        } catch (MailException e) {
            org.slf4j.LoggerFactory.getLogger(OutboundMail.class).warn("notification to {} failed: {}", to, e.getMessage());
            return false;
        }
    }
}
