package dev.paydesk.workforce.forecast;

/**
 * Re-forecasts the rest of today from the actuals so far: the remaining buckets are scaled by
 * {@code 1 + damping·(actual/forecast − 1)}, where the ratio is taken over the elapsed buckets and the
 * damping grows with the share of the day's forecast already seen (little evidence early in the day
 * moves little). The ratio is capped to [0.5, 2].
 */
public final class IntradayReforecast {

    private IntradayReforecast() {
    }

    /**
     * @param dayForecast the day-ahead forecast for all buckets
     * @param actuals     actuals for the first {@code elapsed} buckets
     * @param elapsed     number of completed buckets
     * @param maxDamping  weight given to the ratio once the whole day has been seen (e.g. 0.8)
     */
    public static double[] reforecast(double[] dayForecast, double[] actuals, int elapsed, double maxDamping) {
        if (elapsed < 0 || elapsed > dayForecast.length || actuals.length < elapsed) {
            throw new IllegalArgumentException("elapsed buckets out of range");
        }
        double forecastSoFar = 0;
        double actualSoFar = 0;
        double forecastTotal = 0;
        for (int i = 0; i < dayForecast.length; i++) {
            forecastTotal += dayForecast[i];
            if (i < elapsed) {
                forecastSoFar += dayForecast[i];
                actualSoFar += actuals[i];
            }
        }
        double[] result = dayForecast.clone();
        for (int i = 0; i < elapsed; i++) {
            result[i] = actuals[i];
        }
        if (forecastSoFar <= 0) {
            return result;
        }
        double ratio = Math.max(0.5, Math.min(2.0, actualSoFar / forecastSoFar));
        double seen = forecastTotal == 0 ? 0 : forecastSoFar / forecastTotal;
        double factor = 1 + maxDamping * Math.sqrt(seen) * (ratio - 1);
        for (int i = elapsed; i < result.length; i++) {
            result[i] = dayForecast[i] * factor;
        }
        return result;
    }
}
