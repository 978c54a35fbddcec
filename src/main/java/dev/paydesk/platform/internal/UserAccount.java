package dev.paydesk.platform.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import dev.paydesk.platform.PaydeskPrincipal;
import dev.paydesk.platform.Role;

/** A Paydesk user as stored, and as Spring Security sees it once signed in. */
public record UserAccount(UUID id, String username, String displayName, @Nullable String email,
                          String passwordHash, Set<Role> roles, Set<String> markets, boolean allMarkets,
                          boolean enabled, boolean mustChangePassword, int version, Instant createdAt,
                          boolean passwordLogin)
        implements UserDetails, PaydeskPrincipal {

    public UserAccount {
        roles = Set.copyOf(roles);
        markets = Set.copyOf(markets);
    }

    @Override
    public UUID userId() {
        return id;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>();
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** What the audit log and the API show: everything but the password hash. */
    public View view() {
        return new View(id, username, displayName, email, roles.stream().map(Enum::name).sorted().toList(),
                markets.stream().sorted().toList(), allMarkets, enabled, mustChangePassword,
                passwordLogin);
    }

    /** Public representation of a user. */
    public record View(UUID id, String username, String displayName, @Nullable String email, List<String> roles,
                       List<String> markets, boolean allMarkets, boolean enabled, boolean mustChangePassword,
                       boolean passwordLogin) {
    }

    @Override
    public String toString() {
        return "UserAccount[" + username + "]";
    }
}
