package dev.paydesk.payments.internal;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/** Where encoded rows go, field by field: a binary COPY in production, a list in tests. */
interface RowSink {

    void row(int fields) throws SQLException;

    void nullField() throws SQLException;

    /** A text value given as bytes that are already UTF-8. */
    void text(byte[] bytes, int from, int to) throws SQLException;

    void text(@Nullable String value) throws SQLException;

    void int4(int value) throws SQLException;

    void int8(long value) throws SQLException;

    default void int8(@Nullable Long value) throws SQLException {
        if (value == null) {
            nullField();
        } else {
            int8(value.longValue());
        }
    }

    void uuid(long mostSignificant, long leastSignificant) throws SQLException;

    /** A timestamp at {@code epochSecond} (whole seconds). */
    void timestampSeconds(long epochSecond) throws SQLException;

    void timestamp(java.time.@Nullable Instant value) throws SQLException;
}
