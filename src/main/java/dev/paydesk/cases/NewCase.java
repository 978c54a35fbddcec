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

    /** The longest values the case desk and the modules that listen to it (triage) store. */
    public static final int MAX_SUBJECT = 300, MAX_REF = 200, MAX_EMAIL = 254, MAX_SHORT = 64, MAX_LANGUAGE = 8,
            MAX_DESCRIPTION = 100_000;

    public NewCase {
        tags = withoutNulls("tags", tags);
        links = withoutNulls("links", links);
        bounded("subject", subject, MAX_SUBJECT);
        bounded("description", description, MAX_DESCRIPTION);
        bounded("market", market, MAX_SHORT);
        bounded("language", language, MAX_LANGUAGE);
        bounded("category", category, MAX_SHORT);
        bounded("customerRef", customerRef, MAX_REF);
        bounded("customerEmail", customerEmail, MAX_EMAIL);
        bounded("provider", provider, MAX_SHORT);
        bounded("idempotencyKey", idempotencyKey, MAX_REF);
        bounded("externalDueLabel", externalDueLabel, MAX_REF);
        bounded("queue", queue, MAX_SHORT);
        for (int i = 0; i < tags.size(); i++) {
            bounded("tags[" + i + "]", tags.get(i), MAX_SHORT);
        }
    }

    /** Text cut to {@code max} characters (with an ellipsis), for intakes that must not refuse, e.g. e-mail and module events. */
    public static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A reference another module sent, or null when it is too long to be kept as one. */
    public static @Nullable String refOrNull(@Nullable String ref) {
        return ref == null || ref.length() > MAX_REF ? null : ref;
    }

    private static void bounded(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, field + " is longer than " + max + " characters");
        }
    }

    /** A minimal case, for intake paths that know little. */
    public static NewCase of(String subject, String description, String market, CaseSource source) {
        return builder(subject, market, source).description(description).build();
    }

    /**
     * A case to open with what an intake knows: subject, market and source are required, everything
     * else is named where it is set ({@code NewCase.builder(s, "DE", CaseSource.API).language("de").build()}).
     */
    public static Builder builder(String subject, String market, CaseSource source) {
        return new Builder(subject, market, source);
    }

    /** Builds a {@link NewCase}; unset fields stay empty (null, no tags, no links, no PSD2 complaint). */
    public static final class Builder {

        private final String subject;
        private final String market;
        private final CaseSource source;
        private @Nullable String description;
        private @Nullable String language;
        private @Nullable Priority priority;
        private @Nullable String category;
        private @Nullable String customerRef;
        private @Nullable String customerEmail;
        private @Nullable String provider;
        private @Nullable Money amount;
        private @Nullable List<String> tags;
        private @Nullable List<CaseLink> links;
        private @Nullable String idempotencyKey;
        private @Nullable Instant externalDueAt;
        private @Nullable String externalDueLabel;
        private boolean psd2Complaint;
        private @Nullable String queue;

        private Builder(String subject, String market, CaseSource source) {
            this.subject = subject;
            this.market = market;
            this.source = source;
        }

        public Builder description(@Nullable String description) {
            this.description = description;
            return this;
        }

        public Builder language(@Nullable String language) {
            this.language = language;
            return this;
        }

        public Builder priority(@Nullable Priority priority) {
            this.priority = priority;
            return this;
        }

        public Builder category(@Nullable String category) {
            this.category = category;
            return this;
        }

        /** The customer's reference and e-mail address (either may be null). */
        public Builder customer(@Nullable String ref, @Nullable String email) {
            this.customerRef = ref;
            this.customerEmail = email;
            return this;
        }

        public Builder provider(@Nullable String provider) {
            this.provider = provider;
            return this;
        }

        public Builder amount(@Nullable Money amount) {
            this.amount = amount;
            return this;
        }

        public Builder tags(@Nullable List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder links(@Nullable List<CaseLink> links) {
            this.links = links;
            return this;
        }

        /** The caller's key: opening the same (source, key) twice returns the first case. */
        public Builder idempotencyKey(@Nullable String key) {
            this.idempotencyKey = key;
            return this;
        }

        /** A deadline set outside the team (e.g. a provider's evidence due date) and its label. */
        public Builder externalDeadline(@Nullable Instant dueAt, @Nullable String label) {
            this.externalDueAt = dueAt;
            this.externalDueLabel = label;
            return this;
        }

        public Builder psd2Complaint(boolean psd2Complaint) {
            this.psd2Complaint = psd2Complaint;
            return this;
        }

        /** The queue to open in, instead of the one routing picks. */
        public Builder queue(@Nullable String queue) {
            this.queue = queue;
            return this;
        }

        public NewCase build() {
            return new NewCase(subject, description, market, language, priority, category, customerRef, customerEmail,
                    provider, amount, tags, links, source, idempotencyKey, externalDueAt, externalDueLabel, psd2Complaint,
                    queue);
        }
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
