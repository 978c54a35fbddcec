package dev.paydesk.cases;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something about a case changed: {@code change} is the timeline kind (e.g. {@link EntryKind#STATUS})
 * and {@code data} what changed, as outbound webhooks carry it ({@code data} is the webhook's
 * published JSON object, so it stays a map of JSON values).
 */
public record CaseChanged(UUID caseId, String key, String market, EntryKind change, Map<String, Object> data, Instant at) {
}
