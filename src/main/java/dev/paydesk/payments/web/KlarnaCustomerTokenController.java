package dev.paydesk.payments.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.payments.internal.KlarnaCustomerTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.paydesk.platform.access.SpecialistOrAdmin;

/**
 * Klarna customer-token changes Klarna does not notify, reported by the merchant: a token created
 * with Klarna Payments' create-customer-token call, and a status update sent to Klarna's Customer
 * Token API. The status path mirrors Klarna's ({@code /customer-token/v1/tokens/{token}/status})
 * under the merchant account's name, so the merchant can forward the body it sent to Klarna.
 */
@RestController
@RequestMapping("/api/v1/klarna/{account}/customer-tokens")
@Tag(name = "Payments", description = "Orders, payments and their timelines")
@SpecialistOrAdmin
class KlarnaCustomerTokenController {

    /** Klarna's status body, plus what Paydesk may not know yet. */
    record StatusUpdate(@Nullable String status, @Nullable String customerReference, @Nullable Instant occurredAt) {
    }

    /** The token_id of Klarna's create-customer-token response and the customer it belongs to. */
    record TokenCreated(@Nullable String tokenId, @Nullable String customerReference, @Nullable Instant occurredAt) {
    }

    private final KlarnaCustomerTokens tokens;

    KlarnaCustomerTokenController(KlarnaCustomerTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @Operation(summary = "Record a Klarna customer token the merchant created with Klarna Payments' create-customer-token"
            + " call (Klarna notifies nothing); a repeat changes nothing")
    KlarnaCustomerTokens.Recorded created(@PathVariable String account, @RequestBody TokenCreated created) {
        return tokens.created(account, created.tokenId(), created.customerReference(), created.occurredAt());
    }

    @PatchMapping("/{token}/status")
    @Operation(summary = "Record that the merchant cancelled a Klarna customer token with Klarna's Customer Token API;"
            + " the token becomes inactive in the customer's payment methods (a repeat changes nothing)")
    KlarnaCustomerTokens.Recorded status(@PathVariable String account, @PathVariable String token,
                                         @RequestBody StatusUpdate update) {
        return tokens.statusChanged(account, token, update.status(), update.customerReference(), update.occurredAt());
    }
}
