package dev.paydesk.cases.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.cases.CaseWebhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.paydesk.platform.access.AdminOnly;

/** Outbound webhook subscriptions on case events and their delivery log (admins). */
@RestController
@RequestMapping("/api/v1/case-webhooks")
@Tag(name = "Case webhooks", description = "HMAC-signed outbound webhooks on case events, with retries and a delivery log")
@AdminOnly
class CaseWebhooksApiController {

    private final CaseWebhooks webhooks;

    CaseWebhooksApiController(CaseWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    record SubscribeRequest(@jakarta.validation.constraints.NotBlank String url, @Nullable List<String> events) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Subscribe a URL to case events (CREATED, STATUS, ASSIGNED, MESSAGE_OUT, … or *); the secret is shown once")
    CaseWebhooks.Created subscribe(@RequestBody @jakarta.validation.Valid SubscribeRequest r) {
        return webhooks.subscribe(r.url(), r.events() == null ? List.of() : r.events());
    }

    @GetMapping
    List<CaseWebhooks.Subscription> list() {
        return webhooks.subscriptions();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@PathVariable UUID id) {
        webhooks.deactivate(id);
    }

    @GetMapping("/deliveries")
    List<CaseWebhooks.Delivery> deliveries(@RequestParam(required = false) @Nullable UUID webhook,
                                           @RequestParam(defaultValue = "100") int limit) {
        return webhooks.deliveries(webhook, limit);
    }
}
