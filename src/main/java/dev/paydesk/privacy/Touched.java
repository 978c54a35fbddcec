package dev.paydesk.privacy;

/**
 * How many records of one kind an erasure or a retention run changes (or, in a dry run, would).
 *
 * @param holder the module, e.g. {@code cases}
 * @param what what is done, e.g. {@code message texts removed}
 * @param count how many records
 */
public record Touched(String holder, String what, long count) {
}
