package dev.paydesk.platform.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.platform.UserAffiliations;
import dev.paydesk.platform.access.AdminOnly;
import dev.paydesk.platform.access.AdminOrAuditor;
import dev.paydesk.platform.internal.UserAffiliationService;
import dev.paydesk.platform.internal.UserService;
import io.swagger.v3.oas.annotations.Operation;

/** A user's supplier (empty = in-house) and teams through the API. */
@RestController
class UserAffiliationApiController {

    private final UserService users;
    private final UserAffiliationService affiliations;

    UserAffiliationApiController(UserService users, UserAffiliationService affiliations) {
        this.users = users;
        this.affiliations = affiliations;
    }

    /** {@code supplier}: a workforce supplier code or null for in-house. */
    record AffiliationBody(@Nullable String supplier, @Nullable List<String> teams) {
    }

    @GetMapping("/api/v1/users/{id}/affiliation")
    @AdminOrAuditor
    @Operation(summary = "A user's supplier (null = in-house) and teams")
    AffiliationBody get(@PathVariable UUID id) {
        users.requireManaged(id);
        return body(affiliations.of(id));
    }

    @PutMapping("/api/v1/users/{id}/affiliation")
    @AdminOnly
    @Operation(summary = "Set a user's supplier (one of workforce's suppliers, null = in-house) and teams (audited)")
    AffiliationBody put(@PathVariable UUID id, @RequestBody AffiliationBody req) {
        users.requireManaged(id);
        UserAffiliations.Affiliation a = affiliations.validate(req.supplier(),
                req.teams() == null ? "" : String.join(",", req.teams()));
        affiliations.set(id, a);
        return body(a);
    }

    private static AffiliationBody body(UserAffiliations.Affiliation a) {
        return new AffiliationBody(a.supplier().orElse(null), a.teams());
    }
}
