package dev.paydesk.workforce;

import java.time.Instant;
import java.util.List;

/**
 * Interval statistics were stored (CSV import, API or live feed). Says only which rows changed: per queue,
 * the first and last interval start written; readers fetch the rows through {@link ContactData#stats}.
 */
public record IntervalStatsRecorded(List<Range> ranges) {

    public IntervalStatsRecorded {
        ranges = List.copyOf(ranges);
    }

    /** Interval starts {@code first} to {@code last} (both inclusive) of one queue. */
    public record Range(String queue, Instant first, Instant last) {
    }
}
