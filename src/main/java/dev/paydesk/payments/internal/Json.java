package dev.paydesk.payments.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small JSON helpers for provider payloads. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (RuntimeException e) {
            throw new MalformedPayloadException("not valid JSON: " + e.getMessage());
        }
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isContainer()) {
            throw new MalformedPayloadException("field '" + field + "' is an object or array, not a value");
        }
        String s = value.asString();
        return s.isBlank() ? null : s;
    }

    static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new MalformedPayloadException("missing field '" + field + "'");
        }
        return value;
    }

    /**
     * A whole number of minor units in {@code field} (a JSON number or a numeric string), checked by
     * {@link dev.paydesk.shared.MoneyParser}: bounded, with the sign the field allows.
     */
    static dev.paydesk.shared.Money minorUnits(JsonNode node, String field, java.util.Currency currency,
                                               dev.paydesk.shared.MoneyParser.Sign sign) {
        JsonNode value = node.path(field);
        if (!value.isNumber() && !value.isString()) {
            throw new MalformedPayloadException("field '" + field + "' is not a whole number");
        }
        return Intake.minorUnits(field, value.asString(), currency, sign);
    }

    /** The currency code in {@code field}, an ISO 4217 tender code ({@code upperCase}: as Stripe writes it, lower case). */
    static java.util.Currency currency(JsonNode node, String field, boolean upperCase) {
        String code = required(node, field);
        return Intake.currency(field, upperCase ? code.toUpperCase(java.util.Locale.ROOT) : code);
    }

    /** The latest instant a provider timestamp may name: the last second of the year 9999. */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    /** Seconds since the epoch as Stripe sends them, within 1970–9999 (a fuzzed {@code created} overflowed Instant). */
    static Instant epochSecond(long seconds, String field) {
        if (seconds < 0 || seconds > MAX_EPOCH_SECOND) {
            throw new MalformedPayloadException("field '" + field + "' is not a time between 1970 and 9999");
        }
        return Instant.ofEpochSecond(seconds);
    }

    static Instant instant(@Nullable String iso) {
        if (iso == null) {
            throw new MalformedPayloadException("missing timestamp");
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(iso);
            } catch (DateTimeParseException e2) {
                throw new MalformedPayloadException("bad timestamp '" + iso + "'");
            }
        }
    }
}
