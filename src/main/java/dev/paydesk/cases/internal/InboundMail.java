package dev.paydesk.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.NewCase;
import dev.paydesk.platform.JobCoordinator;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.PanBoundary;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FlagTerm;

/**
 * E-mail intake: polls the configured IMAP mailbox for unseen messages. A message threads into its
 * case by the case key in the subject ({@code [PD-100231]}) or by In-Reply-To/References naming a
 * reply we sent; otherwise it opens a new case (both through {@link CaseIntake}). Each message is handled once (its Message-ID is a
 * unique key), then marked seen; bodies and text attachments are masked for card numbers.
 */
@Component
class InboundMail {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMail.class);
    private static final Pattern CASE_KEY = Pattern.compile("\\[(PD-\\d{1,18})]", Pattern.CASE_INSENSITIVE);
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private final CasesProperties properties;
    private final CaseDesk desk;
    private final CaseIntake intake;
    private final CaseStore store;
    private final JdbcClient jdbc;
    private final MarketCatalog markets;
    private final JobCoordinator jobs;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PanBoundary pan;

    InboundMail(CasesProperties properties, CaseDesk desk, CaseIntake intake, CaseStore store, JdbcClient jdbc,
                MarketCatalog markets, JobCoordinator jobs, TransactionTemplate tx, Clock clock, PanBoundary pan) {
        this.intake = intake;
        this.pan = pan;
        this.properties = properties;
        this.desk = desk;
        this.store = store;
        this.jdbc = jdbc;
        this.markets = markets;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    boolean enabled() {
        return properties.mail().imapHost() != null && !properties.mail().imapHost().isBlank();
    }

    @Scheduled(fixedDelayString = "${paydesk.cases.mail.poll-interval:PT1M}", initialDelayString = "${paydesk.cases.mail.poll-interval:PT1M}")
    void scheduled() {
        if (enabled()) {
            jobs.runExclusively("cases.mail-poll", Duration.ofMinutes(5), () -> {
                try {
                    poll();
                } catch (MessagingException e) {
                    LOG.warn("mailbox poll failed: {}", e.getMessage());
                }
            });
        }
    }

    /** What one poll did. */
    record PollResult(int opened, int threaded, int skipped) {
    }

    PollResult poll() throws MessagingException {
        CasesProperties.Mail mail = properties.mail();
        Properties props = new Properties();
        String protocol = mail.imapSsl() ? "imaps" : "imap";
        props.put("mail.store.protocol", protocol);
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "30000");
        Session session = Session.getInstance(props);
        int opened = 0;
        int threaded = 0;
        int skipped = 0;
        try (Store imap = session.getStore(protocol)) {
            imap.connect(mail.imapHost(), mail.imapPort(), mail.imapUsername(), mail.imapPassword());
            Folder folder = imap.getFolder(mail.imapFolder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    Outcome outcome = tx.execute(s -> handle(message));
                    message.setFlag(Flags.Flag.SEEN, true);
                    switch (outcome == null ? Outcome.SKIPPED : outcome) {
                        case OPENED -> opened++;
                        case THREADED -> threaded++;
                        case SKIPPED -> skipped++;
                    }
                }
            } finally {
                folder.close(false);
            }
        }
        return new PollResult(opened, threaded, skipped);
    }

    enum Outcome { OPENED, THREADED, SKIPPED }

    private Outcome handle(Message message) {
        try {
            // the boundary: every string taken from the message passes the card-number redaction here
            String messageId = pan.key(messageId(message));
            if (store.messageKnown(messageId)) {
                return Outcome.SKIPPED;
            }
            String from = pan.key(from(message));
            String subject = pan.text(Optional.ofNullable(message.getSubject()).orElse("(no subject)"));
            Content content = new Content(new StringBuilder(), new ArrayList<>());
            read(message, content);
            String body = pan.text(content.text().toString().strip());
            String market = Optional.ofNullable(properties.mail().defaultMarket())
                    .orElseGet(() -> markets.markets().getFirst().code());
            // a mail is never refused for its headers' length: fields too long for the case are cut or left out
            CaseIntake.Outcome landed = intake.joinOrOpen(threadOf(message, subject), CaseIntake.Arrival.NOTHING_LINKED, null,
                    NewCase.builder(NewCase.cut(subject, NewCase.MAX_SUBJECT), market, CaseSource.EMAIL)
                            .customer(NewCase.refOrNull(from), from.length() <= NewCase.MAX_EMAIL ? from : null)
                            .tags(List.of("email")).idempotencyKey(intakeKey(messageId)));
            if (!(landed instanceof CaseIntake.Opened o) || o.opened().created()) {
                desk.receiveMessage(landed.caseId(), from, body, messageId);
                saveAttachments(landed.caseId(), content.attachments());
            }
            return landed instanceof CaseIntake.Joined ? Outcome.THREADED : Outcome.OPENED;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read a message: " + e.getMessage(), e);
        }
    }

    private Optional<UUID> threadOf(Message message, String subject) throws MessagingException {
        Matcher key = CASE_KEY.matcher(subject);
        if (key.find()) {
            Optional<UUID> byKey = store.idByKey(key.group(1).toUpperCase(Locale.ROOT));
            if (byKey.isPresent()) {
                return byKey;
            }
        }
        List<String> refs = new ArrayList<>();
        for (String header : List.of("In-Reply-To", "References")) {
            String[] values = message.getHeader(header);
            if (values != null) {
                for (String v : values) {
                    Matcher m = MESSAGE_ID.matcher(v);
                    while (m.find()) {
                        refs.add(pan.key(m.group()));
                    }
                }
            }
        }
        for (String ref : refs) {
            Optional<UUID> byRef = store.caseOfMessage(ref);
            if (byRef.isPresent()) {
                return byRef;
            }
        }
        return Optional.empty();
    }

    private static String messageId(Message message) throws MessagingException, IOException {
        String[] ids = message.getHeader("Message-ID");
        if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
            return ids[0].strip();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(message.getSentDate()).getBytes(StandardCharsets.UTF_8));
            sha.update(String.valueOf(message.getSubject()).getBytes(StandardCharsets.UTF_8));
            sha.update(from(message).getBytes(StandardCharsets.UTF_8));
            return "<sha256." + HexFormat.of().formatHex(sha.digest()) + "@paydesk.synthetic>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Message-ID as the intake key, or its SHA-256 when it is longer than a key may be. */
    static @Nullable String intakeKey(@Nullable String messageId) {
        if (messageId == null || messageId.length() <= NewCase.MAX_REF) {
            return messageId;
        }
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(messageId.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String from(Message message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0) {
            return "unknown";
        }
        return from[0] instanceof InternetAddress ia ? ia.getAddress().toLowerCase(Locale.ROOT) : from[0].toString();
    }

    private record Attachment(String filename, String contentType, byte[] content) {
    }

    private record Content(StringBuilder text, List<Attachment> attachments) {
    }

    private void read(Part part, Content content) throws MessagingException, IOException {
        String disposition = part.getDisposition();
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || part.getFileName() != null;
        if (!attachment && part.isMimeType("text/plain")) {
            content.text().append(part.getContent().toString()).append('\n');
        } else if (!attachment && part.isMimeType("text/html") && content.text().isEmpty()) {
            content.text().append(part.getContent().toString().replaceAll("(?s)<[^>]*>", " ")).append('\n');
        } else if (part.isMimeType("multipart/*")) {
            Multipart multi = (Multipart) part.getContent();
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart child = multi.getBodyPart(i);
                read(child, content);
            }
        } else if (attachment) {
            try (InputStream in = part.getInputStream()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, properties.attachmentMaxBytes() + 1));
                String type = part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
                content.attachments().add(new Attachment(pan.text(Optional.ofNullable(part.getFileName()).orElse("attachment")),
                        type, type.startsWith("text/") ? pan.bytes(bytes) : bytes));
            }
        }
    }

    private void saveAttachments(UUID caseId, List<Attachment> attachments) {
        for (Attachment a : attachments) {
            if (a.content().length > properties.attachmentMaxBytes()) {
                store.appendEntry(caseId, dev.paydesk.cases.EntryKind.ATTACHMENT_REFUSED, clock.instant(), "system", null,
                        java.util.Map.of("filename", a.filename(), "reason", "larger than " + properties.attachmentMaxBytes() + " bytes"), null);
                continue;
            }
            if (!properties.attachmentTypes().contains(a.contentType())) {
                store.appendEntry(caseId, dev.paydesk.cases.EntryKind.ATTACHMENT_REFUSED, clock.instant(), "system", null,
                        java.util.Map.of("filename", a.filename(), "reason", "content type " + a.contentType() + " is not accepted"), null);
                continue;
            }
            byte[] bytes = a.content();
            jdbc.sql("""
                    insert into cases_attachment (id, case_id, filename, content_type, size_bytes, content, created_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), caseId, a.filename(), a.contentType(), bytes.length, bytes,
                            Timestamp.from(clock.instant())).update();
            store.appendEntry(caseId, dev.paydesk.cases.EntryKind.ATTACHMENT, clock.instant(), "customer", null,
                    java.util.Map.of("filename", a.filename(), "contentType", a.contentType(), "size", bytes.length), null);
        }
    }
}
