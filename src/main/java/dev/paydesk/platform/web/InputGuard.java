package dev.paydesk.platform.web;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import dev.paydesk.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses text and dates that no column can hold, for every controller at once: a NUL character in
 * any string of a JSON body or in any request parameter, and dates outside the years 1970 to 9999.
 * Each refusal is an {@link InvalidInputException} naming the field (its JSON path), so it answers
 * 400 instead of failing in the database. Raw bodies ({@code String}, {@code byte[]}) are left to
 * the intake that parses them (webhooks and files quarantine what they cannot read). Kept apart from
 * the card-number redaction, which rewrites strings; this one only refuses.
 */
@ControllerAdvice
class InputGuard extends RequestBodyAdviceAdapter implements HandlerInterceptor {

    static final int MIN_YEAR = 1970;
    static final int MAX_YEAR = 9999;
    private static final int MAX_DEPTH = 32;

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType != String.class && targetType != byte[].class;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        check("", body, 0);
        return body;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                if (value != null && value.indexOf('\0') >= 0) {
                    throw nul(name);
                }
            }
        });
        return true;
    }

    /** Walks records, lists and maps of a request body. */
    static void check(String path, @Nullable Object value, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        String field = path.isEmpty() ? "body" : path;
        switch (value) {
            case String s -> {
                if (s.indexOf('\0') >= 0) {
                    throw nul(field);
                }
            }
            case Instant i -> year(field, i.atOffset(ZoneOffset.UTC).getYear());
            case OffsetDateTime o -> year(field, o.getYear());
            case ZonedDateTime z -> year(field, z.getYear());
            case LocalDateTime l -> year(field, l.getYear());
            case LocalDate d -> year(field, d.getYear());
            case Collection<?> c -> {
                int i = 0;
                for (Object item : c) {
                    check(path + "[" + i++ + "]", item, depth + 1);
                }
            }
            case Map<?, ?> m -> m.forEach((k, v) -> {
                check(path, k, depth + 1);
                check(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, depth + 1);
            });
            case Record r -> {
                for (RecordComponent component : r.getClass().getRecordComponents()) {
                    check(path.isEmpty() ? component.getName() : path + "." + component.getName(), read(r, component),
                            depth + 1);
                }
            }
            default -> {
            }
        }
    }

    private static @Nullable Object read(Record r, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of a request body", e);
        }
    }

    private static void year(String field, int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidInputException(field, "dates must lie between the years " + MIN_YEAR + " and " + MAX_YEAR);
        }
    }

    private static InvalidInputException nul(String field) {
        return new InvalidInputException(field, field + " must not contain NUL characters");
    }
}
