package dev.paydesk.payments.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.payments.internal.KlarnaCustomerTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The merchant's own Klarna customer-token status updates, which Klarna does not notify. The path
 * mirrors Klarna's Customer Token API ({@code /customer-token/v1/tokens/{token}/status}) under the
 * merchant account's name, so the merchant can forward the body it sent to Klarna.
 */
@RestController
@RequestMapping("/api/v1/klarna/{account}/customer-tokens")
@Tag(name = "Payments", description = "Orders, payments and their timelines")
@PreAuthorize("hasAnyRole('SPECIALIST','ADMIN')")
class KlarnaCustomerTokenController {

    /** Klarna's status body, plus what Paydesk may not know yet. */
    record StatusUpdate(@Nullable String status, @Nullable String customerReference, @Nullable Instant occurredAt) {
    }

    private final KlarnaCustomerTokens tokens;

    KlarnaCustomerTokenController(KlarnaCustomerTokens tokens) {
        this.tokens = tokens;
    }

    @PatchMapping("/{token}/status")
    @Operation(summary = "Record that the merchant cancelled a Klarna customer token with Klarna's Customer Token API;"
            + " the token becomes inactive in the customer's payment methods (a repeat changes nothing)")
    KlarnaCustomerTokens.Recorded status(@PathVariable String account, @PathVariable String token,
                                         @RequestBody StatusUpdate update) {
        return tokens.statusChanged(account, token, update.status(), update.customerReference(), update.occurredAt());
    }
}
