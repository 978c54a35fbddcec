package dev.paydesk.reconciliation.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.paydesk.reconciliation.FindingType;

/**
 * One piece of broken money found by a detector.
 *
 * @param key stable across runs: the same anomaly always gets the same key
 * @param scope what was examined to find it ({@code order:REF}, {@code line:ID} or {@code batch:PROVIDER:ID});
 *              a later run over the same scope that no longer finds it resolves it
 * @param evidence references of the records behind it ({@code movement:REF}, {@code line:ID}, {@code request:REF})
 */
public record Anomaly(FindingType type, String key, String scope, @Nullable String market, @Nullable String provider,
                      @Nullable String orderRef, @Nullable String paymentRef, @Nullable String customerRef,
                      @Nullable String method, long amountMinor, String currency, String summary,
                      List<String> evidence) {

    public Anomaly {
        evidence = List.copyOf(evidence);
    }
}
