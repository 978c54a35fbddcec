package dev.paydesk.workforce.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ForecastingTests {

    @Test
    void reproducesAKnownWeeklyAndIntradaySeasonality() {
        IntervalHistory history = ForecastFixtures.history(120, d -> 2000, 1, 0);
        LocalDate day = ForecastFixtures.START.plusDays(120);
        double[] forecast = ProfileLevelModel.withoutCalendar().forecast(history, day);
        double[] expected = ForecastFixtures.expected(day, 2000);
        Accuracy.Tally tally = new Accuracy.Tally();
        for (int i = 0; i < 48; i++) {
            tally.add(forecast[i], expected[i]);
        }
        // the profile is smoothed across neighbouring buckets, so a few per cent remain
        assertThat(tally.result().wape()).isLessThan(0.04);
        assertThat(tally.result().bias()).isCloseTo(0, within(0.01));
        assertThat(SpecialDays.mainWeekdays(history)).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    }

    @Test
    void holtWintersLearnsBothSeasons() {
        IntervalHistory history = ForecastFixtures.history(142, d -> 2000, 11, 0);
        LocalDate day = ForecastFixtures.START.plusDays(142); // a Tuesday
        double[] forecast = new DoubleSeasonalHoltWinters(DoubleSeasonalHoltWinters.Parameters.defaults(), d -> false)
                .forecast(history, day);
        double[] expected = ForecastFixtures.expected(day, 2000);
        Accuracy.Tally tally = new Accuracy.Tally();
        for (int i = 0; i < 48; i++) {
            tally.add(forecast[i], expected[i]);
        }
        assertThat(tally.result().wape()).isLessThan(0.01);
        LocalDate sunday = ForecastFixtures.START.plusDays(140);
        double sundayTotal = sum(new DoubleSeasonalHoltWinters(DoubleSeasonalHoltWinters.Parameters.defaults(),
                d -> false).forecast(history.before(sunday), sunday));
        assertThat(sundayTotal).isCloseTo(200, within(10.0));
    }

    @Test
    void followsALevelShiftFasterThanTheEightWeekMean() {
        LocalDate shift = ForecastFixtures.START.plusDays(90);
        IntervalHistory history = ForecastFixtures.history(140, d -> d.isBefore(shift) ? 1500 : 2100, 7, 1);
        List<LocalDate> scored = history.days().keySet().stream()
                .filter(d -> !d.isBefore(shift.plusDays(14)) && d.getDayOfWeek().getValue() <= 5).toList();
        Map<String, Accuracy> result = Backtest.evaluate(history,
                List.of(ProfileLevelModel.withoutCalendar(), SeasonalNaive.meanOf(8)), scored, i -> true);
        assertThat(result.get("paydesk").wape()).isLessThan(0.8 * result.get("mean8").wape());
    }

    @Test
    void aHolidayInTheHistoryIsDetectedAndLeftOut() {
        LocalDate holiday = ForecastFixtures.START.plusDays(100 - 7); // a Wednesday one week before the target
        IntervalHistory clean = ForecastFixtures.history(100, d -> 2000, 3, 0);
        IntervalHistory withHoliday = ForecastFixtures.history(100, d -> d.equals(holiday) ? 300 : 2000, 3, 0);
        assertThat(SpecialDays.detect(withHoliday, d -> false)).containsExactly(holiday);
        LocalDate day = ForecastFixtures.START.plusDays(100);
        double[] a = ProfileLevelModel.withoutCalendar().forecast(clean, day);
        double[] b = ProfileLevelModel.withoutCalendar().forecast(withHoliday, day);
        assertThat(sum(b)).isCloseTo(sum(a), within(1e-6));
        assertThat(SeasonalNaive.lastWeek().forecast(withHoliday, day)[20]).isLessThan(0.2 * a[20]);
    }

    @Test
    void aCalendarHolidayIsForecastLow() {
        IntervalHistory history = ForecastFixtures.history(100, d -> 2000, 3, 0);
        LocalDate day = ForecastFixtures.START.plusDays(100);
        double normal = sum(ProfileLevelModel.withoutCalendar().forecast(history, day));
        double holiday = sum(new ProfileLevelModel(ProfileLevelModel.Settings.defaults(), day::equals)
                .forecast(history, day));
        assertThat(holiday).isLessThan(0.5 * normal);
    }

    @Test
    void theBacktestNeverShowsAModelTheDayItForecasts() {
        IntervalHistory history = ForecastFixtures.history(30, d -> 1000, 5, 1);
        ForecastModel peeking = new ForecastModel() {
            @Override
            public String name() {
                return "check";
            }

            @Override
            public double[] forecast(IntervalHistory past, LocalDate day) {
                assertThat(past.has(day)).isFalse();
                assertThat(past.last()).isBefore(day);
                return new double[48];
            }
        };
        List<LocalDate> scored = history.days().keySet().stream().skip(10).toList();
        Accuracy zero = Backtest.evaluate(history, List.of(peeking), scored, i -> true).get("check");
        assertThat(zero.wape()).isEqualTo(1.0);
        assertThat(zero.bias()).isEqualTo(-1.0);
    }

    @Test
    void modelSelectionPrefersTheModelThatWasRightRecently() {
        LocalDate shift = ForecastFixtures.START.plusDays(70);
        IntervalHistory history = ForecastFixtures.history(120, d -> d.isBefore(shift) ? 1000 : 1800, 9, 1);
        ForecastModel chosen = Backtest.select(history, List.of(SeasonalNaive.meanOf(8),
                ProfileLevelModel.withoutCalendar()), 15);
        assertThat(chosen.name()).isEqualTo("paydesk");
    }

    @Test
    void accuracyFigures() {
        Accuracy a = new Accuracy.Tally().add(110, 100).add(40, 50).add(5, 0).result();
        assertThat(a.wape()).isCloseTo(25.0 / 150, within(1e-12));
        assertThat(a.mape()).isCloseTo((0.1 + 0.2) / 2, within(1e-12));
        assertThat(a.bias()).isCloseTo(5.0 / 150, within(1e-12));
        assertThat(a.intervals()).isEqualTo(3);
    }

    @Test
    void intradayReforecastScalesTheRestOfTheDayWithDamping() {
        double[] forecast = new double[48];
        java.util.Arrays.fill(forecast, 10);
        double[] actuals = new double[48];
        java.util.Arrays.fill(actuals, 12);
        double[] unchanged = IntradayReforecast.reforecast(forecast, actuals, 0, 0.8);
        assertThat(unchanged).containsExactly(forecast);
        double[] half = IntradayReforecast.reforecast(forecast, actuals, 24, 0.8);
        assertThat(half[0]).isEqualTo(12);
        assertThat(half[30]).isGreaterThan(10).isLessThan(12);
        double[] late = IntradayReforecast.reforecast(forecast, actuals, 40, 0.8);
        assertThat(late[44]).isGreaterThan(half[44]);
        double[] collapse = IntradayReforecast.reforecast(forecast, new double[48], 24, 1.0);
        assertThat(collapse[30]).isGreaterThanOrEqualTo(5 * (1 - Math.sqrt(0.5) * 0.5) - 1e-9);
    }

    @Test
    void readsSixMinuteRowsIntoHalfHours() {
        String csv = """
                interval_start,calls
                1999-01-03T10:00:00,2
                1999-01-03T10:06:00,1.5
                1999-01-03T10:24:00,3
                1999-01-03T10:30:00,4
                """;
        IntervalHistory h = VolumeCsv.read(new BufferedReader(new StringReader(csv)), 30);
        double[] day = h.day(LocalDate.of(1999, 1, 3));
        assertThat(day[20]).isEqualTo(6.5);
        assertThat(day[21]).isEqualTo(4);
        assertThat(h.total(LocalDate.of(1999, 1, 3))).isEqualTo(10.5);
    }

    @Test
    void businessDayOfMonthCountsMainWeekdays() {
        var main = java.util.EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY);
        // July 1999: Thu 1, Fri 2, Sat 3, Sun 4, Mon 5
        assertThat(DailyLevelModel.businessDayOfMonth(LocalDate.of(1999, 7, 1), main)).isEqualTo(1);
        assertThat(DailyLevelModel.businessDayOfMonth(LocalDate.of(1999, 7, 5), main)).isEqualTo(3);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
