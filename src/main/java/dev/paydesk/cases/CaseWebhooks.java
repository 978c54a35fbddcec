package dev.paydesk.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Outbound webhooks on case events: each subscription gets a JSON POST per matching event, signed
 * with HMAC-SHA256 ({@code Paydesk-Signature: t=<unix seconds>,v1=<hex of HMAC(secret, t + "." + body)>}),
 * retried with exponential backoff, every attempt in the delivery log.
 */
public interface CaseWebhooks {

    /** A subscription; {@code events} are change kinds (CREATED, STATUS, ASSIGNED, MESSAGE_OUT, …) or "*". */
    record Subscription(UUID id, String url, List<String> events, boolean active, Instant createdAt) {
    }

    /** A subscription as created, with its secret (shown once). */
    record Created(Subscription subscription, String secret) {
    }

    record Delivery(long id, UUID webhookId, String eventType, String status, int attempts, @Nullable Integer lastStatus,
                    @Nullable String lastError, Instant createdAt, Instant nextAttemptAt, @Nullable Instant deliveredAt) {
    }

    Created subscribe(String url, List<String> events);

    void deactivate(UUID id);

    List<Subscription> subscriptions();

    List<Delivery> deliveries(@Nullable UUID webhookId, int limit);
}
