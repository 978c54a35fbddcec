package dev.paydesk.workforce;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paydesk.workforce.*}: planning defaults.
 *
 * @param shrinkage       share of paid agent time off the phone
 * @param maxOccupancy    occupancy cap used when sizing
 * @param historyDays     how much history forecasts read
 * @param alertDeviation  relative deviation of actual from forecast volume that raises a realtime alert
 */
@ConfigurationProperties("paydesk.workforce")
public record WorkforceSettings(@DefaultValue("0.3") double shrinkage, @DefaultValue("0.9") double maxOccupancy,
        @DefaultValue("180") int historyDays, @DefaultValue("0.15") double alertDeviation) {
}
