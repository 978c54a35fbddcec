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

    MarketService(JdbcClient jdbc, AuditLog audit, HolidayLibrary library) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.library = library;
    }

    /** What a caller supplies to create or update a market. */
    public record MarketSpec(String code, String name, String currency, String timeZone, List<String> languages,
                             @Nullable String holidayCountry) {
    }

    /** A manual change to the library's holidays: an extra closed day, or a library holiday worked. */
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
                    insert into platform_market (code, name, currency, time_zone, languages, holiday_country)
                    values (:code, :name, :currency, :zone, :languages, :holiday)""")
                    .param("code", market.code()).param("name", market.name())
                    .param("currency", market.currency().getCurrencyCode()).param("zone", market.zone().getId())
                    .param("languages", market.languages().toArray(String[]::new))
                    .param("holiday", market.holidayCountry()).update();
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
                    languages = :languages, holiday_country = :holiday, version = version + 1
                where code = :code""")
                .param("code", code).param("name", after.name())
                .param("currency", after.currency().getCurrencyCode()).param("zone", after.zone().getId())
                .param("languages", after.languages().toArray(String[]::new))
                .param("holiday", after.holidayCountry()).update();
        audit.record("market.updated", "market", code, code, before, after);
        return after;
    }

    public List<OpeningHours> openingHours(String code) {
        return jdbc.sql("select * from platform_opening_hours where market_code = :code order by day_of_week, opens")
                .param("code", code)
                .query((rs, i) -> new OpeningHours(DayOfWeek.of(rs.getInt("day_of_week")),
                        rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class)))
                .list();
    }

    @Transactional
    public void replaceOpeningHours(String code, List<OpeningHours> hours) {
        requireEditable(code);
        checkNoOverlap(hours);
        List<OpeningHours> before = openingHours(code);
        jdbc.sql("delete from platform_opening_hours where market_code = :code").param("code", code).update();
        writeHours(code, hours);
        audit.record("market.opening_hours_changed", "market", code, code, before, hours);
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
    }

    @Transactional
    public void removeOverride(String code, LocalDate day) {
        requireEditable(code);
        HolidayOverride before = overrides(code).stream().filter(o -> o.day().equals(day)).findFirst()
                .orElseThrow(() -> new NotFoundException("no holiday override on " + day + " for " + code));
        jdbc.sql("delete from platform_holiday_override where market_code = :code and day = :day")
                .param("code", code).param("day", day).update();
        audit.record("market.holiday_override_removed", "market", code, code, before, null);
    }

    @Override
    public BusinessCalendar calendar(String code) {
        Market market = require(code);
        List<HolidayOverride> overrides = overrides(code);
        return new BusinessCalendar(market.zone(), openingHours(code), year -> holidays(market, overrides, year));
    }

    private SortedMap<LocalDate, String> holidays(Market market, List<HolidayOverride> overrides, int year) {
        SortedMap<LocalDate, String> days = new TreeMap<>(library.publicHolidays(market.holidayCountry(), year));
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

    private static void checkNoOverlap(List<OpeningHours> hours) {
        for (int i = 0; i < hours.size(); i++) {
            for (int j = i + 1; j < hours.size(); j++) {
                OpeningHours a = hours.get(i);
                OpeningHours b = hours.get(j);
                if (a.day() == b.day() && a.opens().isBefore(b.closes()) && b.opens().isBefore(a.closes())) {
                    throw new InvalidInputException("openingHours", a.day() + ": windows " + a.opens() + "–"
                            + a.closes() + " and " + b.opens() + "–" + b.closes() + " overlap");
                }
            }
        }
    }

    private void writeHours(String code, List<OpeningHours> hours) {
        for (OpeningHours h : hours) {
            jdbc.sql("insert into platform_opening_hours (market_code, day_of_week, opens, closes) values (:c, :d, :o, :cl)")
                    .param("c", code).param("d", h.day().getValue()).param("o", h.opens()).param("cl", h.closes())
                    .update();
        }
    }

    private static Map<String, Object> view(Market m, List<OpeningHours> hours) {
        return Map.of("market", m, "openingHours", hours);
    }

    static Market map(ResultSet rs, int row) throws SQLException {
        return new Market(rs.getString("code"), rs.getString("name"), Currency.getInstance(rs.getString("currency")),
                ZoneId.of(rs.getString("time_zone")), strings(rs.getArray("languages")),
                rs.getString("holiday_country") == null ? rs.getString("code") : rs.getString("holiday_country"));
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((String[]) array.getArray());
    }
}
