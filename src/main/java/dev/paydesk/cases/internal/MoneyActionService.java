package dev.paydesk.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.cases.CaseSummary;
import dev.paydesk.cases.MoneyAction;
import dev.paydesk.cases.MoneyActionApproved;
import dev.paydesk.cases.MoneyActionType;
import dev.paydesk.cases.MoneyActions;
import dev.paydesk.payments.PaymentQueries;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.platform.PanRedactor;
import dev.paydesk.platform.Role;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;
import dev.paydesk.shared.NotFoundException;

/** Money actions under {@link ApprovalPolicy}; every request and decision is audited and on the timeline. */
@Service
class MoneyActionService implements MoneyActions {

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final ApprovalPolicy policy;
    private final MarketCatalog markets;
    private final PaymentQueries payments;
    private final DisputeGuard disputes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final java.util.Set<Role> approverRoles;
    private final Notifications notifications;

    MoneyActionService(JdbcClient jdbc, CaseStore store, CasesProperties properties, DisputeGuard disputes,
                       AuditLog audit, ApplicationEventPublisher events, Clock clock, MarketCatalog markets,
                       PaymentQueries payments, Notifications notifications) {
        this.notifications = notifications;
        this.markets = markets;
        this.payments = payments;
        this.jdbc = jdbc;
        this.store = store;
        this.approverRoles = properties.approverRoles().stream().map(Role::parse).collect(Collectors.toSet());
        this.policy = new ApprovalPolicy(properties.approvalLimits(), approverRoles);
        this.disputes = disputes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public MoneyAction request(UUID caseId, MoneyActionType type, Money amount, @Nullable String paymentRef,
                               @Nullable String targetMethod, String reason) {
        CaseSummary c = store.lock(caseId);
        CaseInput.checkMarket(c);
        if (!c.status().isOpen()) {
            throw new ConflictException(c.key() + " is " + c.status().name().toLowerCase(java.util.Locale.ROOT)
                    + "; reopen it to request money actions");
        }
        if (type == MoneyActionType.RE_REFUND && (targetMethod == null || targetMethod.isBlank())) {
            throw new InvalidInputException("targetMethod", "a re-refund needs the method to refund to");
        }
        String why = CaseInput.required("reason", reason, 2000);
        String by = CurrentUser.actorName();
        String dispute = (type == MoneyActionType.REFUND || type == MoneyActionType.RE_REFUND) && paymentRef != null
                ? disputes.openDispute(paymentRef).orElse(null) : null;
        ApprovalPolicy.Decision decision = policy.decide(new ApprovalPolicy.Request(type, amount, currencyOf(c),
                paymentCurrency(paymentRef), dispute, exposure(c, type, amount.currency(), by),
                CurrentUser.principal().map(u -> ApprovalPolicy.asAgent(u.roles())).orElse(false)));
        if (decision instanceof ApprovalPolicy.Decision.Refused refused) {
            throw new InvalidInputException(refused.field(), refused.why());
        }
        boolean needsApproval = decision instanceof ApprovalPolicy.Decision.NeedsApproval;
        String note = decision.why();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into cases_money_action (id, case_id, type, amount_minor, currency, payment_ref, target_method, reason,
                    market, status, requested_by, requested_at, needs_approval, approval_note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, caseId, type.name(), amount.minor(), amount.currency().getCurrencyCode(), paymentRef,
                        targetMethod, PanRedactor.redact(why), c.market(),
                        needsApproval ? "PENDING_APPROVAL" : "APPROVED", by, Timestamp.from(now), needsApproval, note)
                .update();
        MoneyAction action = require(id);
        Map<String, Object> data = describe(action);
        store.appendEntry(caseId, dev.paydesk.cases.EntryKind.MONEY_REQUESTED, now, by, why, data, null);
        audit.record("money-action.requested", "money_action", id.toString(), c.market(), null, data);
        if (needsApproval) {
            notifications.approvalWaiting(caseId, c.key(), c.market(), by,
                    type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + amount, approverRoles);
        } else {
            published(action, null, now);
        }
        return action;
    }

    private Currency currencyOf(CaseSummary c) {
        if (c.amount() != null) {
            return c.amount().currency();
        }
        return markets.market(c.market()).map(Market::currency)
                .orElseThrow(() -> new ConflictException("market " + c.market() + " of " + c.key() + " is not configured"));
    }

    private @Nullable Currency paymentCurrency(@Nullable String paymentRef) {
        if (paymentRef == null || paymentRef.isBlank()) {
            return null;
        }
        return payments.search(new PaymentQueries.SearchCriteria(null, paymentRef.strip(), null, null, null, null, null, 1))
                .stream().findFirst().map(p -> p.amount().currency()).orElse(null);
    }

    /**
     * What already counts against the limit. The requester and the customer are locked for the rest of
     * the transaction (the case already is), so two concurrent requests cannot both see the other missing.
     */
    private ApprovalPolicy.Exposure exposure(CaseSummary c, MoneyActionType type, Currency currency, String requester) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('cases-money-requester:' || lower(?), 0))")
                .param(requester).query().singleRow();
        if (c.customerRef() != null) {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended('cases-money-customer:' || ?, 0))")
                    .param(c.customerRef()).query().singleRow();
        }
        Timestamp since = Timestamp.from(clock.instant().minus(Duration.ofHours(24)));
        return jdbc.sql("""
                select coalesce(sum(a.amount_minor) filter (where a.case_id = :case), 0),
                       coalesce(sum(a.amount_minor) filter (where c.customer_ref = :customer and a.requested_at >= :since), 0),
                       coalesce(sum(a.amount_minor) filter (where lower(a.requested_by) = lower(:requester)
                                                             and a.requested_at >= :since), 0)
                from cases_money_action a join cases_case c on c.id = a.case_id
                where a.type = :type and a.currency = :currency and a.status in ('PENDING_APPROVAL', 'APPROVED')
                  and (a.case_id = :case or c.customer_ref = :customer or lower(a.requested_by) = lower(:requester))""")
                .param("case", c.id()).param("customer", c.customerRef()).param("since", since)
                .param("requester", requester).param("type", type.name()).param("currency", currency.getCurrencyCode())
                .query((rs, n) -> new ApprovalPolicy.Exposure(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    @Override
    @Transactional
    public MoneyAction approve(UUID actionId, @Nullable String note) {
        return decide(actionId, true, note);
    }

    @Override
    @Transactional
    public MoneyAction reject(UUID actionId, String note) {
        return decide(actionId, false, CaseInput.required("note", note, 2000));
    }

    private MoneyAction decide(UUID actionId, boolean approve, @Nullable String note) {
        MoneyAction action = jdbc.sql("select a.*, c.number from cases_money_action a join cases_case c on c.id = a.case_id where a.id = ? for update of a")
                .param(actionId).query(MoneyActionService::map).optional()
                .orElseThrow(() -> new NotFoundException("money action " + actionId + " not found"));
        PaydeskPrincipal approver = CurrentUser.principal()
                .orElseThrow(() -> new AccessDeniedException("deciding a money action needs a signed-in user"));
        if (action.status() != MoneyAction.Status.PENDING_APPROVAL) {
            throw new ConflictException("the action is already " + action.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        policy.refusal(action, approver).ifPresent(reason -> {
            throw new AccessDeniedException(reason);
        });
        Instant now = clock.instant();
        jdbc.sql("""
                update cases_money_action set status = ?, decided_by = ?, decided_at = ?, decision_note = ?, version = version + 1
                where id = ?""")
                .params(approve ? "APPROVED" : "REJECTED", approver.username(), Timestamp.from(now),
                        note == null ? null : PanRedactor.redact(note), actionId).update();
        MoneyAction decided = require(actionId);
        Map<String, Object> data = describe(decided);
        store.appendEntry(decided.caseId(), approve ? dev.paydesk.cases.EntryKind.MONEY_APPROVED : dev.paydesk.cases.EntryKind.MONEY_REJECTED, now, approver.username(),
                note, data, null);
        audit.record(approve ? "money-action.approved" : "money-action.rejected", "money_action", actionId.toString(),
                decided.market(), Map.of("status", action.status().name()), data);
        if (approve) {
            published(decided, approver.username(), now);
        }
        return decided;
    }

    private void published(MoneyAction a, @Nullable String approvedBy, Instant at) {
        events.publishEvent(new MoneyActionApproved(a.id(), a.caseId(), a.caseKey(), a.type(), a.amount(), a.paymentRef(),
                a.targetMethod(), a.market(), a.requestedBy(), approvedBy, at));
    }

    @Override
    public java.util.Set<MoneyActionType> requestable() {
        boolean agent = CurrentUser.principal().map(u -> ApprovalPolicy.asAgent(u.roles())).orElse(false);
        return agent ? ApprovalPolicy.AGENT_TYPES : java.util.EnumSet.allOf(MoneyActionType.class);
    }

    @Override
    public boolean mayDecide(MoneyAction action) {
        return action.status() == MoneyAction.Status.PENDING_APPROVAL
                && CurrentUser.principal().map(u -> policy.refusal(action, u).isEmpty()).orElse(false);
    }

    @Override
    public List<MoneyAction> forCase(UUID caseId) {
        return jdbc.sql("select a.*, c.number from cases_money_action a join cases_case c on c.id = a.case_id where a.case_id = ? order by a.requested_at")
                .param(caseId).query(MoneyActionService::map).list();
    }

    @Override
    public List<MoneyAction> pending() {
        return jdbc.sql("select a.*, c.number from cases_money_action a join cases_case c on c.id = a.case_id where a.status = 'PENDING_APPROVAL' order by a.requested_at")
                .query(MoneyActionService::map).list().stream().filter(a -> CaseInput.canSee(a.market())).toList();
    }

    @Override
    public List<MoneyAction> approved(java.util.Set<MoneyActionType> types, Instant from, Instant to) {
        return jdbc.sql("select a.*, c.number from cases_money_action a join cases_case c on c.id = a.case_id"
                        + " where a.status = 'APPROVED' and a.type = any(?) and coalesce(a.decided_at, a.requested_at) >= ?"
                        + " and coalesce(a.decided_at, a.requested_at) < ? order by coalesce(a.decided_at, a.requested_at)")
                .params(types.stream().map(Enum::name).toArray(String[]::new), Timestamp.from(from), Timestamp.from(to))
                .query(MoneyActionService::map).list().stream().filter(a -> CaseInput.canSee(a.market())).toList();
    }

    private MoneyAction require(UUID id) {
        return jdbc.sql("select a.*, c.number from cases_money_action a join cases_case c on c.id = a.case_id where a.id = ?")
                .param(id).query(MoneyActionService::map).single();
    }

    private static Map<String, Object> describe(MoneyAction a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", a.id().toString());
        m.put("type", a.type().name());
        m.put("amount", a.amount().toString());
        m.put("status", a.status().name());
        if (a.paymentRef() != null) {
            m.put("paymentRef", a.paymentRef());
        }
        if (a.targetMethod() != null) {
            m.put("targetMethod", a.targetMethod());
        }
        if (a.approvalNote() != null) {
            m.put("approval", a.approvalNote());
        }
        return m;
    }

    static MoneyAction map(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new MoneyAction(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                CaseStore.key(rs.getLong("number")), MoneyActionType.valueOf(rs.getString("type")),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency")), rs.getString("payment_ref"),
                rs.getString("target_method"), rs.getString("reason"), rs.getString("market"),
                MoneyAction.Status.valueOf(rs.getString("status")), rs.getBoolean("needs_approval"),
                rs.getString("approval_note"), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(), rs.getString("decision_note"));
    }
}
