package dev.paydesk.platform.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.paydesk.platform.AdministrationPolicy;
import dev.paydesk.platform.AuditLog;
import dev.paydesk.platform.CurrentUser;
import dev.paydesk.platform.BusinessCalendar;
import dev.paydesk.platform.Market;
import dev.paydesk.platform.MarketCatalog;
import dev.paydesk.platform.OpeningHours;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;

/** Markets and their business calendars: validation, persistence and audit. */
@Service
public class MarketService implements MarketCatalog {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final HolidayLibrary library;
    private final HolidaySetService holidaySets;
    private final DatedHoursService datedHours;
    private final CalendarCache calendars;

    MarketService(JdbcClient jdbc, AuditLog audit, HolidayLibrary library, HolidaySetService holidaySets,
                  DatedHoursService datedHours, CalendarCache calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.audit = audit;
        this.library = library;
        this.holidaySets = holidaySets;
        this.datedHours = datedHours;
    }

    /**
     * What a caller supplies to create or update a market.
     *
     * @param holidayCountry whose national public holidays apply; blank for the market's own country
     * @param publicHolidays false for a calendar without national holidays (a 24/7 team, a company calendar)
     */
    public record MarketSpec(String code, String name, String currency, String timeZone, List<String> languages,
                             @Nullable String holidayCountry, boolean publicHolidays) {

        public MarketSpec(String code, String name, String currency, String timeZone, List<String> languages,
                          @Nullable String holidayCountry) {
            this(code, name, currency, timeZone, languages, holidayCountry, true);
        }
    }

    /** A manual change to the market's holidays: an extra closed day, or a holiday (library or set) worked. */
    public record HolidayOverride(LocalDate day, String name, boolean closed) {
    }

    @Override
    public List<Market> markets() {
        return jdbc.sql("select * from platform_market order by code").query(MarketService::map).list();
    }

    @Override
    public Optional<Market> market(String code) {
        return jdbc.sql("select * from platform_market where code = :code").param("code", code)
                .query(MarketService::map).optional();
    }

    public Market require(String code) {
        return market(code).orElseThrow(() -> new NotFoundException("market " + code + " does not exist"));
    }

    /** A market the signed-in user may edit (see {@link AdministrationPolicy#mayEditSetting}); others answer 404. */
    private Market requireEditable(String code) {
        Market market = require(code);
        CurrentUser.enforce(p -> AdministrationPolicy.mayEditSetting(p, market.code()),
                () -> new NotFoundException("market " + code + " does not exist"));
        return market;
    }

    @Transactional
    public Market create(MarketSpec spec) {
        CurrentUser.enforce(AdministrationPolicy::mayCreateMarket, () -> new NotFoundException("market does not exist"));
        Market market = validate(spec);
        try {
            jdbc.sql("""
                    insert into platform_market (code, name, currency, time_zone, languages, holiday_country,
                        public_holidays)
                    values (:code, :name, :currency, :zone, :languages, :holiday, :publicHolidays)""")
                    .param("code", market.code()).param("name", market.name())
                    .param("currency", market.currency().getCurrencyCode()).param("zone", market.zone().getId())
                    .param("languages", market.languages().toArray(String[]::new))
                    .param("holiday", market.holidayCountry())
                    .param("publicHolidays", market.holidayCountry() != null).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("market " + market.code() + " already exists");
        }
        List<OpeningHours> defaults = new ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            defaults.add(new OpeningHours(d, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        writeHours(market.code(), defaults);
        audit.record("market.created", "market", market.code(), market.code(), null, view(market, defaults));
        calendars.changed();
        return market;
    }

    @Transactional
    public Market update(String code, MarketSpec spec) {
        Market before = requireEditable(code);
        if (!code.equals(spec.code())) {
            throw new InvalidInputException("code", "the market code cannot be changed");
        }
        Market after = validate(spec);
        jdbc.sql("""
                update platform_market set name = :name, currency = :currency, time_zone = :zone,
                    languages = :languages, holiday_country = :holiday, public_holidays = :publicHolidays,
                    version = version + 1
                where code = :code""")
                .param("code", code).param("name", after.name())
                .param("currency", after.currency().getCurrencyCode()).param("zone", after.zone().getId())
                .param("languages", after.languages().toArray(String[]::new))
                .param("holiday", after.holidayCountry())
                .param("publicHolidays", after.holidayCountry() != null).update();
        audit.record("market.updated", "market", code, code, before, after);
        calendars.changed();
        return after;
    }

    public List<OpeningHours> openingHours(String code) {
        return jdbc.sql("select * from platform_opening_hours where market_code = :code order by day_of_week, opens")
                .param("code", code)
                .query((rs, i) -> new OpeningHours(DayOfWeek.of(rs.getInt("day_of_week")), time(rs, "opens", false),
                        time(rs, "closes", true)))
                .list();
    }

    /**
     * Replaces the weekly hours. A week without any window, and windows of a day that overlap, are refused: a
     * calendar without working time would leave every clock and deadline of the market without an answer.
     */
    @Transactional
    public void replaceOpeningHours(String code, List<OpeningHours> hours) {
        requireEditable(code);
        if (hours.isEmpty()) {
            throw new InvalidInputException("openingHours", "a calendar needs at least one opening window a week;"
                    + " for round-the-clock service give 00:00–24:00 on every day");
        }
        OpeningHours.checkNoOverlap(hours, "openingHours");
        List<OpeningHours> before = openingHours(code);
        jdbc.sql("delete from platform_opening_hours where market_code = :code").param("code", code).update();
        writeHours(code, hours);
        audit.record("market.opening_hours_changed", "market", code, code, before, hours);
        calendars.changed();
    }

    public List<HolidayOverride> overrides(String code) {
        return jdbc.sql("select * from platform_holiday_override where market_code = :code order by day")
                .param("code", code)
                .query((rs, i) -> new HolidayOverride(rs.getObject("day", LocalDate.class), rs.getString("name"),
                        rs.getString("kind").equals("CLOSED")))
                .list();
    }

    @Transactional
    public void putOverride(String code, HolidayOverride override) {
        requireEditable(code);
        if (override.name() == null || override.name().isBlank()) {
            throw new InvalidInputException("name", "a holiday override needs a name");
        }
        Optional<HolidayOverride> before = overrides(code).stream().filter(o -> o.day().equals(override.day()))
                .findFirst();
        jdbc.sql("""
                insert into platform_holiday_override (market_code, day, name, kind) values (:code, :day, :name, :kind)
                on conflict (market_code, day) do update set name = excluded.name, kind = excluded.kind""")
                .param("code", code).param("day", override.day()).param("name", override.name().trim())
                .param("kind", override.closed() ? "CLOSED" : "OPEN").update();
        audit.record("market.holiday_override_set", "market", code, code, before.orElse(null), override);
        calendars.changed();
    }

    @Transactional
    public void removeOverride(String code, LocalDate day) {
        requireEditable(code);
        HolidayOverride before = overrides(code).stream().filter(o -> o.day().equals(day)).findFirst()
                .orElseThrow(() -> new NotFoundException("no holiday override on " + day + " for " + code));
        jdbc.sql("delete from platform_holiday_override where market_code = :code and day = :day")
                .param("code", code).param("day", day).update();
        audit.record("market.holiday_override_removed", "market", code, code, before, null);
        calendars.changed();
    }

    /**
     * The market's calendar: weekly hours and dated exceptions; holidays from the national library (unless the
     * market has none), plus the company holiday sets it uses, then its own overrides (extra closed days, worked
     * holidays) on top.
     */
    @Override
    public BusinessCalendar calendar(String code) {
        return calendars.get(code, this::buildCalendar);
    }

    private BusinessCalendar buildCalendar(String code) {
        Market market = require(code);
        List<HolidayOverride> overrides = overrides(code);
        List<String> sets = holidaySets.setsOf(market.code());
        return new BusinessCalendar(market.zone(), openingHours(code),
                year -> holidays(market, sets, overrides, year), datedHours.of(market.code()));
    }

    private SortedMap<LocalDate, String> holidays(Market market, List<String> sets, List<HolidayOverride> overrides,
                                                  int year) {
        SortedMap<LocalDate, String> days = new TreeMap<>(market.holidayCountry() == null ? Map.of()
                : library.publicHolidays(market.holidayCountry(), year));
        holidaySets.days(sets, year).forEach((day, name) -> days.merge(day, name, (a, b) -> a + " / " + b));
        for (HolidayOverride o : overrides) {
            if (o.day().getYear() != year) {
                continue;
            }
            if (o.closed()) {
                days.put(o.day(), o.name());
            } else {
                days.remove(o.day());
            }
        }
        return days;
    }

    Market validate(MarketSpec spec) {
        String code = required(spec.code(), "code").toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}") || !COUNTRIES.contains(code)) {
            throw new InvalidInputException("code", "'" + spec.code() + "' is not an ISO 3166 country code");
        }
        String name = required(spec.name(), "name");
        Currency currency;
        try {
            currency = Currency.getInstance(required(spec.currency(), "currency").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency", "'" + spec.currency() + "' is not an ISO 4217 currency code");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(required(spec.timeZone(), "timeZone"));
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "'" + spec.timeZone() + "' is not a known time zone");
        }
        if (spec.languages() == null || spec.languages().isEmpty()) {
            throw new InvalidInputException("languages", "a market needs at least one language");
        }
        List<String> languages = spec.languages().stream().map(l -> l.trim().toLowerCase(Locale.ROOT)).toList();
        for (String l : languages) {
            if (!LANGUAGES.contains(l)) {
                throw new InvalidInputException("languages", "'" + l + "' is not an ISO 639 language code");
            }
        }
        if (!spec.publicHolidays()) {
            return new Market(code, name, currency, zone, languages, null);
        }
        String holidayCountry = spec.holidayCountry() == null || spec.holidayCountry().isBlank() ? code
                : spec.holidayCountry().trim().toUpperCase(Locale.ROOT);
        if (!library.supports(holidayCountry)) {
            throw new InvalidInputException("holidayCountry", "no public-holiday calendar for '" + holidayCountry + "'");
        }
        return new Market(code, name, currency, zone, languages, holidayCountry);
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
        return value.trim();
    }

    private void writeHours(String code, List<OpeningHours> hours) {
        for (OpeningHours h : hours) {
            jdbc.sql("""
                    insert into platform_opening_hours (market_code, day_of_week, opens, closes)
                    values (:c, :d, :o, cast(:cl as time))""")
                    .param("c", code).param("d", h.day().getValue()).param("o", h.opens())
                    .param("cl", storedClosing(h)).update();
        }
    }

    /** 24:00 is stored as PostgreSQL's time '24:00:00', which sorts after every other closing time. */
    static String storedClosing(OpeningHours h) {
        return h.closesAtEndOfDay() ? "24:00:00" : h.closes().toString();
    }

    static LocalTime time(ResultSet rs, String column, boolean closing) throws SQLException {
        return OpeningHours.parse(column, rs.getString(column), closing);
    }

    private static Map<String, Object> view(Market m, List<OpeningHours> hours) {
        return Map.of("market", m, "openingHours", hours);
    }

    static Market map(ResultSet rs, int row) throws SQLException {
        return new Market(rs.getString("code"), rs.getString("name"), Currency.getInstance(rs.getString("currency")),
                ZoneId.of(rs.getString("time_zone")), strings(rs.getArray("languages")),
                !rs.getBoolean("public_holidays") ? null
                        : rs.getString("holiday_country") == null ? rs.getString("code") : rs.getString("holiday_country"));
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((String[]) array.getArray());
    }
}
