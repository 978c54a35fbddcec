package dev.paydesk.cases;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.Money;

/**
 * A case to open. Only subject and market are required; routing fills queue, assignee and (from the
 * rules) priority when they are not given.
 *
 * @param idempotencyKey the caller's key: opening the same (source, key) twice returns the first case
 * @param externalDueAt a deadline set outside the team (e.g. a provider's evidence due date), if any
 * @param psd2Complaint a formal complaint under PSD2: adds the 15-business-day reply deadline
 */
public record NewCase(String subject, @Nullable String description, String market, @Nullable String language,
                      @Nullable Priority priority, @Nullable String category, @Nullable String customerRef,
                      @Nullable String customerEmail, @Nullable String provider, @Nullable Money amount,
                      List<String> tags, List<CaseLink> links, CaseSource source, @Nullable String idempotencyKey,
                      @Nullable Instant externalDueAt, @Nullable String externalDueLabel, boolean psd2Complaint,
                      @Nullable String queue) {

    public NewCase {
        tags = withoutNulls("tags", tags);
        links = withoutNulls("links", links);
    }

    /** A minimal case, for intake paths that know little. */
    public static NewCase of(String subject, String description, String market, CaseSource source) {
        return new NewCase(subject, description, market, null, null, null, null, null, null, null, List.of(), List.of(),
                source, null, null, null, false, null);
    }

    /** An unmodifiable copy; a list with a null in it (JSON {@code [null]}) is refused under the field's name. */
    private static <T> List<T> withoutNulls(String field, @Nullable List<T> values) {
        if (values == null) {
            return List.of();
        }
        for (T value : values) {
            if (value == null) {
                throw new InvalidInputException(field, field + " must not contain null");
            }
        }
        return List.copyOf(values);
    }
}
