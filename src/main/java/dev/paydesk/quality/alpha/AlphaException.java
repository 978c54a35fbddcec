package dev.paydesk.quality.alpha;

/** Reliability data from which no alpha can be computed (no pairable values, ragged rows, text at a numeric level). */
public class AlphaException extends RuntimeException {
    public AlphaException(String message) {
        super(message);
    }
}
