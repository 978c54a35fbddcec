package dev.paydesk.workforce;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.workforce.forecast.Accuracy;
import dev.paydesk.workforce.forecast.Backtest;
import dev.paydesk.workforce.forecast.DoubleSeasonalHoltWinters;
import dev.paydesk.workforce.forecast.ForecastModel;
import dev.paydesk.workforce.forecast.IntervalHistory;
import dev.paydesk.workforce.forecast.IntradayReforecast;
import dev.paydesk.workforce.forecast.ProfileLevelModel;
import dev.paydesk.workforce.forecast.SeasonalNaive;
import dev.paydesk.workforce.staffing.IntervalLoad;
import dev.paydesk.workforce.staffing.QueueModel;
import dev.paydesk.workforce.staffing.ServiceTarget;
import dev.paydesk.workforce.staffing.Staffing;

/**
 * Forecasts and staffing per queue and day: the model is chosen by a rolling-origin backtest over the
 * last three weeks (Paydesk's profile × level model or double-seasonal Holt-Winters, both with the market's
 * holidays, or a seasonal baseline),
 * today's rest is re-forecast from the actuals so far, planned downtimes adjust volume and handle time,
 * and each interval is sized with Erlang A at the queue's service target.
 */
@Service
@EnableConfigurationProperties(WorkforceSettings.class)
public class Planning {

    private static final double INTRADAY_DAMPING = 0.8;

    private final ContactData data;
    private final MarketCatalog markets;
    private final WorkforceSettings settings;
    private final Clock clock;

    Planning(ContactData data, MarketCatalog markets, WorkforceSettings settings, Clock clock) {
        this.data = data;
        this.markets = markets;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today(ContactQueue queue) {
        return LocalDate.now(clock.withZone(zone(queue)));
    }

    public DayPlan plan(String queueCode, LocalDate date) {
        return plan(queueCode, date, clock.instant());
    }

    /** The plan as of {@code now}, one reading of the clock: "today", the intervals done and those with actuals agree. */
    DayPlan plan(String queueCode, LocalDate date, Instant now) {
        ContactQueue queue = data.queue(queueCode);
        ZoneId zone = zone(queue);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate cutoff = date.isAfter(today) ? today : date;
        IntervalHistory history = history(queue, cutoff.minusDays(settings.historyDays()), date.plusDays(1));
        IntervalHistory past = history.before(cutoff);
        ForecastModel model = chooseModel(queue, past);
        double[] forecast = model.forecast(past, date);
        boolean reforecast = false;
        double @Nullable [] actual = history.has(date) ? history.day(date) : null;
        if (date.equals(today) && actual != null) {
            int done = 0;
            while (done < forecast.length && !intervalStart(date, done, queue.intervalMinutes(), zone)
                    .plusSeconds(queue.intervalMinutes() * 60L).isAfter(now)) {
                done++;
            }
            double[] rest = IntradayReforecast.reforecast(forecast, actual, done, INTRADAY_DAMPING);
            // elapsed intervals keep the day-ahead figure, so forecast and actual stay comparable
            System.arraycopy(rest, done, forecast, done, forecast.length - done);
            reforecast = done > 0;
        }
        Map<Instant, Double> staffed = staffedAgents(queue, date, zone);
        List<Downtime> downtimes = data.downtimes(date.atStartOfDay(zone).toInstant(),
                date.plusDays(1).atStartOfDay(zone).toInstant());
        List<IntervalPlan> intervals = new ArrayList<>();
        for (int i = 0; i < forecast.length; i++) {
            Instant start = intervalStart(date, i, queue.intervalMinutes(), zone);
            @Nullable Integer offered = actual != null && (date.isBefore(today) || start.isBefore(now))
                    ? (int) Math.round(actual[i]) : null;
            intervals.add(interval(queue, start, forecast[i], downtimes, offered, staffed.get(start)));
        }
        return new DayPlan(queue, date, model.name(), reforecast, intervals);
    }

    /**
     * Where interval {@code i} of a local day starts: at its wall-clock time, the bucket the history counts it in. On
     * a day of 23 or 25 hours, minutes from midnight put every interval after the switch an hour off its bucket (the
     * forecast for 09:00 shown at 10:00); the hour that does not exist in spring starts with the one after it.
     */
    static Instant intervalStart(LocalDate date, int i, int intervalMinutes, ZoneId zone) {
        return date.atStartOfDay().plusMinutes((long) i * intervalMinutes).atZone(zone).toInstant();
    }

    /**
     * Daily totals and agent requirements for {@code days} days from {@code from} (at most six weeks), from
     * one model chosen on the history before today; planned downtimes are applied.
     */
    public List<DaySummary> horizon(String queueCode, LocalDate from, int days) {
        if (days < 1 || days > 42) {
            throw new dev.paydesk.shared.InvalidInputException("days", "between 1 and 42");
        }
        ContactQueue queue = data.queue(queueCode);
        ZoneId zone = zone(queue);
        LocalDate today = today(queue);
        IntervalHistory past = history(queue, today.minusDays(settings.historyDays()), today);
        ForecastModel model = chooseModel(queue, past);
        List<Downtime> downtimes = data.downtimes(from.atStartOfDay(zone).toInstant(),
                from.plusDays(days).atStartOfDay(zone).toInstant());
        List<DaySummary> result = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(from.plusDays(days)); day = day.plusDays(1)) {
            double[] forecast = model.forecast(past, day);
            double total = 0;
            double agentHours = 0;
            int peak = 0;
            for (int i = 0; i < forecast.length; i++) {
                Instant start = intervalStart(day, i, queue.intervalMinutes(), zone);
                IntervalPlan plan = interval(queue, start, forecast[i], downtimes, null, null);
                total += plan.adjustedForecast();
                agentHours += plan.scheduledAgents() * queue.intervalMinutes() / 60.0;
                peak = Math.max(peak, plan.scheduledAgents());
            }
            result.add(new DaySummary(day, total, agentHours, peak, model.name()));
        }
        return result;
    }

    /** One day of the horizon: forecast contacts (after downtimes), scheduled agent hours and the peak. */
    public record DaySummary(LocalDate date, double forecast, double agentHours, int peakAgents, String model) {
    }

    private IntervalPlan interval(ContactQueue queue, Instant start, double forecast, List<Downtime> downtimes,
            @Nullable Integer offered, @Nullable Double staffed) {
        Instant end = start.plusSeconds(queue.intervalMinutes() * 60L);
        double volume = forecast;
        double aht = queue.ahtSeconds();
        boolean affected = false;
        for (Downtime d : downtimes) {
            if (d.affects(queue.code(), start, end)) {
                volume *= 1 + d.volumeUplift();
                aht *= 1 + d.ahtChange();
                affected = true;
            }
        }
        IntervalLoad load = new IntervalLoad(volume, queue.intervalMinutes() * 60.0, aht, queue.patienceSeconds());
        ServiceTarget target = new ServiceTarget(queue.slTarget(), queue.slSeconds(), settings.maxOccupancy(), 1,
                settings.shrinkage());
        var staffing = Staffing.required(QueueModel.ERLANG_A, load, target);
        return new IntervalPlan(start, forecast, volume, aht, staffing.onPhone(), staffing.scheduled(),
                staffing.metrics().serviceLevel(), offered, staffed, affected);
    }

    /** Day-ahead accuracy for each of the last {@code days} days with data. */
    public List<DayAccuracy> accuracy(String queueCode, int days) {
        ContactQueue queue = data.queue(queueCode);
        LocalDate today = today(queue);
        IntervalHistory history = history(queue, today.minusDays(settings.historyDays() + days), today);
        List<DayAccuracy> result = new ArrayList<>();
        for (LocalDate day = today.minusDays(days); day.isBefore(today); day = day.plusDays(1)) {
            if (!history.has(day)) {
                continue;
            }
            IntervalHistory past = history.before(day);
            double[] forecast = chooseModel(queue, past).forecast(past, day);
            double[] actual = history.day(day);
            Accuracy.Tally tally = new Accuracy.Tally();
            double f = 0;
            for (int i = 0; i < actual.length; i++) {
                tally.add(forecast[i], actual[i]);
                f += forecast[i];
            }
            Accuracy a = tally.result();
            result.add(new DayAccuracy(day, history.total(day), f, a.wape(), a.mape(), a.bias()));
        }
        return result;
    }

    ForecastModel chooseModel(ContactQueue queue, IntervalHistory past) {
        BusinessCalendar calendar = markets.calendar(queue.market());
        ProfileLevelModel paydesk = new ProfileLevelModel(ProfileLevelModel.Settings.defaults(), calendar::isHoliday);
        if (past.isEmpty() || past.days().size() < 35) {
            return past.days().size() >= 7 ? SeasonalNaive.meanOf(4) : paydesk;
        }
        return Backtest.select(past, List.of(paydesk, new DoubleSeasonalHoltWinters(
                DoubleSeasonalHoltWinters.Parameters.defaults(), calendar::isHoliday), SeasonalNaive.meanOf(8),
                SeasonalNaive.meanOf(4)), 15);
    }

    /** Offered contacts per local day and interval, summed over suppliers. */
    IntervalHistory history(ContactQueue queue, LocalDate from, LocalDate toExclusive) {
        ZoneId zone = zone(queue);
        int buckets = 1440 / queue.intervalMinutes();
        Map<LocalDate, double[]> days = new TreeMap<>();
        for (IntervalStat s : data.stats(queue.code(), from.atStartOfDay(zone).toInstant(),
                toExclusive.atStartOfDay(zone).toInstant())) {
            LocalDateTime local = LocalDateTime.ofInstant(s.intervalStart(), zone);
            int bucket = (local.getHour() * 60 + local.getMinute()) / queue.intervalMinutes();
            days.computeIfAbsent(local.toLocalDate(), d -> new double[buckets])[bucket] += s.offered();
        }
        return IntervalHistory.of(buckets, days);
    }

    private Map<Instant, Double> staffedAgents(ContactQueue queue, LocalDate date, ZoneId zone) {
        Map<Instant, Double> staffed = new TreeMap<>();
        for (IntervalStat s : data.stats(queue.code(), date.atStartOfDay(zone).toInstant(),
                date.plusDays(1).atStartOfDay(zone).toInstant())) {
            if (s.agentsStaffed() != null) {
                staffed.merge(s.intervalStart(), s.agentsStaffed(), Double::sum);
            }
        }
        return staffed;
    }

    ZoneId zone(ContactQueue queue) {
        return markets.market(queue.market()).map(m -> m.zone()).orElse(ZoneId.of("UTC"));
    }
}
