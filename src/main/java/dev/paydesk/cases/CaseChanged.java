package dev.paydesk.cases;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something about a case changed: {@code change} is the timeline kind (e.g. {@code STATUS},
 * {@code ASSIGNED}, {@code MESSAGE_OUT}) and {@code data} what changed. Outbound webhooks carry these.
 */
public record CaseChanged(UUID caseId, String key, String market, String change, Map<String, Object> data, Instant at) {
}
