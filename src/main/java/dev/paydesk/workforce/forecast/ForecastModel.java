package dev.paydesk.workforce.forecast;

import java.time.LocalDate;

/** Forecasts one whole day's buckets from the history strictly before it. */
public interface ForecastModel {

    String name();

    /** @param history only days before {@code day}; never contains {@code day} itself */
    double[] forecast(IntervalHistory history, LocalDate day);
}
