package dev.paydesk.platform;

import dev.paydesk.shared.ConflictException;

/**
 * Calendar arithmetic that cannot be answered by the market's calendar as it stands: no open minute within a
 * year, or not enough working time within the search horizon. Mapped to 409: fix the calendar, not the request.
 */
public final class NoWorkingTimeException extends ConflictException {

    public NoWorkingTimeException(String message) {
        super(message);
    }
}
