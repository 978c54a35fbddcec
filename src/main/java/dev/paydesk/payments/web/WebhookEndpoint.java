package dev.paydesk.payments.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import dev.paydesk.payments.Provider;
import io.micrometer.core.instrument.MeterRegistry;
import dev.paydesk.payments.internal.InvalidSignatureException;
import dev.paydesk.payments.internal.WebhookBusyException;
import dev.paydesk.payments.internal.WebhookReceiver;
import dev.paydesk.payments.internal.WebhookRequest;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signed PSP webhooks at {@code POST /webhooks/<provider>/<account>}. Public: the provider's
 * signature is the authentication, checked by {@link WebhookReceiver}; a bad one is 401 and stores
 * nothing. The answer comes only after the events are committed.
 *
 * <p>This is the hottest path of Paydesk (PSPs send bursts of thousands of events), so it is a
 * servlet filter placed first, before the observation, security and MVC layers, none of which it
 * needs (no session, no CSRF, no user); it answers every request under {@code /webhooks/} itself.
 * Errors are RFC 9457 problem documents like the rest of the API. Because the HTTP server metrics
 * are bypassed too, it records its own timer {@code paydesk.webhooks} by provider and status.
 */
class WebhookEndpoint implements Filter {

    static final String PREFIX = "/webhooks/";
    private static final int MAX_BODY = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);

    private final WebhookReceiver receiver;
    private final MeterRegistry meters;

    WebhookEndpoint(WebhookReceiver receiver, MeterRegistry meters) {
        this.receiver = receiver;
        this.meters = meters;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException {
        long start = System.nanoTime();
        HttpServletResponse response = (HttpServletResponse) res;
        String provider = handle((HttpServletRequest) req, response);
        meters.timer("paydesk.webhooks", "provider", provider, "status", Integer.toString(response.getStatus()))
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Answers the request; returns the provider's name for the metrics ("unknown" when it is not one). */
    private String handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            problem(response, path, 404, "not-found", "Not found", "webhooks are posted to /webhooks/<provider>/<account>");
            return "unknown";
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            problem(response, path, 405, "method-not-allowed", "Method not allowed", "webhooks are POSTed");
            return "unknown";
        }
        Provider provider;
        try {
            provider = Provider.parse(parts[0]);
        } catch (InvalidInputException e) {
            problem(response, path, 404, "not-found", "Not found", e.getMessage());
            return "unknown";
        }
        try {
            byte[] body = body(request);
            if (body == null) {
                problem(response, path, 413, "payload-too-large", "Payload too large",
                        "a webhook body may be at most " + MAX_BODY + " bytes");
                return provider.name();
            }
            WebhookReceiver.Receipt receipt = receiver.receive(provider, parts[1], new WebhookRequest(body, headers(request)));
            response.setStatus(200);
            if (provider == Provider.ADYEN) {
                write(response, "text/plain;charset=UTF-8", "[accepted]");
            } else {
                write(response, "application/json", String.format(Locale.ROOT,
                        "{\"applied\":%d,\"duplicates\":%d,\"ignored\":%d,\"quarantined\":%d%s}",
                        receipt.applied(), receipt.duplicates(), receipt.ignored(), receipt.quarantined(),
                        receipt.queued() == 0 ? "" : ",\"queued\":" + receipt.queued()));
            }
        } catch (InvalidSignatureException e) {
            problem(response, path, 401, "invalid-signature", "Invalid webhook signature", e.getMessage());
        } catch (NotFoundException e) {
            problem(response, path, 404, "not-found", "Not found", e.getMessage());
        } catch (WebhookBusyException e) {
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            problem(response, path, 503, "busy", "Try again later", e.getMessage());
        } catch (RuntimeException e) {
            log.error("webhook {} failed", path, e);
            problem(response, path, 500, "internal-error", "Internal error",
                    "the webhook was not stored; the provider will redeliver it");
        }
        return provider.name();
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? null : bytes;
        }
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            headers.put(name, request.getHeader(name));
        }
        return headers;
    }

    private static void problem(HttpServletResponse response, String path, int status, String type, String title,
                                String detail) throws IOException {
        response.setStatus(status);
        write(response, "application/problem+json", "{\"type\":\"https://paydesk.dev/problems/" + type + "\",\"title\":"
                + quote(title) + ",\"status\":" + status + ",\"detail\":" + quote(detail) + ",\"instance\":"
                + quote(path) + "}");
    }

    private static void write(HttpServletResponse response, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Registers the endpoint first in the filter chain, for {@code /webhooks/*} only. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<WebhookEndpoint> webhookEndpoint(WebhookReceiver receiver, MeterRegistry meters) {
            FilterRegistrationBean<WebhookEndpoint> bean = new FilterRegistrationBean<>(new WebhookEndpoint(receiver, meters));
            bean.addUrlPatterns(PREFIX + "*");
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
            bean.setName("paydeskWebhooks");
            return bean;
        }
    }
}
