/** Pure forecasting: interval histories, seasonal baselines, the profile × level model, backtests, accuracy. */
@org.jspecify.annotations.NullMarked
package dev.paydesk.workforce.forecast;
