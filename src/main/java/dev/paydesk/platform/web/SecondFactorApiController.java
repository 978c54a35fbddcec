package dev.paydesk.platform.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.platform.internal.SecondFactors;
import io.swagger.v3.oas.annotations.Operation;
import dev.paydesk.platform.access.AdminOnly;

/** Second-factor resets with four eyes: one administrator asks, another approves. */
@RestController
@RequestMapping("/api/v1")
@AdminOnly
class SecondFactorApiController {

    private final SecondFactors factors;

    SecondFactorApiController(SecondFactors factors) {
        this.factors = factors;
    }

    @PostMapping("/users/{id}/second-factor/reset-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask to remove a user's second factor (takes effect when a second administrator approves; audited)")
    SecondFactors.ResetRequest requestReset(@PathVariable UUID id) {
        return factors.requestReset(id);
    }

    @GetMapping("/second-factor-resets")
    @Operation(summary = "Second-factor resets waiting for a second administrator (of the users you manage)")
    List<SecondFactors.ResetRequest> open() {
        return factors.openResets();
    }

    @PostMapping("/second-factor-resets/{id}/approve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Approve another administrator's reset request: the user's factor and recovery codes are removed")
    void approve(@PathVariable UUID id) {
        factors.approveReset(id);
    }
}
