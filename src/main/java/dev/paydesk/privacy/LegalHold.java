package dev.paydesk.privacy;

/**
 * Something that forbids erasing a subject's data now, with the reason shown to whoever asks.
 *
 * @param holder the module or register that holds it (e.g. {@code disputes}, {@code privacy})
 * @param reason in words, e.g. "open dispute DSP-1 on order ORD-7 (chargeback, respond by …)"
 */
public record LegalHold(String holder, String reason) {
}
