package dev.paydesk.cases.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.cases.CaseChanged;
import dev.paydesk.cases.CaseWebhooks;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.JobCoordinator;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/** Queues a delivery per subscription for each case change and sends due deliveries with backoff. */
@Service
class WebhookDispatcher implements CaseWebhooks {

    static final int MAX_ATTEMPTS = 10;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(6);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditLog audit;
    private final JobCoordinator jobs;
    private final Clock clock;
    private final WebhookTargets targets;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookDispatcher(JdbcClient jdbc, JsonMapper json, AuditLog audit, JobCoordinator jobs, Clock clock,
                      CasesProperties properties) {
        this.targets = new WebhookTargets(WebhookTargets.SYSTEM, properties.webhooks().allowPrivateTargets(),
                properties.webhooks().allowedHosts());
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Created subscribe(String url, List<String> events) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("url", "not a URL: " + url);
        }
        targets.refusal(uri).ifPresent(why -> {
            throw new InvalidInputException("url", why);
        });
        List<String> kinds = events == null || events.isEmpty() ? List.of("*")
                : events.stream().map(e -> e.strip().toUpperCase(Locale.ROOT)).toList();
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String secret = "whsec_" + HexFormat.of().formatHex(raw);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("insert into cases_webhook (id, url, secret, events, active, created_at) values (?, ?, ?, ?, true, ?)")
                .params(id, uri.toString(), secret, kinds.toArray(String[]::new), Timestamp.from(now)).update();
        audit.record("case-webhook.created", "case_webhook", id.toString(), null, null, Map.of("url", uri.toString(), "events", kinds));
        return new Created(new Subscription(id, uri.toString(), kinds, true, now), secret);
    }

    @Override
    @Transactional
    public void deactivate(UUID id) {
        if (jdbc.sql("update cases_webhook set active = false where id = ?").param(id).update() == 0) {
            throw new NotFoundException("webhook " + id + " not found");
        }
        int cancelled = cancelPendingOfInactive();
        audit.record("case-webhook.deactivated", "case_webhook", id.toString(), null, null,
                Map.of("active", false, "cancelledDeliveries", cancelled));
    }

    /** Pending deliveries of deactivated subscriptions end as CANCELLED in the delivery log; never sent. */
    private int cancelPendingOfInactive() {
        return jdbc.sql("""
                update cases_webhook_delivery d set status = 'CANCELLED', last_error = 'subscription deactivated'
                from cases_webhook w where w.id = d.webhook_id and not w.active and d.status = 'PENDING'""").update();
    }

    @Override
    public List<Subscription> subscriptions() {
        return jdbc.sql("select id, url, events, active, created_at from cases_webhook order by created_at")
                .query((rs, n) -> new Subscription(rs.getObject(1, UUID.class), rs.getString(2), CaseStore.strings(rs.getArray(3)),
                        rs.getBoolean(4), rs.getTimestamp(5).toInstant())).list();
    }

    @Override
    public List<Delivery> deliveries(@Nullable UUID webhookId, int limit) {
        return jdbc.sql("""
                select id, webhook_id, event_type, status, attempts, last_status, last_error, created_at, next_attempt_at, delivered_at
                from cases_webhook_delivery where (cast(? as uuid) is null or webhook_id = ?) order by id desc limit ?""")
                .params(webhookId, webhookId, Math.min(Math.max(limit, 1), 1000))
                .query((rs, n) -> new Delivery(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getInt(5), (Integer) rs.getObject(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9).toInstant(), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()))
                .list();
    }

    @ApplicationModuleListener
    void on(CaseChanged changed) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "case." + changed.change().name().toLowerCase(Locale.ROOT));
        payload.put("caseId", changed.caseId().toString());
        payload.put("caseKey", changed.key());
        payload.put("market", changed.market());
        payload.put("at", changed.at().toString());
        payload.put("data", withoutPersonalValues(changed.data()));
        String body = json.writeValueAsString(payload);
        jdbc.sql("""
                insert into cases_webhook_delivery (webhook_id, event_type, payload, next_attempt_at, status, created_at)
                select id, ?, ?, ?, 'PENDING', ? from cases_webhook where active and (? = any(events) or '*' = any(events))""")
                .params(changed.change().name(), body, Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), changed.change().name())
                .update();
    }

    @Scheduled(fixedDelayString = "${paydesk.cases.webhook-interval:PT10S}", initialDelayString = "PT15S")
    void scheduled() {
        jobs.runExclusively("cases.webhooks", Duration.ofMinutes(5), () -> dispatchDue(clock.instant()));
    }

    /** Sends every pending delivery due at {@code now}; returns how many were attempted. */
    int dispatchDue(Instant now) {
        cancelPendingOfInactive();
        List<Object[]> due = jdbc.sql("""
                select d.id, w.url, w.secret, d.payload, d.attempts, d.event_type from cases_webhook_delivery d
                join cases_webhook w on w.id = d.webhook_id
                where d.status = 'PENDING' and w.active and d.next_attempt_at <= ? order by d.next_attempt_at limit 200""")
                .param(Timestamp.from(now)).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6)}).list();
        for (Object[] d : due) {
            send((Long) d[0], (String) d[1], (String) d[2], (String) d[3], (Integer) d[4], (String) d[5], now);
        }
        return due.size();
    }

    private void send(long id, String url, String secret, String body, int attempts, String eventType, Instant now) {
        long t = now.getEpochSecond();
        Integer status = null;
        String error = null;
        if (!stillActive(id)) {
            return;
        }
        Optional<String> refused = targets.refusal(URI.create(url));
        if (refused.isPresent()) {
            jdbc.sql("update cases_webhook_delivery set status = 'FAILED', attempts = ?, last_error = ? where id = ?")
                    .params(attempts + 1, "not sent: " + refused.get(), id).update();
            return;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Paydesk-Event", "case." + eventType.toLowerCase(Locale.ROOT))
                    .header("Paydesk-Delivery", Long.toString(id))
                    .header("Paydesk-Signature", "t=" + t + ",v1=" + sign(secret, t + "." + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int attempt = attempts + 1;
        if (status != null && status >= 200 && status < 300) {
            jdbc.sql("update cases_webhook_delivery set status = 'DELIVERED', attempts = ?, last_status = ?, last_error = null, delivered_at = ? where id = ?")
                    .params(attempt, status, Timestamp.from(now), id).update();
            return;
        }
        Duration wait = backoff(attempt);
        jdbc.sql("update cases_webhook_delivery set status = ?, attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ? where id = ?")
                .params(attempt >= MAX_ATTEMPTS ? "FAILED" : "PENDING", attempt, status,
                        error != null ? error : "HTTP " + status, Timestamp.from(now.plus(wait)), id).update();
    }

    private boolean stillActive(long deliveryId) {
        return jdbc.sql("""
                select w.active from cases_webhook_delivery d join cases_webhook w on w.id = d.webhook_id
                where d.id = ? and d.status = 'PENDING'""").param(deliveryId).query(Boolean.class).optional()
                .orElse(false);
    }

    /** 30 s, 1 min, 2 min, … doubling, at most 6 h. */
    static Duration backoff(int attempt) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
        return d.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : d;
    }

    static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Outbound webhooks carry ids, never personal values (issue 22): e-mail addresses ({@code from},
     * {@code to}) and file names are left out, so an erasure never has to chase a subscriber.
     */
    static java.util.Map<String, Object> withoutPersonalValues(java.util.Map<String, Object> data) {
        java.util.Map<String, Object> kept = new java.util.LinkedHashMap<>(data);
        kept.keySet().removeAll(java.util.Set.of("from", "to", "filename", "email", "customerEmail", "customerRef"));
        return kept;
    }
}
