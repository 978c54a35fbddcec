package dev.paydesk.platform.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.platform.internal.UserService;
import io.swagger.v3.oas.annotations.Operation;
import dev.paydesk.platform.access.AdminOnly;

/** An administrator signs a user out everywhere. */
@RestController
@AdminOnly
class UserSessionsApiController {

    private final UserService users;

    UserSessionsApiController(UserService users) {
        this.users = users;
    }

    @DeleteMapping("/api/v1/users/{id}/sessions")
    @Operation(summary = "End every UI session of a user at once (audited; API tokens are revoked separately)")
    Map<String, Integer> endAll(@PathVariable UUID id) {
        return Map.of("ended", users.endAllSessions(id));
    }
}
