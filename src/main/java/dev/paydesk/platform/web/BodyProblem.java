package dev.paydesk.platform.web;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;

import dev.paydesk.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Why a request body could not be read, in the API's words: the JSON path of the field and the reason. */
record BodyProblem(String field, String detail) {

    static BodyProblem of(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (!(cause instanceof JacksonException j)) {
            return new BodyProblem("body", "A JSON body is required.");
        }
        String field = path(j);
        if (j.getCause() instanceof InvalidInputException refused) {
            return new BodyProblem(field.equals("body") ? refused.field() : field, refused.getMessage());
        }
        return switch (j) {
            case InvalidFormatException f -> new BodyProblem(field, "'" + shorten(String.valueOf(f.getValue()))
                    + "' is not " + expected(f.getTargetType()));
            case UnrecognizedPropertyException u -> new BodyProblem(field, "unknown field '" + u.getPropertyName() + "'");
            case MismatchedInputException m when missing(m) -> new BodyProblem(field, "a value is required");
            case MismatchedInputException m -> new BodyProblem(field, m.getTargetType() == null
                    ? "the value has the wrong type" : "the value has the wrong type: expected " + expected(m.getTargetType()));
            case StreamReadException r -> new BodyProblem(field, "The body is not valid JSON"
                    + (r.getLocation() == null ? "." : " (line " + r.getLocation().getLineNr() + ", column "
                    + r.getLocation().getColumnNr() + ")."));
            default -> new BodyProblem(field, "The value could not be read.");
        };
    }

    private static String path(JacksonException j) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : j.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String expected(@Nullable Class<?> type) {
        if (type != null && type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "a " + kind(type);
    }

    /** A type as the API's reader knows it: text, number, date, list, … — never a Java class name. */
    static String kind(@Nullable Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "date or time in ISO 8601 (e.g. 2026-12-07 or 2026-12-07T09:30:00Z)";
        }
        if (type == UUID.class) {
            return "id (UUID)";
        }
        if (type.isEnum()) {
            return "value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "JSON object";
        }
        return "value";
    }

    static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }

    /** A number or flag the body left out or sent as null (not a value of the wrong kind). */
    private static boolean missing(MismatchedInputException m) {
        String message = m.getOriginalMessage();
        return message != null && (message.startsWith("Cannot map `null`") || message.startsWith("Missing"));
    }
}
