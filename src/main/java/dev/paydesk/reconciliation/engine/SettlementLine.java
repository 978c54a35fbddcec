package dev.paydesk.reconciliation.engine;

import org.jspecify.annotations.Nullable;

/**
 * One settlement report or bank statement line; gross and net signed (credit positive), times in
 * epoch seconds. {@code merchantRef} of a bank line may be free remittance text.
 */
public final class SettlementLine {

    final String id;
    final String provider;
    final @Nullable String batch;
    final @Nullable String pspRef;
    final @Nullable String merchantRef;
    final @Nullable String modRef;
    final @Nullable String method;
    final EntryKind kind;
    final long at;
    final @Nullable String currency;
    final long gross;
    final long net;
    final long fees;

    @Nullable Match match;

    public SettlementLine(String id, String provider, @Nullable String batch, @Nullable String pspRef,
                          @Nullable String merchantRef, @Nullable String modRef, @Nullable String method, EntryKind kind,
                          long at, @Nullable String currency, long gross, long net, long fees) {
        this.id = id;
        this.provider = provider;
        this.batch = batch;
        this.pspRef = pspRef;
        this.merchantRef = merchantRef;
        this.modRef = modRef;
        this.method = method;
        this.kind = kind;
        this.at = at;
        this.currency = currency;
        this.gross = gross;
        this.net = net;
        this.fees = fees;
    }

    /** When it happened or was booked, epoch seconds (0 when unknown). */
    public long at() {
        return at;
    }

    public String id() {
        return id;
    }

    /** The line's amount as a positive number: gross, or net plus fees when only net was reported. */
    long amount() {
        return gross != 0 ? Math.abs(gross) : Math.abs(net) + fees;
    }

    /** The reference a finding quotes for this line. */
    String reference() {
        return modRef != null ? modRef : pspRef != null ? pspRef : id;
    }

    /** Words of the line's free-text references (bank remittance information) that could be order references. */
    public java.util.List<String> referenceWords() {
        java.util.List<String> words = new java.util.ArrayList<>();
        for (String text : new String[] {merchantRef, modRef}) {
            if (text != null) {
                for (String word : text.split("[^A-Za-z0-9_/-]+")) {
                    if (!word.isEmpty()) {
                        words.add(word);
                    }
                }
            }
        }
        return words;
    }

    public @Nullable Match match() {
        return match;
    }
}
