package dev.paydesk.reconciliation.engine;

import org.jspecify.annotations.Nullable;

/**
 * A money movement reported by a provider (or booked by the merchant): a capture, refund,
 * chargeback, payout... {@code ok} is false for movements the provider reports as failed.
 * Carries its own matching state, filled in by one engine run.
 */
public final class Movement {

    final String id;
    final String provider;
    final EntryKind kind;
    final String ref;
    final @Nullable String originalRef;
    final @Nullable String orderRef;
    final @Nullable String customer;
    final boolean ok;
    final long amount;
    final String currency;
    final @Nullable String method;
    final long at;

    @Nullable Movement nextWithSameRef;
    @Nullable Movement nextWithSameOriginal;
    boolean netOnly;
    int linesMatched;
    long settledMinor;

    public Movement(String id, String provider, EntryKind kind, String ref, @Nullable String originalRef,
                    @Nullable String orderRef, @Nullable String customer, boolean ok, long amount, String currency,
                    @Nullable String method, long at) {
        this.id = id;
        this.provider = provider;
        this.kind = kind;
        this.ref = ref;
        this.originalRef = originalRef;
        this.orderRef = orderRef;
        this.customer = customer;
        this.ok = ok;
        this.amount = amount;
        this.currency = currency;
        this.method = method;
        this.at = at;
    }

    /** When it happened or was booked, epoch seconds (0 when unknown). */
    public long at() {
        return at;
    }

    public String id() {
        return id;
    }

    public String ref() {
        return ref;
    }

    public EntryKind kind() {
        return kind;
    }

    public long amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }
}
