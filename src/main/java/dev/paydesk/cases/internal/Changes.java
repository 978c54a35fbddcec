package dev.paydesk.cases.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.paydesk.cases.CaseChanged;
import dev.paydesk.cases.EntryKind;

/**
 * What one operation on a {@link Case} changed: the timeline entries to append, the audit records and
 * the events to publish. Empty when the operation changed nothing (then nothing is saved).
 */
record Changes(List<Entry> entries, List<Audit> audits, List<Object> events) {

    static final Changes NONE = new Changes(List.of(), List.of(), List.of());

    /**
     * A timeline entry of one case. {@code published} is the data of the {@link CaseChanged} event it
     * raises (outbound webhooks carry it), null when it raises none.
     */
    record Entry(UUID caseId, EntryKind kind, Instant at, String author, @Nullable String body, Map<String, Object> data,
                 @Nullable String messageId, @Nullable Map<String, Object> published) {

        /** The reply entry once sent: how it was delivered, and the e-mail's message id. */
        Entry delivered(@Nullable String mailMessageId) {
            Map<String, Object> d = new LinkedHashMap<>(data);
            d.put("delivery", mailMessageId != null ? "email" : "recorded");
            return new Entry(caseId, kind, at, author, body, d, mailMessageId, published == null ? null : d);
        }
    }

    /** An audit record of a case change. */
    record Audit(String action, String caseKey, String market, @Nullable Map<String, ?> before, Map<String, ?> after) {
    }

    boolean isEmpty() {
        return entries.isEmpty() && audits.isEmpty() && events.isEmpty();
    }

    Changes and(Changes other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        return new Changes(concat(entries, other.entries), concat(audits, other.audits), concat(events, other.events));
    }

    Changes withEvent(Object event) {
        return new Changes(entries, audits, concat(events, List.of(event)));
    }

    Changes mapEntries(java.util.function.UnaryOperator<Entry> f) {
        return new Changes(entries.stream().map(f).toList(), audits, events);
    }

    /** The events to publish: the explicit ones, then a {@link CaseChanged} per published entry. */
    List<Object> published(String key, String market) {
        List<Object> out = new ArrayList<>(events);
        for (Entry e : entries) {
            if (e.published() != null) {
                out.add(new CaseChanged(e.caseId(), key, market, e.kind(), e.published(), e.at()));
            }
        }
        return out;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
