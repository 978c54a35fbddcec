package dev.paydesk.payments.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.paydesk.payments.Provider;
import dev.paydesk.shared.NotFoundException;

/**
 * Entry point for PSP webhooks: finds the merchant account, verifies the provider's signature
 * (nothing is stored when it fails), parses and stores each event; an authentic but unreadable
 * payload goes to the quarantine with its reason and is still acknowledged.
 */
@Service
@EnableConfigurationProperties(PaymentAccounts.class)
public class WebhookReceiver {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebhookReceiver.class);

    /**
     * Outcome counts of one webhook request; {@code queued} counts events appended to the Kafka log
     * (when Kafka is on), whose outcomes are known only once a consumer has stored them.
     */
    public record Receipt(int applied, int duplicates, int ignored, int quarantined, int queued) {

        public Receipt(int applied, int duplicates, int ignored, int quarantined) {
            this(applied, duplicates, ignored, quarantined, 0);
        }
    }

    private final PaymentAccounts accounts;
    private final PaymentIngest ingest;
    private final WebhookWriter writer;
    private final StripeAdapter stripe;
    private final AdyenAdapter adyen;
    private final PayPalAdapter paypal;
    private final KlarnaAdapter klarna;
    private final PaymentsStore store;
    private final dev.paydesk.platform.AuditLog audit;
    private final java.time.Clock clock;
    private final dev.paydesk.platform.PanBoundary pan;
    private final @Nullable PspEventLog eventLog;

    WebhookReceiver(PaymentAccounts accounts, PaymentIngest ingest, StripeAdapter stripe, AdyenAdapter adyen,
                    PayPalAdapter paypal, KlarnaAdapter klarna, PaymentsStore store,
                    dev.paydesk.platform.AuditLog audit, java.time.Clock clock, WebhookWriter writer,
                    dev.paydesk.platform.PanBoundary pan,
                    org.springframework.beans.factory.ObjectProvider<PspEventLog> eventLog) {
        this.pan = pan;
        this.eventLog = eventLog.getIfAvailable(); // only when Kafka is on (docs/kafka.md)
        this.writer = writer;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.accounts = accounts;
        this.ingest = ingest;
        this.stripe = stripe;
        this.adyen = adyen;
        this.paypal = paypal;
        this.klarna = klarna;
    }

    public Receipt receive(Provider provider, String accountName, WebhookRequest request) {
        PaymentAccounts.Account account = accounts.find(provider, accountName)
                .orElseThrow(() -> new NotFoundException("no " + provider + " merchant account '" + accountName + "'"));
        String market = account.market();
        String signed = request.text();
        verify(provider, account, request, signed); // the one place the body stays byte-exact
        String body = pan.json(signed);
        List<ProviderEvent> events;
        try {
            events = parse(provider, accountName, body);
        } catch (RuntimeException e) {
            String reason = pan.text(unreadable(e));
            log.warn("{} webhook for {} quarantined: {}", provider, accountName, reason);
            ingest.quarantine("webhook", provider, accountName, reason, body);
            return new Receipt(0, 0, 0, 1);
        }
        if (eventLog != null) {
            eventLog.append(provider, accountName, market, body, events);
            return new Receipt(0, 0, 0, 0, events.size());
        }
        return receipt(writer.write(deliveries(provider, accountName, market, events, body)));
    }

    /** A verified body from the Kafka log, parsed once for all its records ({@code events} null when unreadable). */
    record Parsed(Provider provider, String account, String body, @Nullable List<ProviderEvent> events) {

        boolean matches(Provider provider, String account, String body) {
            return this.provider == provider && this.account.equals(account) && this.body.equals(body);
        }

        /** The delivery of the body's {@code item}-th event, as the direct path builds it. */
        java.util.Optional<PaymentIngest.Delivery> delivery(@Nullable String market, int item) {
            if (events == null || item < 0 || item >= events.size()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(deliveries(provider, account, market, List.of(events.get(item)), body).getFirst());
        }
    }

    /**
     * Parses a body the endpoint verified and appended to the Kafka log. Parsing is pure, so it reads
     * as it did at the endpoint; should it not (a newer version reads differently), the body goes to
     * the quarantine as the endpoint would have sent it.
     */
    Parsed parseLogged(Provider provider, String account, String body) {
        try {
            return new Parsed(provider, account, body, parse(provider, account, body));
        } catch (RuntimeException e) {
            String reason = pan.text(unreadable(e));
            log.warn("{} webhook for {} from the event log quarantined: {}", provider, account, reason);
            ingest.quarantine("webhook", provider, account, reason, body);
            return new Parsed(provider, account, body, null);
        }
    }

    /**
     * Why an authentic payload could not be read. Parsing touches no database, so whatever it throws
     * is about the payload (a value out of range, a date beyond the calendar): the payload goes to
     * the quarantine with the reason rather than failing the request.
     */
    private static String unreadable(RuntimeException e) {
        if (e instanceof MalformedPayloadException) {
            return e.getMessage();
        }
        return "unreadable value (" + e.getClass().getSimpleName() + "): " + e.getMessage();
    }

    /**
     * Checks the request the way the provider signs it; throws {@link InvalidSignatureException}
     * otherwise, also for a body that cannot even be read far enough to find its signatures (Adyen
     * signs inside the body, per item): unauthenticated input is answered 401 and never stored.
     */
    private void verify(Provider provider, PaymentAccounts.Account account, WebhookRequest request, String body) {
        try {
            verifyAs(provider, account, request, body);
        } catch (MalformedPayloadException e) {
            throw new InvalidSignatureException("no verifiable signature: " + e.getMessage());
        }
    }

    private void verifyAs(Provider provider, PaymentAccounts.Account account, WebhookRequest request, String body) {
        switch (provider) {
            case STRIPE -> stripe.verify(request, secret(account.signingSecret()), accounts.toleranceSeconds());
            case ADYEN -> {
                if (AdyenAdapter.isTokenWebhook(body)) {
                    adyen.verifyTokenWebhook(request, secret(account.signingSecret()));
                } else {
                    adyen.verifiedItems(body, secret(account.signingSecret())); // every item must carry a valid HMAC
                }
            }
            case PAYPAL -> paypal.verify(request, secret(account.webhookId()), secret(account.certificate()));
            case KLARNA -> klarna.verify(request, secret(account.signingSecret()));
            default -> throw new NotFoundException("no webhooks for " + provider);
        }
    }

    /** The events in a (verified) body, as received or as replayed from the quarantine. */
    private List<ProviderEvent> parse(Provider provider, String account, String body) {
        List<ProviderEvent> events = new ArrayList<>();
        switch (provider) {
            case STRIPE -> events.add(stripe.parse(account, body));
            case ADYEN -> {
                if (AdyenAdapter.isTokenWebhook(body)) {
                    events.add(adyen.parseTokenWebhook(body));
                } else {
                    adyen.items(body).forEach(item -> events.add(adyen.parse(account, item)));
                }
            }
            case PAYPAL -> events.add(paypal.parse(account, body));
            case KLARNA -> events.add(klarna.parse(account, body));
            default -> throw new MalformedPayloadException("no webhooks for " + provider);
        }
        return events;
    }

    private static List<PaymentIngest.Delivery> deliveries(Provider provider, String account, @Nullable String market,
                                                           List<ProviderEvent> events, String body) {
        String masked = dev.paydesk.platform.PanRedactor.redact(body);
        return events.stream().map(e -> new PaymentIngest.Delivery(provider, account, market, e, masked)).toList();
    }

    private static Receipt receipt(List<PaymentIngest.Outcome> outcomes) {
        int applied = 0;
        int duplicates = 0;
        int ignored = 0;
        for (PaymentIngest.Outcome outcome : outcomes) {
            switch (outcome) {
                case APPLIED -> applied++;
                case DUPLICATE -> duplicates++;
                case IGNORED -> ignored++;
            }
        }
        return new Receipt(applied, duplicates, ignored, 0);
    }

    /**
     * Replays a quarantined webhook (its signature was verified when it arrived), optionally with a
     * corrected payload; on success the entry leaves the quarantine. Both are audited.
     */
    @org.springframework.transaction.annotation.Transactional
    public Receipt replay(java.util.UUID quarantineId, @org.jspecify.annotations.Nullable String correctedPayload) {
        PaymentsStore.QuarantineRow row = store.quarantined(quarantineId)
                .orElseThrow(() -> new NotFoundException("no open quarantine entry " + quarantineId));
        if (!row.source().equals("webhook")) {
            throw new dev.paydesk.shared.InvalidInputException("id",
                    "file rows are fixed by importing the corrected file again");
        }
        Provider provider = Provider.valueOf(row.provider());
        String account = row.account() == null ? "" : row.account();
        String body = correctedPayload == null || correctedPayload.isBlank() ? row.payload() : pan.json(correctedPayload);
        String market = accounts.find(provider, account).map(PaymentAccounts.Account::market).orElse(null);
        List<ProviderEvent> events;
        try {
            events = parse(provider, account, body);
        } catch (RuntimeException e) {
            store.updateQuarantineReason(quarantineId, unreadable(e));
            throw new dev.paydesk.shared.InvalidInputException("payload", "still unreadable: " + unreadable(e));
        }
        Receipt receipt = receipt(ingest.ingestAll(deliveries(provider, account, market, events, body)));
        int applied = receipt.applied();
        store.markReplayed(quarantineId, clock.instant());
        audit.record("payments.quarantine_replayed", "payments_quarantine", quarantineId.toString(), market,
                java.util.Map.of("reason", row.reason(), "payload", row.payload()),
                java.util.Map.of("payload", dev.paydesk.platform.PanRedactor.redact(body), "applied", applied));
        return receipt;
    }

    private static String secret(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSignatureException("the merchant account has no webhook secret configured");
        }
        return value;
    }
}
