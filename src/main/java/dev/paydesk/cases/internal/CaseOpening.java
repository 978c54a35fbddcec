package dev.paydesk.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.NewCase;
import dev.paydesk.cases.Priority;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.PanRedactor;
import dev.paydesk.shared.InvalidInputException;

/** Opening a case: validation, idempotency, routing and assignment, the row, then {@link Case#opened}. */
@Component
class CaseOpening {

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final Cases cases;
    private final CaseEditor editor;
    private final CaseRouter router;
    private final MarketCatalog markets;
    private final LinkScope linkScope;
    private final Clock clock;

    CaseOpening(JdbcClient jdbc, CaseStore store, Cases cases, CaseEditor editor, CaseRouter router, MarketCatalog markets,
                LinkScope linkScope, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.cases = cases;
        this.editor = editor;
        this.router = router;
        this.markets = markets;
        this.linkScope = linkScope;
        this.clock = clock;
    }

    CaseDesk.Opened open(NewCase n) {
        String subject = CaseInput.required("subject", n.subject(), 300);
        n.links().forEach(linkScope::requireLinkable);
        Market market = markets.market(n.market().strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new InvalidInputException("market", "unknown market '" + n.market() + "'"));
        if (!CaseInput.canSee(market.code())) {
            throw new InvalidInputException("market", "unknown market '" + n.market() + "'");
        }
        String key = CaseInput.blankToNull(n.idempotencyKey());
        if (key != null) {
            Optional<UUID> existing = existing(n, key);
            if (existing.isPresent()) {
                return new CaseDesk.Opened(store.require(existing.get()), false);
            }
        }
        String language = n.language() == null || n.language().isBlank() ? market.languages().getFirst()
                : n.language().strip().toLowerCase(Locale.ROOT);
        CaseRouter.Route route = n.queue() != null && !n.queue().isBlank()
                ? new CaseRouter.Route(requireQueue(n.queue()), null, "chosen on intake")
                : router.route(n.category(), market.code(), language, n.provider(), n.amount());
        Priority priority = n.priority() != null ? n.priority() : Objects.requireNonNullElse(route.priority(), Priority.NORMAL);
        @Nullable String assignee = router.assign(route.queue(), language, n.provider()).orElse(null);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        insert(id, n, PanRedactor.redact(subject), market, language, route.queue(), priority, assignee, now);
        store.indexDocument(id);
        if (key != null) {
            jdbc.sql("insert into cases_intake_key (source, key, case_id) values (?, ?, ?)")
                    .params(n.source().name(), key, id).update();
        }
        for (CaseLink link : n.links()) {
            store.addLink(id, link);
        }
        Case c = cases.load(id);
        editor.record(c, c.opened(CurrentUser.actorName(), route.reason(), now, n.links()));
        return new CaseDesk.Opened(store.require(id), true);
    }

    /** The case a retried intake already opened (serialised per source and key). */
    private Optional<UUID> existing(NewCase n, String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(n.source() + "|" + key)
                .query((rs, i) -> 1).list();
        return jdbc.sql("select case_id from cases_intake_key where source = ? and key = ?")
                .params(n.source().name(), key).query(UUID.class).optional();
    }

    private void insert(UUID id, NewCase n, String subject, Market market, String language, String queue,
                        Priority priority, @Nullable String assignee, Instant now) {
        Instant externalDue = n.externalDueAt();
        String externalLabel = n.externalDueLabel();
        if (externalDue == null && n.psd2Complaint()) {
            externalDue = Psd2Deadline.dueAt(now, markets.calendar(market.code()), false);
            externalLabel = "PSD2 reply (" + Psd2Deadline.STANDARD_DAYS + " business days)";
        }
        List<String> tags = CaseInput.normaliseTags(n.tags());
        String description = PanRedactor.redact(Objects.requireNonNullElse(n.description(), ""));
        jdbc.sql("""
                insert into cases_case (id, subject, description, category, market, language, priority, status, queue_code,
                    assignee, tags, source, customer_ref, customer_email, provider, amount_minor, currency,
                    external_due_at, external_due_label, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, subject, description, CaseInput.blankToNull(n.category()), market.code(), language,
                        priority.name(), queue, assignee, tags.toArray(String[]::new), n.source().name(),
                        CaseInput.blankToNull(n.customerRef()), CaseInput.blankToNull(n.customerEmail()),
                        CaseInput.blankToNull(n.provider()),
                        n.amount() == null ? null : n.amount().minor(),
                        n.amount() == null ? null : n.amount().currency().getCurrencyCode(),
                        externalDue == null ? null : Timestamp.from(externalDue), externalLabel, Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    String requireQueue(String queue) {
        String code = queue.strip().toLowerCase(Locale.ROOT);
        if (!router.queueExists(code)) {
            throw new InvalidInputException("queue", "unknown queue '" + queue + "'");
        }
        return code;
    }
}
