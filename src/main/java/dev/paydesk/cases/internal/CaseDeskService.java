package dev.paydesk.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.cases.CaseCategorised;
import dev.paydesk.cases.CaseChanged;
import dev.paydesk.cases.CaseClockAlert;
import dev.paydesk.cases.CaseCreated;
import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseDetail;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseQuery;
import dev.paydesk.cases.CaseSource;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.LinkKind;
import dev.paydesk.cases.NewCase;
import dev.paydesk.cases.Priority;
import dev.paydesk.cases.WaitingReason;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.PanRedactor;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/** The case desk's commands: each in one transaction with its audit entry, timeline entry and clocks. */
@Service
class CaseDeskService implements CaseDesk {

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final CaseRouter router;
    private final CaseClocks clocks;
    private final CaseSearch search;
    private final OutboundMail mail;
    private final MarketCatalog markets;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LinkScope linkScope;

    CaseDeskService(JdbcClient jdbc, CaseStore store, CaseRouter router, CaseClocks clocks, CaseSearch search,
                    OutboundMail mail, MarketCatalog markets, AuditLog audit, ApplicationEventPublisher events, Clock clock,
                    LinkScope linkScope) {
        this.linkScope = linkScope;
        this.jdbc = jdbc;
        this.store = store;
        this.router = router;
        this.clocks = clocks;
        this.search = search;
        this.mail = mail;
        this.markets = markets;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Opened open(NewCase n) {
        String subject = required("subject", n.subject(), 300);
        n.links().forEach(linkScope::requireLinkable);
        Market market = markets.market(n.market().strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new InvalidInputException("market", "unknown market '" + n.market() + "'"));
        if (!canSee(market.code())) {
            throw new InvalidInputException("market", "unknown market '" + n.market() + "'");
        }
        if (n.idempotencyKey() != null && !n.idempotencyKey().isBlank()) {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(n.source() + "|" + n.idempotencyKey())
                    .query((rs, i) -> 1).list();
            Optional<UUID> existing = jdbc.sql("select case_id from cases_intake_key where source = ? and key = ?")
                    .params(n.source().name(), n.idempotencyKey()).query(UUID.class).optional();
            if (existing.isPresent()) {
                return new Opened(store.require(existing.get()), false);
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
        Instant externalDue = n.externalDueAt();
        String externalLabel = n.externalDueLabel();
        if (externalDue == null && n.psd2Complaint()) {
            externalDue = Psd2Deadline.dueAt(now, markets.calendar(market.code()), false);
            externalLabel = "PSD2 reply (" + Psd2Deadline.STANDARD_DAYS + " business days)";
        }
        List<String> tags = normaliseTags(n.tags());
        String description = PanRedactor.redact(Objects.requireNonNullElse(n.description(), ""));
        long number = jdbc.sql("""
                insert into cases_case (id, subject, description, category, market, language, priority, status, queue_code,
                    assignee, tags, source, customer_ref, customer_email, provider, amount_minor, currency,
                    external_due_at, external_due_label, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning number""")
                .params(id, PanRedactor.redact(subject), description, blankToNull(n.category()), market.code(), language,
                        priority.name(), route.queue(), assignee, tags.toArray(String[]::new), n.source().name(),
                        blankToNull(n.customerRef()), blankToNull(n.customerEmail()), blankToNull(n.provider()),
                        n.amount() == null ? null : n.amount().minor(),
                        n.amount() == null ? null : n.amount().currency().getCurrencyCode(),
                        externalDue == null ? null : Timestamp.from(externalDue), externalLabel, Timestamp.from(now),
                        Timestamp.from(now))
                .query(Long.class).single();
        store.indexDocument(id);
        if (n.idempotencyKey() != null && !n.idempotencyKey().isBlank()) {
            jdbc.sql("insert into cases_intake_key (source, key, case_id) values (?, ?, ?)")
                    .params(n.source().name(), n.idempotencyKey(), id).update();
        }
        String actor = CurrentUser.actorName();
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("source", n.source().name());
        created.put("queue", route.queue());
        created.put("routedBy", route.reason());
        created.put("priority", priority.name());
        store.appendEntry(id, "CREATED", now, actor, null, created, null);
        if (assignee != null) {
            store.appendEntry(id, "ASSIGNED", now, "routing", null, Map.of("queue", route.queue(), "assignee", assignee), null);
        }
        for (CaseLink link : n.links()) {
            store.addLink(id, link);
        }
        CaseSummary summary = store.require(id);
        refreshClocks(summary);
        summary = store.require(id);
        audit.record("case.created", "case", CaseStore.key(number), market.code(), null, created);
        String paymentRef = n.links().stream().filter(l -> l.kind() == LinkKind.PAYMENT || l.kind() == LinkKind.ORDER)
                .map(CaseLink::ref).findFirst().orElse(null);
        events.publishEvent(new CaseCreated(id, summary.key(), market.code(), language, summary.subject(), description,
                summary.category(), summary.customerRef(), paymentRef, blankToNull(n.provider()), n.source(), now));
        changed(summary, "CREATED", created, now);
        return new Opened(summary, true);
    }

    @Override
    public Optional<CaseDetail> find(String keyOrId) {
        return resolve(keyOrId).map(this::get);
    }

    @Override
    @Transactional(readOnly = true)
    public CaseDetail get(UUID id) {
        CaseSummary c = store.require(id);
        checkMarket(c);
        Map<String, Object> d = store.details(id);
        UUID parentId = (UUID) d.get("parentId");
        UUID mergedInto = (UUID) d.get("mergedInto");
        return new CaseDetail(c, (String) d.get("description"), (String) d.get("customerEmail"), (String) d.get("provider"),
                store.links(id), clocks.compute(c, d), store.timeline(id),
                parentId == null ? null : store.summary(parentId).orElse(null), store.children(id),
                mergedInto == null ? null : store.summary(mergedInto).map(CaseSummary::key).orElse(null));
    }

    @Override
    public Optional<UUID> resolve(String keyOrId) {
        return store.idByKey(keyOrId).filter(id -> canSee(store.require(id).market()));
    }

    @Override
    public List<CaseSummary> list(CaseQuery query) {
        return search.list(query);
    }

    @Override
    public long count(CaseQuery query) {
        return search.count(query);
    }

    @Override
    public long countUpTo(CaseQuery query, int cap) {
        return search.countUpTo(query, cap);
    }

    @Override
    @Transactional
    public void reply(UUID id, String body, @Nullable CaseStatus thenStatus, @Nullable WaitingReason thenReason) {
        CaseSummary c = lockForChange(id);
        String text = PanRedactor.redact(required("body", body, 100_000));
        Instant now = clock.instant();
        Map<String, Object> details = store.details(id);
        String to = (String) details.get("customerEmail");
        String messageId = mail.send(c, to, text).orElse(null);
        Map<String, Object> data = new LinkedHashMap<>();
        if (to != null) {
            data.put("to", to);
        }
        data.put("delivery", messageId != null ? "email" : "recorded");
        store.appendEntry(id, "MESSAGE_OUT", now, CurrentUser.actorName(), text, data, messageId);
        audit.record("case.replied", "case", c.key(), c.market(), null, Map.of("length", text.length()));
        if (c.status() == CaseStatus.NEW) {
            setStatus(c, CaseStatus.OPEN, null, now);
        }
        if (thenStatus != null) {
            setStatus(store.require(id), thenStatus, thenReason, now);
        }
        touch(id);
        changed(c, "MESSAGE_OUT", data, now);
    }

    @Override
    @Transactional
    public void addNote(UUID id, String body) {
        CaseSummary c = lockForChange(id);
        String text = PanRedactor.redact(required("body", body, 100_000));
        Instant now = clock.instant();
        store.appendEntry(id, "NOTE", now, CurrentUser.actorName(), text, null, null);
        audit.record("case.note-added", "case", c.key(), c.market(), null, Map.of("length", text.length()));
        touch(id);
        changed(c, "NOTE", Map.of(), now);
    }

    @Override
    @Transactional
    public void receiveMessage(UUID id, String from, String body, @Nullable String messageId) {
        if (messageId != null && store.messageKnown(messageId)) {
            return;
        }
        CaseSummary c = store.lock(id);
        Instant now = clock.instant();
        String text = PanRedactor.redact(Objects.requireNonNullElse(body, ""));
        store.appendEntry(id, "MESSAGE_IN", now, from, text, Map.of("from", from), messageId);
        audit.record("case.message-received", "case", c.key(), c.market(), null, Map.of("from", from));
        if (!c.status().isOpen() || c.status() == CaseStatus.WAITING) {
            setStatus(c, CaseStatus.OPEN, null, now);
        }
        touch(id);
        changed(c, "MESSAGE_IN", Map.of("from", from), now);
    }

    @Override
    @Transactional
    public void changeStatus(UUID id, CaseStatus status, @Nullable WaitingReason reason) {
        CaseSummary c = lockForChange(id);
        if (status == CaseStatus.WAITING && reason == null) {
            throw new InvalidInputException("reason", "a waiting case needs a reason: CUSTOMER, PROVIDER or INTERNAL");
        }
        if (status == CaseStatus.NEW) {
            throw new InvalidInputException("status", "a case cannot go back to NEW");
        }
        if (c.status() == status && Objects.equals(c.waitingReason(), reason)) {
            return;
        }
        setStatus(c, status, status == CaseStatus.WAITING ? reason : null, clock.instant());
        touch(id);
    }

    void setStatus(CaseSummary c, CaseStatus status, @Nullable WaitingReason reason, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", status.name());
        if (reason != null) {
            data.put("reason", reason.name());
        }
        data.put("from", c.status().name());
        jdbc.sql("update cases_case set status = ?, waiting_reason = ?, resolved_at = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(status.name(), reason == null ? null : reason.name(),
                        status.isOpen() ? null : Timestamp.from(at), Timestamp.from(at), c.id()).update();
        store.appendEntry(c.id(), "STATUS", at, CurrentUser.actorName(), null, data, null);
        audit.record("case.status-changed", "case", c.key(), c.market(), Map.of("status", c.status().name()), data);
        changed(c, "STATUS", data, at);
    }

    @Override
    @Transactional
    public void assign(UUID id, @Nullable String queue, @Nullable String assignee) {
        CaseSummary c = lockForChange(id);
        String newQueue = queue == null || queue.isBlank() ? c.queue() : requireQueue(queue);
        String newAssignee = assignee == null || assignee.isBlank() ? null : assignee.strip();
        if (Objects.equals(newQueue, c.queue()) && Objects.equals(newAssignee, c.assignee())) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("update cases_case set queue_code = ?, assignee = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(newQueue, newAssignee, Timestamp.from(now), id).update();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("queue", newQueue);
        data.put("assignee", newAssignee == null ? "" : newAssignee);
        store.appendEntry(id, "ASSIGNED", now, CurrentUser.actorName(), null, data, null);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("queue", c.queue());
        before.put("assignee", c.assignee());
        audit.record("case.assigned", "case", c.key(), c.market(), before, data);
        touch(id);
        changed(c, "ASSIGNED", data, now);
    }

    @Override
    @Transactional
    public CaseSummary reroute(UUID id) {
        CaseSummary c = store.lock(id);
        checkMarket(c);
        if (!c.status().isOpen()) {
            return c;
        }
        Map<String, Object> d = store.details(id);
        CaseRouter.Route route = router.route(c.category(), c.market(), c.language(), (String) d.get("provider"), c.amount());
        String assignee = c.assignee() != null && route.queue().equals(c.queue()) ? c.assignee()
                : router.assign(route.queue(), c.language(), (String) d.get("provider")).orElse(null);
        if (route.queue().equals(c.queue()) && Objects.equals(assignee, c.assignee())) {
            return c;
        }
        Instant now = clock.instant();
        jdbc.sql("update cases_case set queue_code = ?, assignee = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(route.queue(), assignee, Timestamp.from(now), id).update();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("queue", route.queue());
        data.put("assignee", assignee == null ? "" : assignee);
        data.put("routedBy", route.reason());
        store.appendEntry(id, "ASSIGNED", now, "routing", null, data, null);
        audit.record("case.rerouted", "case", c.key(), c.market(), Map.of("queue", String.valueOf(c.queue())), data);
        touch(id);
        changed(c, "ASSIGNED", data, now);
        return store.require(id);
    }

    @Override
    @Transactional
    public void categorise(UUID id, String category, boolean byAgent) {
        CaseSummary c = byAgent ? lockForChange(id) : store.lock(id);
        String code = required("category", category, 100);
        if (code.equals(c.category())) {
            return;
        }
        Instant now = clock.instant();
        store.update(id, "category", code, now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("category", code);
        data.put("previous", c.category() == null ? "" : c.category());
        data.put("by", byAgent ? "agent" : "classifier");
        store.appendEntry(id, "CATEGORY", now, CurrentUser.actorName(), null, data, null);
        audit.record("case.categorised", "case", c.key(), c.market(),
                c.category() == null ? null : Map.of("category", c.category()), data);
        refreshClocks(store.require(id));
        if (byAgent) {
            String text = c.subject() + "\n" + store.details(id).get("description");
            events.publishEvent(new CaseCategorised(id, c.key(), text, c.language(), c.category(), code,
                    CurrentUser.actorName(), now));
        }
        changed(c, "CATEGORY", data, now);
    }

    @Override
    @Transactional
    public void setPriority(UUID id, Priority priority) {
        CaseSummary c = lockForChange(id);
        if (c.priority() == priority) {
            return;
        }
        Instant now = clock.instant();
        store.update(id, "priority", priority.name(), now);
        store.appendEntry(id, "PRIORITY", now, CurrentUser.actorName(), null,
                Map.of("priority", priority.name(), "previous", c.priority().name()), null);
        audit.record("case.priority-changed", "case", c.key(), c.market(), Map.of("priority", c.priority().name()),
                Map.of("priority", priority.name()));
        touch(id);
        changed(c, "PRIORITY", Map.of("priority", priority.name()), now);
    }

    @Override
    @Transactional
    public void setTags(UUID id, List<String> tags) {
        CaseSummary c = lockForChange(id);
        List<String> normalised = normaliseTags(tags);
        if (normalised.equals(c.tags())) {
            return;
        }
        Instant now = clock.instant();
        store.updateTags(id, normalised, now);
        store.appendEntry(id, "TAGS", now, CurrentUser.actorName(), null, Map.of("tags", normalised), null);
        audit.record("case.tags-changed", "case", c.key(), c.market(), Map.of("tags", c.tags()), Map.of("tags", normalised));
        changed(c, "TAGS", Map.of("tags", normalised), now);
    }

    @Override
    @Transactional
    public void link(UUID id, CaseLink link) {
        CaseSummary c = store.lock(id);
        checkMarket(c);
        linkScope.requireLinkable(link);
        if (store.addLink(id, link)) {
            Instant now = clock.instant();
            Map<String, Object> data = Map.of("kind", link.kind().name(), "ref", link.ref());
            store.appendEntry(id, "LINKED", now, CurrentUser.actorName(), null, data, null);
            audit.record("case.linked", "case", c.key(), c.market(), null, data);
            changed(c, "LINKED", data, now);
        }
    }

    @Override
    @Transactional
    public void setExternalDeadline(UUID id, @Nullable Instant dueAt, @Nullable String label) {
        CaseSummary c = store.lock(id);
        checkMarket(c);
        Map<String, Object> d = store.details(id);
        if (Objects.equals(d.get("externalDueAt"), dueAt) && Objects.equals(d.get("externalDueLabel"), label)) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("update cases_case set external_due_at = ?, external_due_label = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(dueAt == null ? null : Timestamp.from(dueAt), label, Timestamp.from(now), id).update();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dueAt", dueAt == null ? "" : dueAt.toString());
        data.put("label", label == null ? "" : label);
        store.appendEntry(id, "DEADLINE", now, CurrentUser.actorName(), null, data, null);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("dueAt", d.get("externalDueAt") == null ? "" : d.get("externalDueAt").toString());
        audit.record("case.deadline-changed", "case", c.key(), c.market(), before, data);
        touch(id);
        changed(c, "DEADLINE", data, now);
    }

    @Override
    public List<CaseSummary> linkedTo(LinkKind kind, String ref) {
        return store.linkedTo(kind, ref).stream().filter(c -> canSee(c.market())).toList();
    }

    @Override
    @Transactional
    public CaseSummary escalate(UUID id, String peerQueue, String note) {
        CaseSummary c = lockForChange(id);
        String queue = requireQueue(peerQueue);
        String peer = jdbc.sql("select peer_function from cases_queue where code = ?").param(queue).query(String.class)
                .optional().orElse(null);
        if (peer == null) {
            throw new InvalidInputException("queue", "'" + queue + "' is not a peer-function queue (tech, risk, finance, product)");
        }
        NewCase child = NewCase.builder("[" + peer + "] " + c.subject(), c.market(), CaseSource.ESCALATION).description(note)
                .language(c.language()).priority(c.priority()).category(c.category()).customer(c.customerRef(), null)
                .amount(c.amount()).tags(List.of("escalation")).links(List.of(new CaseLink(LinkKind.CASE, c.key())))
                .queue(queue).build();
        CaseSummary opened = open(child).summary();
        Instant now = clock.instant();
        store.update(opened.id(), "parent_id", id, now);
        store.appendEntry(id, "ESCALATED", now, CurrentUser.actorName(), note,
                Map.of("child", opened.key(), "queue", queue, "function", peer), null);
        audit.record("case.escalated", "case", c.key(), c.market(), null, Map.of("child", opened.key(), "queue", queue));
        changed(c, "ESCALATED", Map.of("child", opened.key()), now);
        return store.require(opened.id());
    }

    @Override
    @Transactional
    public void setParent(UUID child, UUID parent) {
        if (child.equals(parent)) {
            throw new InvalidInputException("parent", "a case cannot be its own parent");
        }
        CaseSummary c = lockForChange(child);
        CaseSummary p = store.require(parent);
        checkMarket(p);
        Boolean cycle = jdbc.sql("""
                with recursive up(id) as (select parent_id from cases_case where id = ? union
                    select c.parent_id from cases_case c join up on c.id = up.id where c.parent_id is not null)
                select exists (select 1 from up where id = ?)""").params(parent, child).query(Boolean.class).single();
        if (Boolean.TRUE.equals(cycle)) {
            throw new ConflictException(p.key() + " is already below " + c.key());
        }
        Instant now = clock.instant();
        store.update(child, "parent_id", parent, now);
        store.appendEntry(child, "PARENT", now, CurrentUser.actorName(), null, Map.of("parent", p.key()), null);
        store.appendEntry(parent, "CHILD", now, CurrentUser.actorName(), null, Map.of("child", c.key()), null);
        audit.record("case.parent-set", "case", c.key(), c.market(), null, Map.of("parent", p.key()));
    }

    @Override
    @Transactional
    public void merge(UUID source, UUID target) {
        if (source.equals(target)) {
            throw new InvalidInputException("target", "a case cannot be merged into itself");
        }
        CaseSummary s = lockForChange(source);
        CaseSummary t = lockForChange(target);
        if (!t.status().isOpen() && t.status() == CaseStatus.CLOSED) {
            throw new ConflictException(t.key() + " is closed; reopen it before merging into it");
        }
        Instant now = clock.instant();
        for (CaseLink link : store.links(source)) {
            store.addLink(target, link);
        }
        store.addLink(target, new CaseLink(LinkKind.CASE, s.key()));
        jdbc.sql("""
                insert into cases_entry (case_id, kind, at, author, body, data)
                select ?, kind, at, author, body, coalesce(data, '{}'::jsonb) || jsonb_build_object('mergedFrom', ?)
                from cases_entry where case_id = ? and kind in ('MESSAGE_IN', 'MESSAGE_OUT', 'NOTE') order by at, id""")
                .params(target, s.key(), source).update();
        jdbc.sql("update cases_case t set search = t.search || s.search from cases_case s where t.id = ? and s.id = ?")
                .params(target, source).update();
        store.update(source, "merged_into", target, now);
        setStatus(store.require(source), CaseStatus.CLOSED, null, now);
        store.appendEntry(source, "MERGED", now, CurrentUser.actorName(), null, Map.of("into", t.key()), null);
        store.appendEntry(target, "MERGED", now, CurrentUser.actorName(), null, Map.of("from", s.key()), null);
        audit.record("case.merged", "case", s.key(), s.market(), null, Map.of("into", t.key()));
        refreshClocks(store.require(source));
        refreshClocks(store.require(target));
    }

    /** Recomputes a case's clocks and raises the alerts that became due. */
    List<CaseClocks.Alert> refreshClocks(CaseSummary c) {
        List<CaseClocks.Alert> alerts = clocks.refresh(c, store.details(c.id()));
        Instant now = clock.instant();
        for (CaseClocks.Alert a : alerts) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("clock", a.clock().kind().name());
            data.put("label", a.clock().label());
            data.put("breached", a.breached());
            if (a.clock().dueAt() != null) {
                data.put("dueAt", a.clock().dueAt().toString());
            }
            store.appendEntry(c.id(), a.breached() ? "CLOCK_BREACHED" : "CLOCK_WARNING", now, "system", null, data, null);
            audit.record(a.breached() ? "case.clock-breached" : "case.clock-warning", "case", c.key(), c.market(), null, data);
            events.publishEvent(new CaseClockAlert(c.id(), c.key(), c.market(), a.clock().kind(), a.breached(),
                    a.clock().dueAt(), c.assignee(), now));
        }
        return alerts;
    }

    private void touch(UUID id) {
        refreshClocks(store.require(id));
    }

    private void changed(CaseSummary c, String change, Map<String, Object> data, Instant at) {
        events.publishEvent(new CaseChanged(c.id(), c.key(), c.market(), change, data, at));
    }

    private CaseSummary lockForChange(UUID id) {
        CaseSummary c = store.lock(id);
        checkMarket(c);
        if (c.status() == CaseStatus.CLOSED && jdbc.sql("select merged_into is not null from cases_case where id = ?")
                .param(id).query(Boolean.class).single()) {
            throw new ConflictException(c.key() + " was merged into another case; work on that one");
        }
        return c;
    }

    private String requireQueue(String queue) {
        String code = queue.strip().toLowerCase(Locale.ROOT);
        if (!router.queueExists(code)) {
            throw new InvalidInputException("queue", "unknown queue '" + queue + "'");
        }
        return code;
    }

    /** A case of another market answers like an unknown one; background work is not scoped. */
    static void checkMarket(CaseSummary c) {
        if (CurrentUser.principal().isPresent()) {
            CurrentUser.requireInScope(c.market(), () -> new NotFoundException("case " + c.key() + " not found"));
        }
    }

    static boolean canSee(String market) {
        return CurrentUser.principal().isEmpty() || CurrentUser.canAccessMarket(market);
    }

    static String required(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " must not be empty");
        }
        String v = value.strip();
        if (v.length() > maxLength) {
            throw new InvalidInputException(field, field + " is longer than " + maxLength + " characters");
        }
        return v;
    }

    static List<String> normaliseTags(@Nullable List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String t : tags) {
            if (t != null && !t.isBlank()) {
                String tag = t.strip().toLowerCase(Locale.ROOT);
                if (!tag.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,49}")) {
                    throw new InvalidInputException("tags", "'" + t + "' is not a valid tag (letters, digits, . _ -)");
                }
                out.add(tag);
            }
        }
        return new ArrayList<>(out);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
