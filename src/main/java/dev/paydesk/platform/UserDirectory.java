package dev.paydesk.platform;

import java.util.List;
import java.util.Optional;

/** Read access to Paydesk users for other modules (for notifications and pickers). */
public interface UserDirectory {

    /**
     * A user as other modules see them; {@code since}: when the account was created (an agent's start in
     * Paydesk, e.g. for quality's "agents in their first 30 days").
     */
    record User(String username, String displayName, Optional<String> email, java.util.Set<Role> roles,
                java.util.Set<String> markets, boolean allMarkets, boolean enabled, java.time.Instant since) {
    }

    Optional<User> user(String username);

    /** Enabled users, by username. */
    List<User> users();
}
