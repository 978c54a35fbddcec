package dev.paydesk.platform.web;

import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import dev.paydesk.platform.PanBoundary;

/**
 * A request body bound as a plain {@code String} (a CSV posted as text, for one) passes the
 * card-number boundary like a file: whole-field card numbers become keys, the others are masked.
 * Bodies bound to records, lists and maps are redacted by the Jackson module instead.
 */
@ControllerAdvice
class PanStringBodyAdvice extends RequestBodyAdviceAdapter {

    private final PanBoundary boundary;

    PanStringBodyAdvice(PanBoundary boundary) {
        this.boundary = boundary;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType == String.class;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        return body instanceof String text ? boundary.file(text) : body;
    }
}
