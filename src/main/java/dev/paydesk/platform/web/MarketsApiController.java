package dev.paydesk.platform.web;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.DatedHours;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.OpeningHours;
import dev.paydesk.platform.internal.DatedHoursService;
import dev.paydesk.platform.internal.HolidaySetService;
import dev.paydesk.platform.internal.MarketService;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.paydesk.platform.access.AdminOnly;
import dev.paydesk.platform.access.ProcessManagerOrAdmin;

/** REST API of markets and their business calendars: hours, dated exceptions, holidays, business-time arithmetic. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Markets", description = "Markets, business calendars, holiday sets and business-time arithmetic")
class MarketsApiController {

    /** Instants the calendar answers for; outside, a 400 (the holiday library and time zones stop being meaningful). */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
    private static final long MAX_MINUTES = 10L * 366 * 24 * 60;
    private static final int MAX_DAYS = 2500;

    private final MarketService markets;
    private final DatedHoursService datedHours;
    private final HolidaySetService holidaySets;

    MarketsApiController(MarketService markets, DatedHoursService datedHours, HolidaySetService holidaySets) {
        this.markets = markets;
        this.datedHours = datedHours;
        this.holidaySets = holidaySets;
    }

    // ---- markets ----------------------------------------------------------------------------

    record MarketView(String code, String name, String currency, String timeZone, List<String> languages,
                      @Nullable String holidayCountry, boolean publicHolidays) {
        static MarketView of(Market m) {
            return new MarketView(m.code(), m.name(), m.currency().getCurrencyCode(), m.zone().getId(), m.languages(),
                    m.holidayCountry(), m.holidayCountry() != null);
        }
    }

    @GetMapping("/markets")
    @Operation(summary = "Markets the caller is scoped to")
    List<MarketView> markets() {
        return markets.markets().stream().filter(m -> CurrentUser.canAccessMarket(m.code())).map(MarketView::of).toList();
    }

    @GetMapping("/markets/{code}")
    MarketView market(@PathVariable String code) {
        return MarketView.of(scoped(code));
    }

    /** {@code publicHolidays: false} gives a calendar without national holidays (a 24/7 team, a company calendar). */
    record MarketRequest(String code, String name, String currency, String timeZone, List<String> languages,
                         @Nullable String holidayCountry, @Nullable Boolean publicHolidays) {
        MarketService.MarketSpec spec() {
            return new MarketService.MarketSpec(code, name, currency, timeZone, languages, holidayCountry,
                    !Boolean.FALSE.equals(publicHolidays));
        }
    }

    @PostMapping("/markets")
    @ResponseStatus(HttpStatus.CREATED)
    @AdminOnly
    MarketView createMarket(@RequestBody MarketRequest req) {
        return MarketView.of(markets.create(req.spec()));
    }

    @PutMapping("/markets/{code}")
    @AdminOnly
    MarketView updateMarket(@PathVariable String code, @RequestBody MarketRequest req) {
        return MarketView.of(markets.update(scoped(code).code(), req.spec()));
    }

    // ---- calendar ---------------------------------------------------------------------------

    /** A window; times are "HH:MM", a closing may be "24:00". */
    record HoursView(@Nullable DayOfWeek day, @Nullable String opens, @Nullable String closes) {
        static HoursView of(OpeningHours h) {
            return new HoursView(h.day(), h.opensText(), h.closesText());
        }

        OpeningHours hours(String field, @Nullable DayOfWeek onDay) {
            DayOfWeek d = onDay != null ? onDay : day;
            if (d == null) {
                throw new InvalidInputException(field + ".day", "each window needs a day");
            }
            return new OpeningHours(d, OpeningHours.parse(field + ".opens", opens, false),
                    OpeningHours.parse(field + ".closes", closes, true));
        }
    }

    record DatedHoursView(LocalDate date, String note, boolean closed, List<HoursView> hours) {
        static DatedHoursView of(DatedHours d) {
            return new DatedHoursView(d.date(), d.note(), d.closed(), d.hours().stream().map(HoursView::of).toList());
        }
    }

    record CalendarView(String market, String timeZone, @Nullable String holidayCountry, List<String> holidaySets,
                        List<HoursView> openingHours, List<DatedHoursView> datedHours,
                        Map<LocalDate, String> holidays, List<MarketService.HolidayOverride> overrides) {
    }

    @GetMapping("/markets/{code}/calendar")
    @Operation(summary = "Opening hours, dated exceptions, the year's holidays (library, holiday sets, overrides)")
    CalendarView calendar(@PathVariable String code, @RequestParam(required = false) @Nullable Integer year) {
        Market m = scoped(code);
        BusinessCalendar cal = markets.calendar(m.code());
        int y = year == null ? LocalDate.now(m.zone()).getYear() : year;
        if (y < 1900 || y > 2199) {
            throw new InvalidInputException("year", "year must be between 1900 and 2199");
        }
        return new CalendarView(m.code(), m.zone().getId(), m.holidayCountry(), holidaySets.setsOf(m.code()),
                cal.openingHours().stream().map(HoursView::of).toList(),
                cal.datedHours().stream().map(DatedHoursView::of).toList(), cal.holidays(y), markets.overrides(m.code()));
    }

    @PutMapping("/markets/{code}/opening-hours")
    @ProcessManagerOrAdmin
    @Operation(summary = "Replace the weekly hours; empty, overlapping or inverted windows are a 400")
    CalendarView replaceHours(@PathVariable String code, @RequestBody @Nullable List<HoursView> hours) {
        Market m = scoped(code);
        markets.replaceOpeningHours(m.code(), windows("openingHours", hours, null));
        return calendar(code, null);
    }

    record DatedHoursRequest(@Nullable String note, @Nullable List<HoursView> hours) {
    }

    @PutMapping("/markets/{code}/dated-hours/{date}")
    @ProcessManagerOrAdmin
    @Operation(summary = "Set the hours of one date (replacing the weekly hours); no windows closes the date")
    CalendarView putDatedHours(@PathVariable String code, @PathVariable LocalDate date,
                               @RequestBody DatedHoursRequest req) {
        Market m = scoped(code);
        requireYear("date", date.getYear());
        datedHours.put(m.code(), new DatedHours(date, req.note() == null ? "" : req.note(),
                windows("hours", req.hours() == null ? List.of() : req.hours(), date.getDayOfWeek())));
        return calendar(code, date.getYear());
    }

    @DeleteMapping("/markets/{code}/dated-hours/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProcessManagerOrAdmin
    void deleteDatedHours(@PathVariable String code, @PathVariable LocalDate date) {
        datedHours.remove(scoped(code).code(), date);
    }

    @PutMapping("/markets/{code}/holidays/{day}")
    @ProcessManagerOrAdmin
    @Operation(summary = "Add a closed day, or mark a holiday (library or holiday set) as worked with closed=false")
    CalendarView putHoliday(@PathVariable String code, @PathVariable LocalDate day,
                            @RequestBody Map<String, Object> body) {
        Market m = scoped(code);
        requireYear("day", day.getYear());
        Object closed = body.getOrDefault("closed", Boolean.TRUE);
        markets.putOverride(m.code(), new MarketService.HolidayOverride(day,
                String.valueOf(body.getOrDefault("name", "")), Boolean.parseBoolean(String.valueOf(closed))));
        return calendar(code, day.getYear());
    }

    @DeleteMapping("/markets/{code}/holidays/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProcessManagerOrAdmin
    void deleteHoliday(@PathVariable String code, @PathVariable LocalDate day) {
        markets.removeOverride(scoped(code).code(), day);
    }

    @PutMapping("/markets/{code}/holiday-sets")
    @ProcessManagerOrAdmin
    @Operation(summary = "Choose the company holiday sets this market's calendar uses")
    CalendarView useHolidaySets(@PathVariable String code, @RequestBody @Nullable List<String> names) {
        Market m = scoped(code);
        holidaySets.useSets(m.code(), names == null ? List.of() : names);
        return calendar(code, null);
    }

    // ---- business-time arithmetic --------------------------------------------------------------

    record BusinessTime(String market, Instant from, Instant to, long businessMinutes) {
    }

    @GetMapping("/markets/{code}/business-time")
    @Operation(summary = "Business minutes between two instants on the market's calendar")
    BusinessTime businessTime(@PathVariable String code, @RequestParam Instant from, @RequestParam Instant to) {
        Market m = scoped(code);
        requireInRange("from", from);
        requireInRange("to", to);
        if (Duration.between(from, to).abs().toDays() > MAX_DAYS * 2L) {
            throw new InvalidInputException("to", "from and to may be at most " + MAX_DAYS * 2 + " days apart");
        }
        return new BusinessTime(m.code(), from, to, markets.calendar(m.code()).businessMinutesBetween(from, to));
    }

    /** How far to count: exactly one of {@code minutes} and {@code days} is given. */
    record Deadline(String market, Instant start, @Nullable Long businessMinutes, @Nullable Integer businessDays,
                    Instant due) {
    }

    @GetMapping("/markets/{code}/deadline")
    @Operation(summary = "The instant after N business minutes, or the close of the Nth business day, from a start."
            + " A target that uses up exactly the rest of a business period ends at its closing instant")
    Deadline deadline(@PathVariable String code, @RequestParam Instant start,
                      @RequestParam(required = false) @Nullable Long minutes,
                      @RequestParam(required = false) @Nullable Integer days) {
        Market m = scoped(code);
        requireInRange("start", start);
        BusinessCalendar cal = markets.calendar(m.code());
        Instant due = amount(minutes, days) == Unit.MINUTES ? cal.plusBusinessTime(start, Duration.ofMinutes(minutes))
                : cal.plusBusinessDays(start, days);
        return new Deadline(m.code(), start, minutes, days, due);
    }

    record LatestStart(String market, Instant due, @Nullable Long businessMinutes, @Nullable Integer businessDays,
                       Instant latestStart) {
    }

    @GetMapping("/markets/{code}/latest-start")
    @Operation(summary = "The latest start that still leaves N business minutes (or N whole business days, from"
            + " the opening of the Nth business day before the due date) before a due instant")
    LatestStart latestStart(@PathVariable String code, @RequestParam Instant due,
                            @RequestParam(required = false) @Nullable Long minutes,
                            @RequestParam(required = false) @Nullable Integer days) {
        Market m = scoped(code);
        requireInRange("due", due);
        BusinessCalendar cal = markets.calendar(m.code());
        Instant start = amount(minutes, days) == Unit.MINUTES ? cal.minusBusinessTime(due, Duration.ofMinutes(minutes))
                : cal.minusBusinessDays(due, days);
        return new LatestStart(m.code(), due, minutes, days, start);
    }

    private enum Unit { MINUTES, DAYS }

    private static Unit amount(@Nullable Long minutes, @Nullable Integer days) {
        if ((minutes == null) == (days == null)) {
            throw new InvalidInputException("minutes", "give exactly one of minutes and days");
        }
        if (minutes != null && (minutes < 0 || minutes > MAX_MINUTES)) {
            throw new InvalidInputException("minutes", "minutes must be between 0 and " + MAX_MINUTES);
        }
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw new InvalidInputException("days", "days must be between 1 and " + MAX_DAYS);
        }
        return minutes != null ? Unit.MINUTES : Unit.DAYS;
    }

    private static List<OpeningHours> windows(String field, @Nullable List<HoursView> hours, @Nullable DayOfWeek day) {
        if (hours == null) {
            throw new InvalidInputException(field, "a list of windows is required");
        }
        List<OpeningHours> result = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            HoursView h = hours.get(i);
            if (h == null) {
                throw new InvalidInputException(field + "[" + i + "]", "a window must not be null");
            }
            result.add(h.hours(field + "[" + i + "]", day));
        }
        return result;
    }

    private static void requireInRange(String field, Instant at) {
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            throw new InvalidInputException(field, field + " must lie between " + EARLIEST + " and " + LATEST);
        }
    }

    static void requireYear(String field, int year) {
        if (year < 1900 || year > 2199) {
            throw new InvalidInputException(field, "the year must be between 1900 and 2199");
        }
    }

    private Market scoped(String code) {
        Market m = markets.require(code.toUpperCase(Locale.ROOT));
        if (!CurrentUser.canAccessMarket(m.code())) {
            throw new NotFoundException("market " + code + " does not exist");
        }
        return m;
    }
}
