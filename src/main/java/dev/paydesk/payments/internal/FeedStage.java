package dev.paydesk.payments.internal;

/** Where a merchant feed's checked rows go before they move into place (a temporary table, or nothing in tests). */
interface FeedStage {

    /** Rows in COPY text format. */
    void write(byte[] rows, int length);

    void end();

    void cancel();

    /** Runs the statement (with {@code %s} for the stage table), drops the stage and returns the rows it changed. */
    int moveInto(String statement);

    /** Opens a new, empty stage table {@code payments_feed_stage} with the given columns. */
    interface Opener {
        FeedStage open(String columns);
    }
}
