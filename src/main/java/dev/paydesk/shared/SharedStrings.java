package dev.paydesk.shared;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * One String per distinct value of a low-cardinality column read from bytes (currency, provider,
 * market...): found by hash and compared as bytes, so a repeated value allocates nothing. A small
 * open-addressing table; a value that finds no slot among a few probes is returned as a fresh String.
 */
public final class SharedStrings {

    private static final int SLOTS = 4096;
    private static final int PROBES = 8;

    private final Charset charset;
    private final String[] values = new String[SLOTS];
    private final byte[][] keys = new byte[SLOTS][];

    public SharedStrings(Charset charset) {
        this.charset = charset;
    }

    public String get(byte[] data, int from, int length) {
        int hash = length;
        for (int i = from; i < from + length; i++) {
            hash = 31 * hash + data[i];
        }
        int mask = SLOTS - 1;
        for (int slot = hash & mask, probes = 0; probes < PROBES; slot = (slot + 1) & mask, probes++) {
            byte[] known = keys[slot];
            if (known == null) {
                String value = new String(data, from, length, charset);
                values[slot] = value;
                keys[slot] = Arrays.copyOfRange(data, from, from + length);
                return value;
            }
            if (Arrays.equals(known, 0, known.length, data, from, from + length)) {
                return values[slot];
            }
        }
        return new String(data, from, length, charset);
    }
}
