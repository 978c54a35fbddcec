package dev.paydesk.knowledge.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.paydesk.platform.CurrentUser;

/**
 * Which articles a reader sees: those tagged for none of the markets (for every market) and those tagged for
 * one of the reader's markets. Users with every market, and work outside a request (CLI, jobs), see all.
 */
public final class MarketScope {

    private MarketScope() {
    }

    /** The reader's markets, or null for every market. */
    public static @Nullable List<String> current() {
        return CurrentUser.principal().map(p -> p.allMarkets() ? null : List.copyOf(p.markets())).orElse(null);
    }

    public static boolean allows(List<String> articleMarkets, @Nullable List<String> scope) {
        return scope == null || articleMarkets.isEmpty() || articleMarkets.stream().anyMatch(scope::contains);
    }
}
