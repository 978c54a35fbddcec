package dev.paydesk.platform;

import java.util.Set;
import java.util.UUID;

/** The signed-in user as every module sees it: who, which roles, which markets. */
public interface PaydeskPrincipal {

    UUID userId();

    String username();

    Set<Role> roles();

    /** Markets the user may work in; ignored when {@link #allMarkets()}. */
    Set<String> markets();

    boolean allMarkets();

    default boolean hasRole(Role role) {
        return roles().contains(role);
    }

    default boolean canAccessMarket(String market) {
        return allMarkets() || markets().contains(market);
    }
}
