package dev.paydesk.payments.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/** A webhook as received: raw body bytes (signatures are over the exact bytes) and headers. */
public record WebhookRequest(byte[] body, Map<String, String> headers) {

    public WebhookRequest {
        TreeMap<String, String> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        insensitive.putAll(headers);
        headers = insensitive;
    }

    public @Nullable String header(String name) {
        return headers.get(name);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
