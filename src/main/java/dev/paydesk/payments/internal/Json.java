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

    static long requiredLong(JsonNode node, String field) {
        return wholeNumber(node.path(field), field);
    }

    /** A number or a string of digits within the range of a long; anything else is malformed. */
    static long wholeNumber(JsonNode value, String field) {
        boolean ok = value.isNumber() ? value.canConvertToLong()
                : value.isString() && value.asString().matches("-?\\d{1,18}");
        if (!ok) {
            throw new MalformedPayloadException("field '" + field + "' is not a whole number");
        }
        return value.asLong();
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
