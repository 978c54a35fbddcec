package dev.paydesk.workforce;

import java.time.LocalDate;

/** How the day-ahead forecast did on one past day: WAPE, MAPE and bias over the day's intervals. */
public record DayAccuracy(LocalDate date, double actual, double forecast, double wape, double mape, double bias) {
}
