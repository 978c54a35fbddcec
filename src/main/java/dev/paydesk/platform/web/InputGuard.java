package dev.paydesk.platform.web;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import dev.paydesk.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses text and dates that no column can hold, for every controller at once: a NUL character in
 * any string of a JSON body or in any request parameter, and dates outside the years 1970 to 9999
 * (in JSON bodies and in request parameters bound to dates).
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
    private static final org.springframework.core.ParameterNameDiscoverer NAMES =
            new org.springframework.core.DefaultParameterNameDiscoverer();
    private static final Pattern ISO_YEAR = Pattern.compile("[+-]?(\\d{4,})-\\d{2}");

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
        if (handler instanceof HandlerMethod method) {
            for (MethodParameter p : method.getMethodParameters()) {
                p.initParameterNameDiscovery(NAMES);
                RequestParam param = p.getParameterAnnotation(RequestParam.class);
                if (param != null && Temporal.class.isAssignableFrom(p.getParameterType())) {
                    datesOf(request, !param.name().isEmpty() ? param.name() : p.getParameterName());
                } else if (param == null && p.getParameterType().isRecord()
                        && !p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
                    // a form or filter record bound from the parameters: its date components by name
                    for (RecordComponent component : p.getParameterType().getRecordComponents()) {
                        if (Temporal.class.isAssignableFrom(component.getType())) {
                            datesOf(request, component.getName());
                        }
                    }
                }
            }
        }
        return true;
    }

    private static void datesOf(HttpServletRequest request, @Nullable String name) {
        String[] values = name == null ? null : request.getParameterValues(name);
        for (String value : values == null ? new String[0] : values) {
            yearOfText(name, value);
        }
    }

    /** The year of an ISO 8601 date or date-time as written, before Spring converts it (+999999999-12-31 fits a LocalDate). */
    private static void yearOfText(String field, String value) {
        Matcher m = ISO_YEAR.matcher(value.strip());
        if (m.lookingAt()) {
            String digits = m.group(1);
            if (m.group().startsWith("+") || m.group().startsWith("-") || digits.length() > 4) {
                throw new InvalidInputException(field, "dates must lie between the years " + MIN_YEAR + " and " + MAX_YEAR);
            }
            year(field, Integer.parseInt(digits));
        }
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
