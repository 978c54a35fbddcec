package dev.paydesk.platform.access;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import dev.paydesk.platform.Role;

/** The access rules that are derived from {@link Role} rather than listed by name, so a new role is covered without edits. */
public final class PaydeskRoles {

    private static final Set<String> AUTHORITIES = Arrays.stream(Role.values()).map(Role::authority).collect(Collectors.toUnmodifiableSet());

    private PaydeskRoles() {
    }

    /** True when the authenticated user holds at least one Paydesk role; used by {@link AnyRole}. */
    public static boolean anyHeldBy(@Nullable Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(AUTHORITIES::contains);
    }
}
