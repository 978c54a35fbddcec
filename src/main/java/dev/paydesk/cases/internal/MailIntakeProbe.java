package dev.paydesk.cases.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;

/** Runs one mailbox poll on demand (the CLI and tests); answers [opened, threaded, skipped]. */
@Component
public class MailIntakeProbe {

    private final InboundMail inbound;

    MailIntakeProbe(InboundMail inbound) {
        this.inbound = inbound;
    }

    public List<Integer> poll() throws MessagingException {
        InboundMail.PollResult r = inbound.poll();
        return List.of(r.opened(), r.threaded(), r.skipped());
    }
}
