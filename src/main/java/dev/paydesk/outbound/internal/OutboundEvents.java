package dev.paydesk.outbound.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

import dev.paydesk.cases.CaseChanged;
import dev.paydesk.cases.CaseClockAlert;
import dev.paydesk.cases.CaseCreated;
import dev.paydesk.cases.CaseStatus;
import dev.paydesk.cases.EntryKind;
import dev.paydesk.disputes.DisputeClosed;
import dev.paydesk.disputes.DisputeOpened;
import dev.paydesk.reconciliation.FindingOpened;
import dev.paydesk.reconciliation.FindingResolved;
import dev.paydesk.shared.Money;

/**
 * Which of Paydesk's events go to Kafka, to which topic and what they carry (the schema is in
 * docs/kafka.md): one topic per kind of record, keyed by the record's id so one record's events stay
 * in order. Each message is built here field by field from ids, codes, states, amounts and times;
 * subjects, texts, customer references, e-mail addresses, assignees, summaries and resolutions are
 * never copied. Active only when Kafka is on; the payments module's externalizer sends the messages.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${paydesk.kafka.bootstrap-servers:}'.trim().length() > 0")
class OutboundEvents {

    static final String CASES = "paydesk.cases";
    static final String DISPUTES = "paydesk.disputes";
    static final String FINDINGS = "paydesk.findings";

    @Bean
    EventExternalizationConfiguration outboundEventConfiguration() {
        return EventExternalizationConfiguration.externalizing()
                .select(OutboundEvents::published)
                .route(CaseCreated.class, e -> RoutingTarget.forTarget(CASES).andKey(e.caseId().toString()))
                .route(CaseChanged.class, e -> RoutingTarget.forTarget(CASES).andKey(e.caseId().toString()))
                .route(CaseClockAlert.class, e -> RoutingTarget.forTarget(CASES).andKey(e.caseId().toString()))
                .route(DisputeOpened.class, e -> RoutingTarget.forTarget(DISPUTES).andKey(e.disputeId().toString()))
                .route(DisputeClosed.class, e -> RoutingTarget.forTarget(DISPUTES).andKey(e.disputeId().toString()))
                .route(FindingOpened.class, e -> RoutingTarget.forTarget(FINDINGS).andKey(e.findingId().toString()))
                .route(FindingResolved.class, e -> RoutingTarget.forTarget(FINDINGS).andKey(e.findingId().toString()))
                .mapping(CaseCreated.class, OutboundEvents::caseCreated)
                .mapping(CaseChanged.class, OutboundEvents::caseChanged)
                .mapping(CaseClockAlert.class, OutboundEvents::caseClockAlert)
                .mapping(DisputeOpened.class, OutboundEvents::disputeOpened)
                .mapping(DisputeClosed.class, OutboundEvents::disputeClosed)
                .mapping(FindingOpened.class, OutboundEvents::findingOpened)
                .mapping(FindingResolved.class, OutboundEvents::findingResolved)
                .build();
    }

    static boolean published(Object event) {
        return event instanceof CaseCreated || event instanceof CaseChanged || event instanceof CaseClockAlert
                || event instanceof DisputeOpened || event instanceof DisputeClosed
                || event instanceof FindingOpened || event instanceof FindingResolved;
    }

    static Map<String, @Nullable Object> caseCreated(CaseCreated e) {
        Map<String, @Nullable Object> m = message("case.created");
        m.put("case_id", e.caseId().toString());
        m.put("case_key", e.key());
        m.put("market", e.market());
        m.put("language", e.language());
        m.put("category", e.category());
        m.put("source", e.source().name());
        m.put("provider", e.provider());
        m.put("payment_ref", e.paymentRef());
        m.put("at", time(e.at()));
        return m;
    }

    /** A change's kind; for a status change also the new and the previous status (enum names only). */
    static Map<String, @Nullable Object> caseChanged(CaseChanged e) {
        Map<String, @Nullable Object> m = message("case.changed");
        m.put("case_id", e.caseId().toString());
        m.put("case_key", e.key());
        m.put("market", e.market());
        m.put("change", e.change().name());
        boolean status = e.change() == EntryKind.STATUS;
        m.put("status", status ? caseStatus(e.data().get("status")) : null);
        m.put("previous_status", status ? caseStatus(e.data().get("from")) : null);
        m.put("at", time(e.at()));
        return m;
    }

    static Map<String, @Nullable Object> caseClockAlert(CaseClockAlert e) {
        Map<String, @Nullable Object> m = message("case.clock_alert");
        m.put("case_id", e.caseId().toString());
        m.put("case_key", e.key());
        m.put("market", e.market());
        m.put("clock", e.clock().name());
        m.put("breached", e.breached());
        m.put("due_at", time(e.dueAt()));
        m.put("at", time(e.at()));
        return m;
    }

    static Map<String, @Nullable Object> disputeOpened(DisputeOpened e) {
        Map<String, @Nullable Object> m = message("dispute.opened");
        m.put("dispute_id", e.disputeId().toString());
        m.put("provider", e.provider().name());
        m.put("market", e.market());
        m.put("payment_ref", e.paymentRef());
        m.put("order_ref", e.orderRef());
        money(m, "amount", e.amount());
        m.put("reason_category", e.reasonCategory().name());
        m.put("stage", e.stage().name());
        m.put("status", e.status().name());
        m.put("respond_by", time(e.respondBy()));
        m.put("due_at", time(e.dueAt()));
        return m;
    }

    static Map<String, @Nullable Object> disputeClosed(DisputeClosed e) {
        Map<String, @Nullable Object> m = message("dispute.closed");
        m.put("dispute_id", e.disputeId().toString());
        m.put("market", e.market());
        m.put("payment_ref", e.paymentRef());
        m.put("order_ref", e.orderRef());
        money(m, "amount", e.amount());
        m.put("stage", e.stage().name());
        m.put("status", e.outcome().name());
        m.put("at", time(e.closedAt()));
        return m;
    }

    static Map<String, @Nullable Object> findingOpened(FindingOpened e) {
        Map<String, @Nullable Object> m = message("finding.opened");
        m.put("finding_id", e.findingId().toString());
        m.put("type", e.type().name());
        m.put("market", e.market());
        m.put("provider", e.provider());
        m.put("order_ref", e.orderRef());
        m.put("payment_ref", e.paymentRef());
        money(m, "amount_at_risk", e.amountAtRisk());
        m.put("group", e.group());
        return m;
    }

    static Map<String, @Nullable Object> findingResolved(FindingResolved e) {
        Map<String, @Nullable Object> m = message("finding.resolved");
        m.put("finding_id", e.findingId().toString());
        m.put("type", e.type().name());
        m.put("market", e.market());
        m.put("order_ref", e.orderRef());
        return m;
    }

    private static Map<String, @Nullable Object> message(String event) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("schema", 1);
        m.put("event", event);
        return m;
    }

    private static void money(Map<String, @Nullable Object> m, String name, Money amount) {
        m.put(name + "_minor", amount.minor());
        m.put("currency", amount.currency().getCurrencyCode());
    }

    private static @Nullable String time(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }

    /** A status name as the case desk stores it, or null when the value is not one (never free text). */
    private static @Nullable String caseStatus(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        try {
            return CaseStatus.valueOf(value.toString()).name();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
