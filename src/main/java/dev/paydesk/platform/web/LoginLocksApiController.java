package dev.paydesk.platform.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.platform.internal.LoginThrottle;
import dev.paydesk.platform.internal.UserAccount;
import dev.paydesk.platform.internal.UserService;
import dev.paydesk.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import dev.paydesk.platform.access.AdminOnly;

/** Sign-in lockouts for administrators: which accounts and addresses are locked, and lifting a lock. */
@RestController
@RequestMapping("/api/v1")
@AdminOnly
class LoginLocksApiController {

    private final LoginThrottle logins;
    private final UserService users;

    LoginLocksApiController(LoginThrottle logins, UserService users) {
        this.logins = logins;
        this.users = users;
    }

    @GetMapping("/login-locks")
    @Operation(summary = "Accounts (username as typed) and client addresses locked after repeated failed sign-ins")
    List<LoginThrottle.Lock> locks() {
        // a market-scoped admin sees the lockouts of the users they manage, not other markets' names or addresses
        java.util.Set<String> managed = users.managed().stream().map(UserAccount::username)
                .collect(java.util.stream.Collectors.toSet());
        boolean everyUser = managed.size() == users.all().size();
        return logins.locks().stream()
                .filter(l -> everyUser || (l.kind() == LoginThrottle.Kind.ACCOUNT && managed.contains(l.key())))
                .toList();
    }

    @DeleteMapping("/users/{id}/lock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Lift a user's sign-in lockout and forget their failed attempts")
    void unlockUser(@PathVariable UUID id) {
        logins.unlock(LoginThrottle.Kind.ACCOUNT, users.requireManaged(id).username());
    }

    @DeleteMapping("/login-locks/addresses")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Lift a client address's sign-in lockout")
    void unlockAddress(@RequestParam String address) {
        if (!logins.unlock(LoginThrottle.Kind.ADDRESS, address.strip())) {
            throw new NotFoundException("no failed sign-ins recorded from " + address.strip());
        }
    }
}
